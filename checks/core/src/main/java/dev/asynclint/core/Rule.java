package dev.asynclint.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules async-lint knows. Ids are Error Prone check names and SARIF rule ids, so every
 * engine and report uses the same words.
 */
public enum Rule {
  SLEEP_IN_EVENT_LOOP(
      "SleepInEventLoop",
      "Sleeping on an event loop stalls every connection that shares it.",
      Severity.ERROR),
  BLOCKING_IO_IN_EVENT_LOOP(
      "BlockingIoInEventLoop",
      "Blocking I/O (files, sockets, JDBC, blocking HTTP, DNS, processes) on an event loop stalls every connection that shares it.",
      Severity.ERROR),
  BLOCKING_WAIT_IN_EVENT_LOOP(
      "BlockingWaitInEventLoop",
      "Waiting for a future, latch, lock or queue on an event loop stalls it and can deadlock it.",
      Severity.ERROR),
  NON_YIELDING_LOOP_IN_EVENT_LOOP(
      "NonYieldingLoopInEventLoop",
      "A CPU loop that never yields holds the event loop for as long as it runs.",
      Severity.WARNING),
  UNAWAITED_FUTURE(
      "UnawaitedFuture",
      "An async result is dropped without a failure handler, so its failure is lost.",
      Severity.WARNING),
  UNSUBSCRIBED_PUBLISHER(
      "UnsubscribedPublisher",
      "A cold publisher is created but never subscribed, so its work never runs.",
      Severity.ERROR);

  /** Where the rule pages live; diagnostics link here. */
  public static final String DOCS_BASE = "https://github.com/async-lint/async-lint/blob/main/docs/rules/";

  private final String id;
  private final String summary;
  private final Severity defaultSeverity;

  Rule(String id, String summary, Severity defaultSeverity) {
    this.id = id;
    this.summary = summary;
    this.defaultSeverity = defaultSeverity;
  }

  public String id() {
    return id;
  }

  public String summary() {
    return summary;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** The page in the repository: {@code docs/rules/<id>.md}. */
  public String docPath() {
    return "docs/rules/" + id + ".md";
  }

  public String docUrl() {
    return DOCS_BASE + id + ".md";
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
