package dev.asynclint.reports;

import dev.asynclint.core.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Writes the chosen formats into one output directory, under their fixed file names. */
public final class Reports {
  private Reports() {}

  public static Map<ReportFormat, Path> write(
      List<Finding> findings, ToolInfo tool, SourceFiles sources, Path outputDirectory,
      Collection<ReportFormat> formats, String title) throws IOException {
    Map<ReportFormat, Path> written = new EnumMap<>(ReportFormat.class);
    for (ReportFormat format : formats) {
      Path file = outputDirectory.resolve(format.fileName());
      switch (format) {
        case SARIF -> SarifReport.write(findings, tool, sources, file);
        case JSON -> JsonReport.write(findings, tool, file);
        case HTML -> HtmlReport.write(findings, tool, sources, title, file);
      }
      written.put(format, file);
    }
    return written;
  }

  /**
   * One console line as javac and Maven print compiler messages, so IDE consoles link it:
   * {@code path/File.java:[12,9] [SleepInEventLoop] message}.
   */
  public static String consoleLine(Finding f) {
    StringBuilder line = new StringBuilder(f.path());
    if (f.line() > 0) {
      line.append(":[").append(f.line());
      if (f.column() > 0) {
        line.append(',').append(f.column());
      }
      line.append(']');
    }
    return line.append(" [").append(f.rule()).append("] ").append(f.message()).toString();
  }
}
