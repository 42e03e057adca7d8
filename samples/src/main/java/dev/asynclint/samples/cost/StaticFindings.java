package dev.asynclint.samples.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks up async-lint's static findings (SARIF 2.1.0 from {@code async-lint:check}) by line. */
final class StaticFindings {

  static final String NOT_RUN = "n/a — no static report (run async-lint:check first)";

  private final JsonNode sarif;
  private final String problem;

  private StaticFindings(JsonNode sarif, String problem) {
    this.sarif = sarif;
    this.problem = problem;
  }

  static StaticFindings read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return new StaticFindings(null, NOT_RUN);
    }
    try {
      return new StaticFindings(new ObjectMapper().readTree(file.toFile()), null);
    } catch (IOException e) {
      return new StaticFindings(null, "n/a — unreadable static report " + file + ": " + e.getMessage());
    }
  }

  boolean available() {
    return sarif != null;
  }

  /** "yes: message", "no finding at this line", or why there is no answer. */
  String at(String source, int line, String rule) {
    if (sarif == null) {
      return problem;
    }
    for (JsonNode run : sarif.path("runs")) {
      for (JsonNode result : run.path("results")) {
        if (!rule.equals(result.path("ruleId").asText())) {
          continue;
        }
        for (JsonNode location : result.path("locations")) {
          JsonNode physical = location.path("physicalLocation");
          String uri = physical.path("artifactLocation").path("uri").asText();
          if (uri.endsWith(source) && physical.path("region").path("startLine").asInt() == line) {
            String message = result.path("message").path("text").asText();
            return "yes" + (message.isEmpty() ? "" : ": " + message.lines().findFirst().orElse(""));
          }
        }
      }
    }
    return "no finding at this line";
  }
}
