package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import java.util.stream.Collectors;

/**
 * Test-only: reports what the transitive summaries say about every call in a method named
 * {@code probe}, so tests can read why a call is (not) blocking.
 */
@BugPattern(summary = "Shows the transitive verdict of calls in probe()", severity = WARNING)
public final class TransitiveVerdictProbe extends BugChecker implements MethodInvocationTreeMatcher {
  private final AsyncLintConfig config = new AsyncLintConfig(ErrorProneFlags.empty());

  /** Stands in for NonYieldingLoopInEventLoop's detector: an empty while loop spins. */
  public TransitiveVerdictProbe() {
    TransitiveSummaries.registerProperty("SpinLoop", (method, state) -> {
      boolean[] spins = {false};
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitWhileLoop(com.sun.source.tree.WhileLoopTree loop, Void unused) {
          if (loop.getStatement() instanceof com.sun.source.tree.BlockTree block
              && block.getStatements().isEmpty()) {
            spins[0] = true;
          }
          return super.visitWhileLoop(loop, unused);
        }
      }.scan(method.getBody(), null);
      return spins[0] ? "spins in an empty loop" : null;
    });
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    MethodTree enclosing = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
    if (enclosing == null || !enclosing.getName().contentEquals("probe")) {
      return Description.NO_MATCH;
    }
    TransitiveSummaries.Verdict verdict =
        TransitiveSummaries.of(state, config.catalog(state), config).explain(tree, state);
    String reaches = verdict.reaches().values().stream()
        .map(r -> "[" + r.kind() + "] " + String.join(" → ", r.chain()))
        .collect(Collectors.joining(", "));
    return buildDescription(tree)
        .setMessage("reaches " + (reaches.isEmpty() ? "nothing" : reaches) + " — " + verdict.why())
        .build();
  }
}
