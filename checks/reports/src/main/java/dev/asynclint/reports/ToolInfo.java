package dev.asynclint.reports;

/**
 * Which engine produced the findings, as reports name it.
 *
 * @param engine {@code errorprone}, {@code javaparser}, {@code agent}
 * @param version async-lint's version
 */
public record ToolInfo(String engine, String version) {
  public static final String NAME = "async-lint";
  public static final String INFORMATION_URI = "https://github.com/async-lint/async-lint";

  public ToolInfo {
    engine = engine == null ? "" : engine;
    version = version == null || version.isBlank() ? "0.0.0" : version;
  }
}
