package dev.asynclint.core;

import java.util.List;

/** A catalog file that could not be read; the message lists every bad line as {@code file:line: what}. */
public final class CatalogException extends Exception {
  private final List<String> problems;

  public CatalogException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code file:line: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
