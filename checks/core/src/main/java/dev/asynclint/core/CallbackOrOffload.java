package dev.asynclint.core;

/**
 * What a method does with a lambda, method reference or anonymous class passed to it: runs it on
 * an event loop (a catalog {@link EventLoopEntry} of kind CALLBACK), moves it off the loop (an
 * {@link OffloadPoint}), or neither. Both engines ask this question with the same rules, so the
 * choice lives here and only the type questions stay in the engines:
 *
 * <ul>
 *   <li>among the callback entries that match, and among the offload points that match, the one
 *       declared on the most specific owner wins (a package owner is the least specific);
 *   <li>an offload point beats a callback only when its owner is more specific
 *       ({@code EventLoopGroup#execute} over {@code Executor#execute}); a tie goes to the event
 *       loop, so an explicit executor argument ({@code unlessParam}) is what turns a common-pool
 *       callback off;
 *   <li>an {@link InlineCallback} (the callable runs at once, on the caller's thread) beats a
 *       callback entry unless that callback's owner is more specific, and loses to a more specific
 *       offload point; it leaves the choice empty, as for a method the catalog does not know, so
 *       the engines go on to the code that encloses the call.
 * </ul>
 */
public final class CallbackOrOffload {
  private CallbackOrOffload() {}

  /** The type questions an engine answers about the method a callable is passed to. */
  public interface Callee {
    /** Whether the catalog pattern matches this method, called on this receiver. */
    boolean matches(MethodPattern pattern);

    /** Whether {@code a}'s owner is a proper subtype of {@code b}'s; a package owner is least specific. */
    boolean moreSpecific(MethodPattern a, MethodPattern b);

    /** Whether one of the method's parameters has this type (or a subtype). */
    boolean hasParamOfType(String type);

    /** Whether the parameter at {@code index} (the element type of trailing varargs) is a functional interface. */
    boolean functionalParam(int index);
  }

  /**
   * The winner: {@code offload} set means the callable runs off the loop; otherwise
   * {@code callback}, when set, is why it runs on one; both null when the catalog knows nothing
   * or, with {@code inline} set, knows that the callable runs where its caller runs.
   */
  public record Choice(EventLoopEntry callback, OffloadPoint offload, InlineCallback inline) {
    public Choice(EventLoopEntry callback, OffloadPoint offload) {
      this(callback, offload, null);
    }

    public boolean offloaded() {
      return offload != null;
    }

    /** The callable runs at once on the caller's thread: judge the code around the call. */
    public boolean runsInline() {
      return inline != null;
    }
  }

  /** The choice for a callable passed at parameter {@code paramIndex} of {@code callee}. */
  public static Choice choose(Catalog catalog, Callee callee, int paramIndex) {
    EventLoopEntry bestCallback = null;
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.CALLBACK)) {
      if (argumentMatches(entry.argument(), paramIndex)
          && callee.matches(entry.method())
          && (entry.unlessParam() == null || !callee.hasParamOfType(entry.unlessParam()))
          && (!entry.method().ownerIsPackage() || callee.functionalParam(paramIndex))
          && (bestCallback == null || callee.moreSpecific(entry.method(), bestCallback.method()))) {
        bestCallback = entry;
      }
    }
    OffloadPoint bestOffload = null;
    for (OffloadPoint offload : catalog.offloadPoints()) {
      if (argumentMatches(offload.argument(), paramIndex)
          && callee.matches(offload.method())
          && (bestOffload == null || callee.moreSpecific(offload.method(), bestOffload.method()))) {
        bestOffload = offload;
      }
    }
    InlineCallback bestInline = null;
    for (InlineCallback inline : catalog.inlineCallbacks()) {
      if (argumentMatches(inline.argument(), paramIndex)
          && callee.matches(inline.method())
          && (bestInline == null || callee.moreSpecific(inline.method(), bestInline.method()))) {
        bestInline = inline;
      }
    }
    if (bestInline != null
        && (bestCallback == null || !callee.moreSpecific(bestCallback.method(), bestInline.method()))
        && (bestOffload == null || !callee.moreSpecific(bestOffload.method(), bestInline.method()))) {
      return new Choice(null, null, bestInline);
    }
    if (bestOffload != null
        && (bestCallback == null || callee.moreSpecific(bestOffload.method(), bestCallback.method()))) {
      return new Choice(null, bestOffload);
    }
    return new Choice(bestCallback, null);
  }

  private static boolean argumentMatches(int wanted, int actual) {
    return wanted < 0 || wanted == actual;
  }
}
