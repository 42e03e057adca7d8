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

  // The phrases below are the one wording both engines use, so their messages agree word for word.

  /** Inside a method the entry's annotation declares: "inside `onTick`, which is declared @NonBlocking". */
  public static EventLoopContext insideAnnotated(String method, EventLoopEntry entry) {
    return new EventLoopContext(entry.framework(),
        "inside `" + method + "`, which " + entry.where(), entry.confidence());
  }

  /**
   * Inside a handler method: "inside `channelRead` of `EchoHandler` (a Netty
   * ChannelInboundHandler), which runs on the channel's event loop". {@code ownerSimpleName} is
   * null for an anonymous class.
   */
  public static EventLoopContext insideOverride(String method, String ownerSimpleName, EventLoopEntry entry) {
    String type = simpleName(entry.method().owner());
    String owner = ownerSimpleName == null || ownerSimpleName.isEmpty()
        ? "an anonymous " + type : "`" + ownerSimpleName + "`";
    return new EventLoopContext(entry.framework(),
        "inside `" + method + "` of " + owner + " (a " + frameworkName(entry.framework()) + " " + type
            + "), which " + entry.where(),
        entry.confidence());
  }

  /**
   * Inside a callable passed to an API: "inside the lambda passed to `Route.handler`, which runs on
   * the Vert.x event loop". {@code what} is "the lambda", "the method reference" or "the anonymous
   * class"; {@code callee} is {@code Owner.method} or {@code new Owner}.
   */
  public static EventLoopContext insideCallback(String what, String callee, EventLoopEntry entry) {
    return new EventLoopContext(entry.framework(),
        "inside " + what + " passed to `" + callee + "`, which " + entry.where(), entry.confidence());
  }

  /** How users name a catalog framework: NETTY is "Netty", COMMON_POOL is "CompletableFuture". */
  public static String frameworkName(String framework) {
    return switch (framework) {
      case "NETTY" -> "Netty";
      case "VERTX" -> "Vert.x";
      case "REACTOR" -> "Reactor";
      case "RXJAVA" -> "RxJava";
      case "MUTINY" -> "Mutiny";
      case "COMMON_POOL" -> "CompletableFuture";
      case "WEBFLUX" -> "Spring WebFlux";
      default -> framework.charAt(0) + framework.substring(1).toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** {@code io.netty.channel.ChannelInboundHandler} as "ChannelInboundHandler", nested as "Outer.Inner". */
  public static String simpleName(String qualifiedType) {
    return qualifiedType.substring(qualifiedType.lastIndexOf('.') + 1).replace('$', '.');
  }
}
