package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.Tree;
import dev.asynclint.core.Category;
import org.junit.jupiter.api.Test;

/** A failure inside a check must become a note on that tree, never a javac crash. */
class InternalFailureTest {

  @BugPattern(summary = "A check whose analysis always fails", severity = ERROR)
  public static final class FailingCheck extends BlockingInEventLoopChecker {
    public FailingCheck() {
      super(Category.SLEEP, ErrorProneFlags.empty());
    }

    @Override
    Description analyse(Tree tree, VisitorState state) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void failureIsReportedAsANoteAndCompilationGoesOn() {
    CompilationTestHelper.newInstance(FailingCheck.class, getClass())
        .addSourceLines("Any.java",
            "class Any {",
            "  void a() throws Exception {",
            "    // BUG: Diagnostic contains: async-lint could not analyse this code (IllegalStateException: boom",
            "    Thread.sleep(1);",
            "  }",
            "  void b() {",
            "    // BUG: Diagnostic contains: the rest of the file is still checked",
            "    new Object();",
            "  }",
            "}")
        .doTest();
  }
}
