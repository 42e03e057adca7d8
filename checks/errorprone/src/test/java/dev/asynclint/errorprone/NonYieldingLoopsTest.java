package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link NonYieldingLoops#find} on any method, whatever runs it: what transitive summaries use to
 * count "a call to a method that contains a non-yielding loop".
 */
class NonYieldingLoopsTest {
  /** Reports what {@code find} returns for every method, so the test can read it. */
  @BugPattern(summary = "lists non-yielding loops", severity = WARNING)
  public static class ListLoops extends BugChecker implements MethodTreeMatcher {
    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      List<NonYieldingLoops.Loop> loops = NonYieldingLoops.find(tree, state);
      if (loops.isEmpty()) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(loops.stream().map(l -> l.kind() + (l.definite() ? "!" : "?"))
              .collect(Collectors.joining(",")))
          .build();
    }
  }

  @Test
  void findsLoopsInAnyMethodButNotInItsLambdas() {
    CompilationTestHelper.newInstance(ListLoops.class, getClass())
        .addSourceLines("Work.java",
            "import java.security.MessageDigest;",
            "import java.util.List;",
            "import java.util.concurrent.Executor;",
            "class Work {",
            "  volatile boolean ready;",
            "  // BUG: Diagnostic contains: DATA_SIZED?,SPIN!",
            "  void hash(MessageDigest md, List<byte[]> chunks) {",
            "    for (byte[] c : chunks) { md.update(c); }",
            "    while (!ready) { Thread.onSpinWait(); }",
            "  }",
            "  // BUG: Diagnostic contains: ENDLESS!",
            "  void serve() { for (;;) { System.out.println(); } }",
            "  // BUG: Diagnostic contains: RECURSION?",
            "  int size(List<?> tree) { int n = 1; for (Object o : tree) { if (o instanceof List<?> l) n += size(l); } return n; }",
            "  // BUG: Diagnostic contains: DATA_SIZED?",
            "  void each(List<String> xs) { xs.forEach(x -> System.out.println(x)); }",
            "  void small(MessageDigest md) { for (int i = 0; i < 8; i++) { md.update((byte) i); } }",
            "  void elsewhere(Executor pool, MessageDigest md, List<byte[]> chunks) {",
            "    pool.execute(() -> { for (byte[] c : chunks) { md.update(c); } });",
            "  }",
            "}")
        .doTest();
  }
}
