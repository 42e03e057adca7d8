package dev.asynclint.agent.bootstrap;

/** Thrown in strict mode into the thread that made a blocking call on an event loop. */
public final class BlockingCallError extends Error {
  private static final long serialVersionUID = 1L;

  public BlockingCallError(String message) {
    super(message);
  }
}
