package dev.asynclint.javaparser;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import java.util.function.Consumer;

/**
 * One of async-lint's rules over a parsed file: one class per rule, as in the Error Prone engine.
 * A rule reads what it needs from the {@link SourceFile} (the tree, resolved calls, event-loop
 * contexts, all memoised there so rules share the work) and reports {@link Finding}s.
 */
interface SourceRule {
  Rule rule();

  void check(SourceFile file, Consumer<Finding> findings);

  /**
   * A property of methods this rule wants followed through calls, like a blocking API (a loop
   * rule: "contains a loop that never yields"); read it back with {@link SourceFile#reachedProperty}.
   * Asked once per analysing thread, with that thread's types and the scan's options; the property
   * is then tested on methods of any file, so it keeps no file's state.
   */
  default java.util.Optional<TransitiveSummaries.MethodProperty> followedProperty(TypeHierarchy types,
      ScanOptions options) {
    return java.util.Optional.empty();
  }
}
