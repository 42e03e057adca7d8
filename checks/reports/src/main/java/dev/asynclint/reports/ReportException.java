package dev.asynclint.reports;

/** A report or baseline file that cannot be read as one; the message names the file. */
public final class ReportException extends RuntimeException {
  public ReportException(String message) {
    super(message);
  }
}
