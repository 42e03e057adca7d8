package dev.asynclint.core;

/**
 * An API that looks blocking (it matches a {@link BlockingApi} through its owner's supertypes)
 * but is not, such as an in-memory stream. Wins over every blocking entry it matches.
 */
public record NonBlockingApi(MethodPattern method, String reason, String origin) {}
