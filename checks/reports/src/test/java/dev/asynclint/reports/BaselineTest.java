package dev.asynclint.reports;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path root;

  private static final String BEFORE = """
      class H {
        void a() { Thread.sleep(1); }
        void b() { Thread.sleep(1); }
      }
      """;

  private static Finding sleep(int line) {
    return new Finding("SleepInEventLoop", Severity.ERROR, "H.java", line, 14, "`Thread.sleep(1)` blocks", "", List.of(), "");
  }

  @Test
  void findingsSurviveLineShiftsButNotEdits() throws Exception {
    Files.writeString(root.resolve("H.java"), BEFORE);
    SourceFiles before = new SourceFiles(root);
    Path file = root.resolve(Baseline.FILE_NAME);
    Baseline.of(List.of(sleep(2), sleep(3)), before).write(file);

    // Two lines added above: same findings, new line numbers.
    Files.writeString(root.resolve("H.java"), "// new\n// lines\n" + BEFORE);
    SourceFiles shifted = new SourceFiles(root);
    Baseline.Comparison same = Baseline.read(file, shifted).compare(List.of(sleep(4), sleep(5)), shifted);
    assertThat(same.newFindings()).isEmpty();
    assertThat(same.known()).hasSize(2);
    assertThat(same.gone()).isEmpty();

    // A sleep added in a new method is new; the two known ones stay known.
    Files.writeString(root.resolve("H.java"), """
        class H {
          void a() { Thread.sleep(1); }
          void b() { Thread.sleep(1); }
          void c() { Thread.sleep(1); }
        }
        """);
    SourceFiles three = new SourceFiles(root);
    Baseline.Comparison more = Baseline.read(file, three).compare(List.of(sleep(2), sleep(3), sleep(4)), three);
    assertThat(more.newFindings()).containsExactly(sleep(4));
    assertThat(more.known()).hasSize(2);

    // Editing the flagged line makes the finding new, and the old entry is gone.
    Files.writeString(root.resolve("H.java"), BEFORE.replaceFirst("Thread.sleep\\(1\\)", "Thread.sleep(2)"));
    SourceFiles edited = new SourceFiles(root);
    Baseline.Comparison changed = Baseline.read(file, edited).compare(List.of(sleep(2), sleep(3)), edited);
    assertThat(changed.newFindings()).containsExactly(sleep(2));
    assertThat(changed.gone()).hasSize(1);
  }

  @Test
  void aSarifReportServesAsBaseline() throws Exception {
    Files.writeString(root.resolve("H.java"), BEFORE);
    SourceFiles sources = new SourceFiles(root);
    Path sarif = root.resolve("async-lint.sarif");
    SarifReport.write(List.of(sleep(2)), new ToolInfo("errorprone", "0.1.0"), sources, sarif);
    Baseline.Comparison c = Baseline.read(sarif, sources).compare(List.of(sleep(2), sleep(3)), sources);
    assertThat(c.newFindings()).containsExactly(sleep(3));
  }

  @Test
  void aJsonReportServesAsBaseline() throws Exception {
    Files.writeString(root.resolve("H.java"), BEFORE);
    SourceFiles sources = new SourceFiles(root);
    Path json = root.resolve("async-lint.json");
    JsonReport.write(List.of(sleep(3)), new ToolInfo("javaparser", "0.1.0"), json);
    Baseline.Comparison c = Baseline.read(json, sources).compare(List.of(sleep(2), sleep(3)), sources);
    assertThat(c.newFindings()).containsExactly(sleep(2));
  }

  @Test
  void badFilesAreClearErrors() throws Exception {
    SourceFiles sources = new SourceFiles(root);
    ReportException missing = assertThrows(ReportException.class, () -> Baseline.read(root.resolve("nope.json"), sources));
    assertThat(missing).hasMessageThat().contains("nope.json does not exist");

    Path broken = root.resolve("broken.json");
    Files.writeString(broken, "{\"baselineVersion\": 1, \"findings\": [{\"rule\": \"X\"}]}");
    ReportException entry = assertThrows(ReportException.class, () -> Baseline.read(broken, sources));
    assertThat(entry).hasMessageThat().contains("entry 1 needs rule, path and fingerprint");
  }
}
