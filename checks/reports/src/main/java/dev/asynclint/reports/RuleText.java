package dev.asynclint.reports;

import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;

/** The sentence after a rule's summary in reports: how it finds things and what to do about it. */
final class RuleText {
  private RuleText() {}

  static String detail(Rule rule) {
    String level = rule.defaultSeverity() == Severity.ERROR
        ? "Reported as an error when the code definitely runs on an event loop (a handler override, a callback of an event-loop API, an @NonBlocking method)."
        : "A heuristic: reported as a warning, which does not fail the build by default.";
    String fix = switch (rule.id()) {
      case "SleepInEventLoop" -> "Schedule the delayed work on the loop's timer instead of parking the thread.";
      case "BlockingIoInEventLoop", "BlockingWaitInEventLoop" ->
          "Use the framework's non-blocking API, or move the call to an executor meant for blocking work (executeBlocking, boundedElastic, Schedulers.io()).";
      case "NonYieldingLoopInEventLoop" -> "Split long loops into chunks that yield, or run them on a worker pool.";
      case "UnawaitedFuture" -> "Handle the result's failure (exceptionally, whenComplete, onFailure) or return it to the caller.";
      case "UnsubscribedPublisher" -> "Subscribe to it, return it, or compose it with flatMap/then so it runs.";
      default -> "";
    };
    return fix.isEmpty() ? level : level + " " + fix;
  }
}
