package dev.asynclint.core;

/**
 * One way code comes to run on an event loop.
 *
 * <ul>
 *   <li>{@link Kind#OVERRIDE}: a method that overrides {@code method} (a handler method such as
 *       Netty's {@code ChannelInboundHandler#channelRead}).
 *   <li>{@link Kind#CALLBACK}: a lambda, method reference or anonymous class passed to
 *       {@code method} (at {@code argument}, or any functional argument when it is -1), unless
 *       one of the parameters has type {@code unlessParam} (an explicit executor).
 *   <li>{@link Kind#ANNOTATION}: a method or type carrying the annotation named by
 *       {@code method.owner()}.
 * </ul>
 *
 * @param where a phrase read after "which": "runs on the channel's event loop"
 */
public record EventLoopEntry(
    Kind kind,
    String framework,
    MethodPattern method,
    int argument,
    String unlessParam,
    Confidence confidence,
    String where,
    String origin) {

  public enum Kind {
    OVERRIDE,
    CALLBACK,
    ANNOTATION
  }
}
