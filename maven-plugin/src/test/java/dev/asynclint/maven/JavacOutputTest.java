package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavacOutputTest {
  private static final Set<String> RULES = Set.of("SleepInEventLoop", "UnawaitedFuture");

  @Test
  void readsErrorProneDiagnosticsWithCaretColumnAndFix() {
    List<String> output = """
        /p/src/main/java/demo/EchoHandler.java:9: error: [SleepInEventLoop] `Thread.sleep(100)` parks the thread. Fix: schedule it.
            Thread.sleep(100);
                        ^
            (see https://github.com/async-lint/async-lint/blob/main/docs/rules/SleepInEventLoop.md)
          Did you mean 'ctx.executor().schedule(() -> {}, 100, MILLISECONDS);'?
        /p/src/main/java/demo/Other.java:3: warning: [UnawaitedFuture] dropped
        \tfuture();
        \t      ^
        2 warnings
        1 error
        """.lines().toList();
    JavacOutput.Parsed parsed = JavacOutput.parse(output, RULES);
    assertThat(parsed.otherErrors()).isEmpty();
    assertThat(parsed.findings()).containsExactly(
        new Finding("SleepInEventLoop", Severity.ERROR, "/p/src/main/java/demo/EchoHandler.java", 9, 17,
            "`Thread.sleep(100)` parks the thread. Fix: schedule it.", "", List.of(),
            "ctx.executor().schedule(() -> {}, 100, MILLISECONDS);"),
        new Finding("UnawaitedFuture", Severity.WARNING, "/p/src/main/java/demo/Other.java", 3, 8, "dropped", "",
            List.of(), ""))
        .inOrder();
  }

  @Test
  void compileErrorsAndOtherChecksAreNotFindings() {
    List<String> output = """
        /p/A.java:4: error: cannot find symbol
            Foo foo;
            ^
          symbol:   class Foo
          location: class A
        /p/A.java:5: warning: [deprecation] old() in B has been deprecated
            old();
            ^
        /p/A.java:6: error: [SomeoneElsesCheck] not ours
            x();
            ^
        error: plugin not found: ErrorProne
        1 error
        """.lines().toList();
    JavacOutput.Parsed parsed = JavacOutput.parse(output, RULES);
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.otherErrors()).containsExactly(
        "/p/A.java:4: cannot find symbol",
        "/p/A.java:6: [SomeoneElsesCheck] not ours",
        "error: plugin not found: ErrorProne").inOrder();
  }

  @Test
  void aDiagnosticWithoutSourceEchoHasNoColumn() {
    List<String> output = List.of("/p/A.java:2: warning: [UnawaitedFuture] dropped", "1 warning");
    Finding f = JavacOutput.parse(output, RULES).findings().get(0);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.column()).isEqualTo(0);
  }
}
