package dev.asynclint.reports;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a reader wants before the list: how many findings, by severity, by rule, in how many
 * files.
 */
public record Summary(int total, Map<Severity, Integer> bySeverity, Map<String, Integer> byRule, int files) {
  public static Summary of(List<Finding> findings) {
    Map<Severity, Integer> bySeverity = new TreeMap<>();
    Map<String, Integer> byRule = new TreeMap<>();
    for (Finding f : findings) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
      byRule.merge(f.rule(), 1, Integer::sum);
    }
    int files = (int) findings.stream().map(Finding::path).distinct().count();
    return new Summary(findings.size(), Map.copyOf(bySeverity), Map.copyOf(byRule), files);
  }
}
