package dev.asynclint.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asynclint.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings a project has accepted for now, by fingerprint ({@link Fingerprints}): a run with a
 * baseline fails only on findings that are not in it. Reads its own file
 * ({@code async-lint-baseline.json}), an {@code async-lint.json} report or a SARIF file (using the
 * {@code primaryLocationLineHash} the SARIF writer stored), so a report from CI can serve as a
 * baseline directly.
 */
public final class Baseline {
  public static final String FILE_NAME = "async-lint-baseline.json";
  static final int FORMAT_VERSION = 1;

  /** One accepted finding; {@code line} and {@code message} are for people reading the file. */
  public record Entry(String rule, String path, String fingerprint, int line, String message) {
    String key() {
      return rule + "|" + path + "|" + fingerprint;
    }
  }

  /** What a run looks like against the baseline. */
  public record Comparison(List<Finding> newFindings, List<Finding> known, List<Entry> gone) {}

  private final List<Entry> entries;

  public Baseline(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public static Baseline of(List<Finding> findings, SourceFiles sources) {
    Map<Finding, String> fingerprints = Fingerprints.of(findings, sources);
    List<Entry> entries = new ArrayList<>();
    for (Finding f : findings) {
      entries.add(new Entry(f.rule(), f.path(), fingerprints.get(f), f.line(), f.message()));
    }
    return new Baseline(entries);
  }

  /** Splits findings into new and known; each baseline entry absorbs at most one finding. */
  public Comparison compare(List<Finding> findings, SourceFiles sources) {
    Map<String, Integer> remaining = new HashMap<>();
    for (Entry e : entries) {
      remaining.merge(e.key(), 1, Integer::sum);
    }
    Map<Finding, String> fingerprints = Fingerprints.of(findings, sources);
    List<Finding> fresh = new ArrayList<>();
    List<Finding> known = new ArrayList<>();
    for (Finding f : findings) {
      String key = f.rule() + "|" + f.path() + "|" + fingerprints.get(f);
      Integer left = remaining.get(key);
      if (left != null && left > 0) {
        remaining.put(key, left - 1);
        known.add(f);
      } else {
        fresh.add(f);
      }
    }
    List<Entry> gone = new ArrayList<>();
    for (Entry e : entries) {
      Integer left = remaining.get(e.key());
      if (left != null && left > 0) {
        remaining.put(e.key(), left - 1);
        gone.add(e);
      }
    }
    return new Comparison(fresh, known, gone);
  }

  public void write(Path file) throws IOException {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("tool", ToolInfo.NAME);
    root.put("baselineVersion", FORMAT_VERSION);
    root.put("comment", "Findings accepted for now; async-lint fails only on findings not listed here."
        + " Regenerate with mvn async-lint:baseline.");
    ArrayNode array = root.putArray("findings");
    entries.stream()
        .sorted(java.util.Comparator.comparing(Entry::path).thenComparingInt(Entry::line).thenComparing(Entry::rule))
        .forEach(e -> array.add(JsonReport.MAPPER.valueToTree(e)));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JsonReport.MAPPER.writeValueAsString(root) + "\n");
  }

  /**
   * Reads a baseline, an {@code async-lint.json} report or a SARIF file. Findings in a JSON report
   * carry no fingerprint, so they are fingerprinted against {@code sources} as they are now.
   */
  public static Baseline read(Path file, SourceFiles sources) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ReportException("the baseline file " + file + " does not exist; create it with mvn async-lint:baseline");
    }
    JsonNode root;
    try {
      root = JsonReport.MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ReportException("the baseline file " + file + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ReportException("the baseline file " + file + " is empty or not a JSON object");
    }
    if (root.has("runs")) {
      List<Entry> entries = new ArrayList<>();
      List<SarifReport.Result> results = SarifReport.read(file);
      Map<Finding, String> computed = Fingerprints.of(results.stream().map(SarifReport.Result::finding).toList(), sources);
      for (SarifReport.Result r : results) {
        Finding f = r.finding();
        String fingerprint = r.fingerprint().orElseGet(() -> computed.get(f));
        entries.add(new Entry(f.rule(), f.path(), fingerprint, f.line(), f.message()));
      }
      return new Baseline(entries);
    }
    if (root.has("baselineVersion")) {
      List<Entry> entries = new ArrayList<>();
      int n = 0;
      for (JsonNode node : root.path("findings")) {
        n++;
        try {
          Entry e = JsonReport.MAPPER.treeToValue(node, Entry.class);
          if (e.rule() == null || e.path() == null || e.fingerprint() == null) {
            throw new ReportException("the baseline file " + file + ": entry " + n + " needs rule, path and fingerprint");
          }
          entries.add(e);
        } catch (JsonProcessingException ex) {
          throw new ReportException("the baseline file " + file + ": entry " + n + " cannot be read: " + ex.getOriginalMessage());
        }
      }
      return new Baseline(entries);
    }
    return of(JsonReport.findings(root, file), sources);
  }
}
