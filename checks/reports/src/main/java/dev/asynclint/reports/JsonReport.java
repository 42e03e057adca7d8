package dev.asynclint.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code async-lint.json}: the tool, a {@link Summary} and the {@link Finding} list as the record
 * spells it, so any engine's output reads back into the same objects.
 */
public final class JsonReport {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonReport() {}

  public static String render(List<Finding> findings, ToolInfo tool) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", ToolInfo.NAME);
    root.put("engine", tool.engine());
    root.put("version", tool.version());
    root.set("summary", MAPPER.valueToTree(Summary.of(findings)));
    root.set("findings", MAPPER.valueToTree(findings));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("findings always serialise", e);
    }
  }

  public static void write(List<Finding> findings, ToolInfo tool, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(findings, tool));
  }

  /** Reads {@code async-lint.json}; a clear {@link ReportException} names the file when it is not one. */
  public static List<Finding> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ReportException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
    return findings(root, file);
  }

  static List<Finding> findings(JsonNode root, Path file) {
    JsonNode findings = root == null ? null : root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new ReportException(file + " has no \"findings\" array; is it an async-lint.json report?");
    }
    List<Finding> result = new ArrayList<>();
    for (JsonNode node : findings) {
      try {
        result.add(MAPPER.treeToValue(node, Finding.class));
      } catch (JsonProcessingException e) {
        throw new ReportException(file + ": finding " + (result.size() + 1) + " cannot be read: " + e.getOriginalMessage());
      }
    }
    return result;
  }
}
