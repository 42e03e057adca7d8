package dev.asynclint.samples.cost;

import java.time.Duration;

/**
 * How hard and how long to drive one variant. Load stops at whichever comes first, the request
 * count or the time limit, so a badly stalled variant still ends on time.
 *
 * @param connections keep-alive connections, each with one request in flight (closed loop)
 * @param warmup requests sent first and not measured, so the JIT warms up on both paths (and,
 *     under the agent, the classes they load are instrumented before measuring starts)
 */
public record LoadPlan(int requests, Duration timeLimit, int connections, int warmup) {

  public LoadPlan {
    if (requests < 1 || connections < 1 || warmup < 0 || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("load plan needs positive numbers, got " + this);
    }
  }

  /** What the demo runs for every variant: seconds each, minutes for all. */
  public static LoadPlan demo() {
    return new LoadPlan(3000, Duration.ofSeconds(12), 16, 200);
  }

  /** What the build's smoke test runs: enough requests to see the effect, a few seconds. */
  public static LoadPlan smoke() {
    return new LoadPlan(200, Duration.ofSeconds(8), 4, 20);
  }
}
