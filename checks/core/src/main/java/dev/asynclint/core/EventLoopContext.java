package dev.asynclint.core;

/**
 * The answer to "does this code run on an event loop?": which framework's loop, why we think so
 * (a phrase a user reads after "It runs "), and how sure we are.
 */
public record EventLoopContext(String framework, String reason, Confidence confidence) {
  public EventLoopContext {
    if (framework == null || reason == null || confidence == null) {
      throw new IllegalArgumentException("framework, reason and confidence are required");
    }
  }

  public boolean definite() {
    return confidence == Confidence.DEFINITE;
  }
}
