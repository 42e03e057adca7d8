package dev.asynclint.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule with short and full descriptions and
 * help (text and markdown, linking the rule page); every result with a URI relative to
 * {@code %SRCROOT%} (the repository root), line and column, and a
 * {@code partialFingerprints.primaryLocationLineHash} from {@link Fingerprints} so alerts follow
 * code that moves.
 */
public final class SarifReport {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final String SRCROOT = "%SRCROOT%";

  private SarifReport() {}

  public static String render(List<Finding> findings, ToolInfo tool, SourceFiles sources) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", ToolInfo.NAME);
    driver.put("informationUri", ToolInfo.INFORMATION_URI);
    driver.put("version", tool.version());
    if (tool.version().matches("\\d+\\.\\d+\\.\\d+.*")) {
      driver.put("semanticVersion", tool.version());
    }
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      ruleIndex.put(rule.id(), ruleIndex.size());
      describe(rules.addObject(), rule);
    }
    for (Finding finding : findings) {
      if (!ruleIndex.containsKey(finding.rule())) {
        ruleIndex.put(finding.rule(), ruleIndex.size());
        describeUnknown(rules.addObject(), finding.rule());
      }
    }

    run.putObject("originalUriBaseIds").putObject(SRCROOT)
        .put("uri", sources.root().toUri().toString());
    if (!tool.engine().isEmpty()) {
      run.putObject("automationDetails").put("id", ToolInfo.NAME + "/" + tool.engine() + "/");
    }

    Map<Finding, String> fingerprints = Fingerprints.of(findings, sources);
    ArrayNode results = run.putArray("results");
    for (Finding finding : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", finding.rule());
      result.put("ruleIndex", ruleIndex.get(finding.rule()));
      result.put("level", level(finding.severity()));
      result.putObject("message").put("text", finding.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation")
          .put("uri", uri(finding.path()))
          .put("uriBaseId", SRCROOT);
      if (finding.line() > 0) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", finding.line());
        if (finding.column() > 0) {
          region.put("startColumn", finding.column());
        }
        sources.line(finding.path(), finding.line())
            .ifPresent(text -> region.putObject("snippet").put("text", text));
      }
      result.putObject("partialFingerprints").put("primaryLocationLineHash", fingerprints.get(finding));
      if (!finding.context().isEmpty() || !finding.chain().isEmpty() || !finding.fix().isEmpty()) {
        ObjectNode properties = result.putObject("properties");
        if (!finding.context().isEmpty()) {
          properties.put("context", finding.context());
        }
        if (!finding.chain().isEmpty()) {
          ArrayNode chain = properties.putArray("chain");
          finding.chain().forEach(chain::add);
        }
        if (!finding.fix().isEmpty()) {
          properties.put("fix", finding.fix());
        }
      }
    }
    try {
      return JsonReport.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("SARIF trees always serialise", e);
    }
  }

  public static void write(List<Finding> findings, ToolInfo tool, SourceFiles sources, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(findings, tool, sources));
  }

  /** A SARIF result read back: the finding and the fingerprint the writer gave it, if any. */
  public record Result(Finding finding, Optional<String> fingerprint) {}

  /** Reads the results of every run; rule ids, levels, URIs, regions and fingerprints. */
  public static List<Result> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JsonReport.MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ReportException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode runs = root == null ? null : root.get("runs");
    if (runs == null || !runs.isArray()) {
      throw new ReportException(file + " has no \"runs\" array; is it a SARIF 2.1.0 file?");
    }
    List<Result> results = new ArrayList<>();
    for (JsonNode run : runs) {
      for (JsonNode result : run.path("results")) {
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        JsonNode region = physical.path("region");
        Finding finding = new Finding(
            result.path("ruleId").asText(""),
            severity(result.path("level").asText("warning")),
            physical.path("artifactLocation").path("uri").asText(""),
            region.path("startLine").asInt(0),
            region.path("startColumn").asInt(0),
            result.path("message").path("text").asText(""),
            result.path("properties").path("context").asText(""),
            textList(result.path("properties").path("chain")),
            result.path("properties").path("fix").asText(""));
        JsonNode hash = result.path("partialFingerprints").path("primaryLocationLineHash");
        results.add(new Result(finding, hash.isTextual() ? Optional.of(hash.asText()) : Optional.empty()));
      }
    }
    return results;
  }

  static String level(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  static Severity severity(String level) {
    return switch (level) {
      case "error" -> Severity.ERROR;
      case "note", "none" -> Severity.NOTE;
      default -> Severity.WARNING;
    };
  }

  /** Paths are relative and use '/', percent-encoded where a URI needs it (spaces, '#', ':'). */
  static String uri(String path) {
    String slashed = path == null ? "" : path.replace('\\', '/');
    List<String> encoded = new ArrayList<>();
    for (String segment : slashed.split("/", -1)) {
      try {
        encoded.add(new java.net.URI(null, null, segment, null).getRawPath().replace(":", "%3A"));
      } catch (java.net.URISyntaxException e) {
        encoded.add(segment);
      }
    }
    return String.join("/", encoded);
  }

  private static void describe(ObjectNode descriptor, Rule rule) {
    descriptor.put("id", rule.id());
    descriptor.put("name", rule.id());
    descriptor.putObject("shortDescription").put("text", rule.summary());
    String full = rule.summary() + " " + RuleText.detail(rule);
    descriptor.putObject("fullDescription").put("text", full);
    ObjectNode help = descriptor.putObject("help");
    help.put("text", full + " See " + rule.docUrl());
    help.put("markdown", "**" + rule.id() + "**: " + full + "\n\nSee [" + rule.id() + "](" + rule.docUrl()
        + ") for why it matters, how to fix it per framework and how to suppress it"
        + " (`@SuppressWarnings(\"" + rule.id() + "\")`).");
    descriptor.put("helpUri", rule.docUrl());
    descriptor.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
    ObjectNode properties = descriptor.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("async");
    tags.add("event-loop");
    tags.add(rule.defaultSeverity() == Severity.ERROR ? "correctness" : "reliability");
    properties.put("precision", rule.defaultSeverity() == Severity.ERROR ? "high" : "medium");
    properties.put("problem.severity", rule.defaultSeverity() == Severity.ERROR ? "error" : "warning");
  }

  private static void describeUnknown(ObjectNode descriptor, String id) {
    descriptor.put("id", id);
    descriptor.put("name", id);
    descriptor.putObject("shortDescription").put("text", id);
    descriptor.putObject("fullDescription").put("text", "Reported by an engine under the rule id " + id + ".");
    descriptor.putObject("help").put("text", "See " + Rule.DOCS_BASE).put("markdown", "See [the rule pages](" + Rule.DOCS_BASE + ").");
  }

  private static List<String> textList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
