package dev.asynclint.samples.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the agent's JSON report and finds what it recorded at one source line. */
final class AgentReport {

  static final String NO_AGENT = "n/a — agent not available";

  private AgentReport() {}

  /**
   * The call sites the agent recorded at {@code fileName:line} for {@code rule}, summed (one line
   * may hold more than one call). A run with an agent but nothing at that line measured zero.
   */
  static Stall stallAt(Path report, String fileName, int line, int lines, String rule, String calleeFile) {
    if (report == null) {
      return Stall.unavailable(NO_AGENT);
    }
    if (!Files.isRegularFile(report)) {
      return Stall.unavailable("n/a — the agent wrote no report (" + report.getFileName() + ")");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(report.toFile());
    } catch (IOException e) {
      return Stall.unavailable("n/a — unreadable agent report " + report + ": " + e.getMessage());
    }
    Stall atLine = null;
    for (int l = line; l < line + lines; l++) {
      atLine = plus(atLine, sum(root, rule, "(" + fileName + ":" + l + ")"));
    }
    if (atLine != null || calleeFile == null) {
      return atLine != null ? atLine : new Stall(true, "nothing recorded at " + fileName + ":" + line, 0L, 0.0, 0.0, 0.0);
    }
    Stall inCallee = sum(root, rule, "(" + calleeFile + ":");
    return inCallee != null ? inCallee : new Stall(true, "nothing recorded at " + fileName + ":" + line
        + " nor in " + calleeFile, 0L, 0.0, 0.0, 0.0);
  }

  private static Stall plus(Stall a, Stall b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return new Stall(true, a.note() + "; " + b.note(), a.count() + b.count(), a.totalMs() + b.totalMs(),
        Math.max(a.maxMs(), b.maxMs()), Math.max(a.p99Ms(), b.p99Ms()));
  }

  /** Sums the call sites of {@code rule} whose site contains {@code where}; null when none. */
  private static Stall sum(JsonNode root, String rule, String where) {
    long count = 0;
    double total = 0;
    double max = 0;
    double p99 = 0;
    String site = null;
    for (JsonNode callSite : root.path("callSites")) {
      if (callSite.path("site").asText().contains(where) && rule.equals(callSite.path("rule").asText())) {
        site = callSite.path("site").asText();
        count += callSite.path("count").asLong();
        total += callSite.path("totalMs").asDouble();
        max = Math.max(max, callSite.path("maxMs").asDouble());
        p99 = Math.max(p99, callSite.path("p99Ms").asDouble());
      }
    }
    return site == null ? null : new Stall(true, site, count, total, max, p99);
  }
}
