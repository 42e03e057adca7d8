package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import dev.asynclint.reports.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad parameter is one sentence naming it (the bad-config IT runs some of these end to end). */
class SettingsTest {
  @TempDir Path dir;

  @Test
  void rules() throws Exception {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("SleepInEventLoop", "off");
    rules.put("UnawaitedFuture", "ERROR");
    rules.put("BlockingIoInEventLoop", "warn");
    assertThat(AnalysisMojo.ruleLevels(rules)).containsExactly(
        Rule.SLEEP_IN_EVENT_LOOP, Level.OFF, Rule.UNAWAITED_FUTURE, Level.ERROR, Rule.BLOCKING_IO_IN_EVENT_LOOP, Level.WARNING);

    MojoExecutionException unknown = assertThrows(MojoExecutionException.class,
        () -> AnalysisMojo.ruleLevels(Map.of("SleepInEventLop", "OFF")));
    assertThat(unknown).hasMessageThat().startsWith("async-lint: <rules> names an unknown rule 'SleepInEventLop'");
    MojoExecutionException level = assertThrows(MojoExecutionException.class,
        () -> AnalysisMojo.ruleLevels(Map.of("SleepInEventLoop", "FATAL")));
    assertThat(level).hasMessageThat().isEqualTo("async-lint: <rules> sets SleepInEventLoop to 'FATAL'; use OFF, WARNING or ERROR");
  }

  @Test
  void failOnSeverityAndFormats() throws Exception {
    assertThat(AnalysisMojo.severity(" warning ")).isEqualTo(Severity.WARNING);
    assertThat(assertThrows(MojoExecutionException.class, () -> AnalysisMojo.severity("FATAL")))
        .hasMessageThat().isEqualTo("async-lint: <failOnSeverity> is 'FATAL'; use ERROR, WARNING or NOTE");
    assertThat(AnalysisMojo.formats(List.of("SARIF", "html", " "))).containsExactly(ReportFormat.SARIF, ReportFormat.HTML);
    assertThat(assertThrows(MojoExecutionException.class, () -> AnalysisMojo.formats(List.of("pdf"))))
        .hasMessageThat().isEqualTo("async-lint: <formats> has 'pdf'; known formats: sarif, json, html");
  }

  @Test
  void catalog() throws Exception {
    assertThat(AnalysisMojo.catalogFile(null)).isEmpty();
    Path good = dir.resolve("good.catalog");
    Files.writeString(good, "blocking SLEEP com.acme.Pause#now | pauses\n");
    assertThat(AnalysisMojo.catalogFile(good.toFile())).hasValue(good.toAbsolutePath());
    assertThat(assertThrows(MojoExecutionException.class, () -> AnalysisMojo.catalogFile(dir.toFile())))
        .hasMessageThat().contains("<catalog> " + dir.toAbsolutePath() + " cannot be read");
  }
}
