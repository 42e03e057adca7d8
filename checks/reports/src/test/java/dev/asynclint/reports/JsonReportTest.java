package dev.asynclint.reports;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
  @TempDir Path dir;

  private static final List<Finding> FINDINGS = List.of(
      new Finding("SleepInEventLoop", Severity.ERROR, "a/A.java", 3, 5, "msg \"quoted\" \n newline",
          "ctx", List.of("handle", "load"), "fix it"),
      new Finding("SleepInEventLoop", Severity.ERROR, "a/B.java", 7, 1, "m2", "", List.of(), ""),
      new Finding("UnawaitedFuture", Severity.WARNING, "a/B.java", 9, 1, "m3", "", List.of(), ""));

  @Test
  void roundTripsFindingsAndSummarises() throws Exception {
    Path file = dir.resolve("target/async-lint/async-lint.json");
    JsonReport.write(FINDINGS, new ToolInfo("errorprone", "0.1.0"), file);
    assertThat(JsonReport.read(file)).containsExactlyElementsIn(FINDINGS).inOrder();

    JsonNode root = JsonReport.MAPPER.readTree(file.toFile());
    assertThat(root.at("/summary/total").asInt()).isEqualTo(3);
    assertThat(root.at("/summary/files").asInt()).isEqualTo(2);
    assertThat(root.at("/summary/bySeverity/ERROR").asInt()).isEqualTo(2);
    assertThat(root.at("/summary/byRule/UnawaitedFuture").asInt()).isEqualTo(1);
    assertThat(root.path("engine").asText()).isEqualTo("errorprone");
  }

  @Test
  void notAReportIsAClearError() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{ \"findings\": [ {");
    ReportException e = assertThrows(ReportException.class, () -> JsonReport.read(file));
    assertThat(e).hasMessageThat().contains("broken.json is not valid JSON");

    Files.writeString(file, "{}");
    e = assertThrows(ReportException.class, () -> JsonReport.read(file));
    assertThat(e).hasMessageThat().contains("no \"findings\" array");
  }
}
