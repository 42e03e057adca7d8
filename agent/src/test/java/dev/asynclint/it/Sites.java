package dev.asynclint.it;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.asynclint.agent.AsyncLint;
import dev.asynclint.agent.CallSite;
import java.util.List;
import java.util.Optional;

/** Test support: names the source line a test is about and finds what the agent saw there. */
final class Sites {
  private Sites() {}

  /** The site string the agent should report for the line after the caller's. */
  static String nextLine() {
    return lineBelow(StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow(), 1);
  }

  /** The site string for the line {@code lines} below the caller's. */
  static String lineBelow(int lines) {
    return lineBelow(StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow(), lines);
  }

  private static String lineBelow(StackWalker.StackFrame f, int lines) {
    return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + (f.getLineNumber() + lines) + ")";
  }

  static Optional<CallSite> find(String rule, String site) {
    return AsyncLint.callSites().stream()
        .filter(c -> c.rule().equals(rule) && c.site().equals(site))
        .findFirst();
  }

  static CallSite get(String rule, String site) {
    return find(rule, site).orElseThrow(() -> new AssertionError(
        "no " + rule + " at " + site + "; the agent saw:\n" + AsyncLint.jsonReport()));
  }

  static List<CallSite> inMethod(String rule, String methodPrefix) {
    return AsyncLint.callSites().stream()
        .filter(c -> c.rule().equals(rule) && c.site().startsWith(methodPrefix + "("))
        .toList();
  }

  static void assertNothingAt(String site) {
    assertWithMessage("the agent reported a site that is not on an event loop:\n" + AsyncLint.jsonReport())
        .that(AsyncLint.callSites().stream().map(CallSite::site).toList())
        .doesNotContain(site);
  }

  /** The agent's total must match the stopwatch around the same calls within 20 %. */
  static void assertTotalNear(CallSite site, double stopwatchMs) {
    assertWithMessage("total of %s vs. stopwatch %s ms", site, stopwatchMs)
        .that(site.totalMs()).isWithin(stopwatchMs * 0.2).of(stopwatchMs);
  }
}
