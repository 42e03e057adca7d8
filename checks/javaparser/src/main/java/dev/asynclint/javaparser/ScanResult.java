package dev.asynclint.javaparser;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.time.Duration;
import java.util.List;

/**
 * What a scan found.
 *
 * @param findings sorted by file, line and rule
 * @param problems files that could not be parsed or analysed, one javac-style line each
 * @param files how many files were scanned (parsed or not)
 * @param callsResolved calls the scanner had to resolve (those whose name the catalog knows, and
 *     the methods that callbacks are passed to)
 * @param callsUnresolved how many of those the symbol solver could not resolve; their findings,
 *     if any, are missing
 */
public record ScanResult(
    List<Finding> findings,
    List<String> problems,
    int files,
    int callsResolved,
    int callsUnresolved,
    Duration elapsed) {

  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** One line: counts by severity, files, unresolved calls, unparsable files, time. */
  public String summary() {
    long errors = count(Severity.ERROR);
    long warnings = findings.size() - errors;
    StringBuilder line = new StringBuilder("async-lint: ")
        .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
        .append(" (").append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning" : " warnings").append(") in ")
        .append(files).append(files == 1 ? " file" : " files")
        .append("; ").append(callsUnresolved).append(" of ").append(callsResolved)
        .append(" calls could not be resolved");
    if (!problems.isEmpty()) {
      line.append("; ").append(problems.size())
          .append(problems.size() == 1 ? " file was" : " files were").append(" skipped");
    }
    return line.append(String.format(java.util.Locale.ROOT, " (%.1f s)", elapsed.toMillis() / 1000.0)).toString();
  }
}
