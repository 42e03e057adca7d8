package dev.asynclint.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The files a run writes into its output directory. */
public enum ReportFormat {
  SARIF("async-lint.sarif"),
  JSON("async-lint.json"),
  HTML("async-lint.html");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }

  /** Case-insensitive: {@code sarif}, {@code json}, {@code html}. */
  public static Optional<ReportFormat> byName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.name().equals(name.strip().toUpperCase(Locale.ROOT)))
        .findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
