package dev.asynclint.core;

import java.util.List;

/**
 * A loop that holds its thread for as long as it runs, as every engine finds it: its shape, its
 * trip count as shown to the user, and the work one iteration does.
 *
 * <p>The wording of {@code NonYieldingLoopInEventLoop} lives here, so the Error Prone engine and
 * the source scanner say the same thing word for word.
 *
 * @param bound for SPIN the polled state ("on `!done`"), for ENDLESS the loop's head
 *     ("while (true)"), for DATA_SIZED the trip count ("once per element of `orders`"), for
 *     RECURSION "`walk` calls itself"
 * @param work for SPIN what the body does ("`Thread.onSpinWait()`"), for DATA_SIZED what makes an
 *     iteration heavy ("calls `md.update(...)`"); empty otherwise
 */
public record NonYieldingLoop(Kind kind, String bound, String work) {
  /** What is said when the catalog has no CPU fix for the framework. */
  public static final String DEFAULT_FIX =
      "split the work into chunks and re-schedule the rest on the loop, or offload it to a worker executor";

  public enum Kind {
    /** A busy-wait: polls state and does nothing else. Definite. */
    SPIN,
    /** {@code while (true)} or {@code for (;;)} with no break, return or throw. Definite. */
    ENDLESS,
    /** The trip count comes from data, and every iteration does real work. Likely. */
    DATA_SIZED,
    /** The method calls itself, so its depth and work grow with its input. Likely. */
    RECURSION
  }

  public NonYieldingLoop {
    bound = bound == null ? "" : bound;
    work = work == null ? "" : work;
  }

  public boolean definite() {
    return kind == Kind.SPIN || kind == Kind.ENDLESS;
  }

  /** A constant trip count above the bound: "5000 times (a constant above the loop bound of 1000)". */
  public static String constantTimes(long count, int loopBound) {
    return count + " times (a constant above the loop bound of " + loopBound + ")";
  }

  /** A trip count that is the size of {@code source}: "once per element of `orders`". */
  public static String perElement(String source) {
    return "once per element of `" + source + "`";
  }

  /** "This loop busy-waits on `!f.isDone()`, doing nothing but `Thread.onSpinWait()`; ...". */
  public String describe() {
    return switch (kind) {
      case SPIN -> "This loop busy-waits " + bound + ", doing nothing but " + work
          + "; it holds the thread until another thread changes that state";
      case ENDLESS -> "This `" + bound + "` loop has no break, return or throw, so it never ends";
      case DATA_SIZED -> "This loop runs " + bound + " (its trip count comes from data) and "
          + work + " on every iteration, without ever yielding";
      case RECURSION -> bound + ", so its depth and work grow with its input";
    };
  }

  /** The loop as a phrase after "which", for a call that reaches it: "busy-waits on ...". */
  public String reachedBy() {
    return switch (kind) {
      case SPIN -> "busy-waits " + bound + ", doing nothing but " + work;
      case ENDLESS -> "loops forever (`" + bound + "` with no break, return or throw)";
      case DATA_SIZED -> "loops " + bound + " and " + work + " on every iteration";
      case RECURSION -> "recurses over its input (" + bound + ")";
    };
  }

  /**
   * The whole diagnostic at the loop (or at a call to a recursive method, with {@code prefix}
   * "`walk(root)` recurses: "): what the loop does, where it runs, why it hurts, the fix.
   */
  public String message(String prefix, EventLoopContext context, Catalog catalog) {
    StringBuilder message = new StringBuilder(prefix == null ? "" : prefix)
        .append(describe())
        .append(", ").append(context.reason()).append('.');
    if (kind == Kind.SPIN) {
      message.append(" On a single event loop the state it waits for may never change, because the"
          + " code that would change it is queued behind this loop. Fix: react to the change instead"
          + " of polling (a listener: addListener, onComplete, whenComplete), or schedule a re-check"
          + " with a timer.");
    } else {
      message.append(kind == Kind.ENDLESS
              ? " Nothing queued behind it on that thread ever runs again. Fix: "
              : " Everything queued behind it on that thread waits until it finishes. Fix: ")
          .append(fix(context, catalog))
          .append('.');
    }
    return message.toString();
  }

  /** At a call from event-loop code that reaches such a loop through the project's own methods. */
  public static String reachedMessage(String shownCall, List<String> chain, String reachedBy,
      EventLoopContext context, Catalog catalog) {
    return "`" + shownCall + "` reaches " + String.join(" → ", chain) + ", which " + reachedBy + ", "
        + context.reason() + ". Everything queued behind it on that thread waits until it finishes."
        + " Fix: " + fix(context, catalog) + ".";
  }

  /** The framework's way to give the loop back, from the catalog's {@code fix <FW> CPU} lines. */
  public static String fix(EventLoopContext context, Catalog catalog) {
    return catalog.fix(context.framework(), Category.CPU).orElse(DEFAULT_FIX);
  }
}
