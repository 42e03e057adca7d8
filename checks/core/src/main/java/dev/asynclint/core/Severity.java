package dev.asynclint.core;

/** How serious a finding is; ordered from least to most severe. */
public enum Severity {
  NOTE,
  WARNING,
  ERROR;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
