package dev.asynclint.agent;

import java.util.List;

/**
 * What the agent measured at one call site: a blocking call on an event loop, or a long task that
 * did not yield ({@code NonYieldingLoopInEventLoop}).
 *
 * @param rule the rule id, from the catalog category
 * @param site the first application frame, {@code pkg.Class.method(File.java:LINE)}
 * @param api the blocking method ({@code java.lang.Thread.sleep}), or the task's hottest frame
 * @param isStatic whether the static analysis (the SARIF given as {@code sarif=}) flagged this line
 */
public record CallSite(
    String rule,
    String site,
    String api,
    List<String> threads,
    long count,
    double totalMs,
    double maxMs,
    double p50Ms,
    double p99Ms,
    boolean isStatic) {}
