package dev.asynclint.reports;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path root;

  @Test
  void groupsByRuleAndFileWithEscapedSnippets() throws Exception {
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/Page.java"), """
        class Page {
          String html = "<script>alert('x')</script>";
          void handle() { Thread.sleep(1); }
        }
        """);
    List<Finding> findings = List.of(
        new Finding("SleepInEventLoop", Severity.ERROR, "src/Page.java", 3, 19, "`Thread.sleep(1)` <b>blocks</b>",
            "", List.of(), ""),
        new Finding("UnawaitedFuture", Severity.WARNING, "src/Page.java", 1, 1, "dropped", "", List.of(), ""));

    String html = HtmlReport.render(findings, new ToolInfo("errorprone", "0.1.0"), new SourceFiles(root), "demo & co");

    assertThat(html).contains("<title>demo &amp; co</title>");
    assertThat(html).contains("2 findings in 1 file · 1 error · 1 warning");
    assertThat(html).contains("<a href=\"" + Rule.SLEEP_IN_EVENT_LOOP.docUrl() + "\">SleepInEventLoop</a>");
    assertThat(html).contains("<a href=\"" + Rule.UNAWAITED_FUTURE.docUrl() + "\">UnawaitedFuture</a>");
    assertThat(html).contains("<h3>src/Page.java</h3>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).doesNotContain("<script>");
    assertThat(html).contains("&lt;b&gt;blocks&lt;/b&gt;");
    assertThat(html).contains("<mark>    3    void handle() { Thread.sleep(1); }</mark>");
    // the warning on line 1 comes before the error on line 3 within the file
    assertThat(html.indexOf("dropped")).isLessThan(html.indexOf("blocks"));
  }

  @Test
  void saysSoWhenThereIsNothing() {
    String html = HtmlReport.render(List.of(), new ToolInfo("", "0.1.0"), SourceFiles.none(), "t");
    assertThat(html).contains("No findings.");
  }
}
