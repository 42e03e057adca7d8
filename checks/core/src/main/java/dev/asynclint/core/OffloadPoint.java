package dev.asynclint.core;

/**
 * An API that moves a callback off the event loop: the lambda, method reference or anonymous
 * class passed to {@code method} (at {@code argument}, or any functional argument when -1) runs
 * where blocking is fine. When an offload point and an event-loop callback both match a call, the
 * one declared on the more specific type wins.
 *
 * @param where a phrase read after "which": "runs on a Vert.x worker thread"
 */
public record OffloadPoint(
    String framework, MethodPattern method, int argument, String where, String origin) {}
