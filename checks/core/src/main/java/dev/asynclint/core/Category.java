package dev.asynclint.core;

/** What kind of blocking an API does; each category is reported by its own rule. */
public enum Category {
  SLEEP(Rule.SLEEP_IN_EVENT_LOOP, "sleeps"),
  IO(Rule.BLOCKING_IO_IN_EVENT_LOOP, "does blocking I/O"),
  WAIT(Rule.BLOCKING_WAIT_IN_EVENT_LOOP, "waits"),
  /** Not a blocking API: CPU work that never yields; used for the loop rule's per-framework fixes. */
  CPU(Rule.NON_YIELDING_LOOP_IN_EVENT_LOOP, "runs a CPU loop");

  private final Rule rule;
  private final String verb;

  Category(Rule rule, String verb) {
    this.rule = rule;
    this.verb = verb;
  }

  public Rule rule() {
    return rule;
  }

  /** A short verb phrase for messages: "sleeps", "does blocking I/O", "waits". */
  public String verb() {
    return verb;
  }
}
