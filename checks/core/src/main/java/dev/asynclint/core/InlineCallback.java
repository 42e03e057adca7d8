package dev.asynclint.core;

/**
 * An API that runs the callable passed to it at once, on the caller's thread, before it returns
 * (Vert.x {@code Future.future(promise -> ...)}): the callable runs wherever its caller runs, like
 * one passed to a method the catalog does not know, so engines judge it by the enclosing code. It
 * outranks a callback entry declared on the same or a less specific owner (the catalog's "any
 * {@code Handler} parameter of an {@code io.vertx} type").
 *
 * @param argument the parameter index the callable is passed at, or -1 for any functional one
 * @param why why it runs at once: "runs the handler before it returns"
 */
public record InlineCallback(MethodPattern method, int argument, String why, String origin) {}
