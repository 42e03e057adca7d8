package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import dev.asynclint.reports.SourceFiles;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMojoTest {
  @TempDir Path root;

  @Test
  void theSitePageListsFindingsByRuleAndFileWithEscapedSnippets() throws Exception {
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/H.java"), """
        class H {
          String s = "<b>";
          void read() { Thread.sleep(1); }
        }
        """);
    List<Finding> findings = List.of(
        new Finding("SleepInEventLoop", Severity.ERROR, "src/H.java", 3, 17, "sleeps <here>", "", List.of(), ""));
    StringWriter out = new StringWriter();
    ReportMojo.render(new Xhtml5BaseSink(out), findings, new SourceFiles(root));
    String html = out.toString();
    assertThat(html).contains("1 finding in 1 file.");
    assertThat(html).contains("href=\"" + Rule.SLEEP_IN_EVENT_LOOP.docUrl() + "\"");
    assertThat(html).contains("src/H.java");
    assertThat(html).contains("sleeps &lt;here&gt;");
    assertThat(html).contains("&lt;b&gt;");
    assertThat(html).doesNotContain("\"<b>\"");
    assertThat(html).contains("&gt;   3    void read() { Thread.sleep(1); }");
  }
}
