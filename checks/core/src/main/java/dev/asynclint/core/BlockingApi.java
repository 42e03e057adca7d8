package dev.asynclint.core;

/**
 * An API that blocks its calling thread.
 *
 * @param reason what it does, as a phrase after the call: "parks the thread for the given time"
 * @param alternative the non-blocking way, or empty
 * @param origin where the entry was declared ({@code file:line}), for messages about the catalog
 */
public record BlockingApi(
    Category category, MethodPattern method, String reason, String alternative, String origin) {}
