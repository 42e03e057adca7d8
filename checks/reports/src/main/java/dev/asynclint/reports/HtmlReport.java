package dev.asynclint.reports;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A standalone HTML page (no scripts, no external resources): counts by rule with links to the
 * rule pages, then every file with its findings and a few lines of source around each. Everything
 * that comes from code or messages is escaped.
 */
public final class HtmlReport {
  /** Lines of source shown before and after the flagged line. */
  static final int CONTEXT_LINES = 2;

  private HtmlReport() {}

  public static void write(List<Finding> findings, ToolInfo tool, SourceFiles sources, String title, Path file)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(findings, tool, sources, title));
  }

  public static String render(List<Finding> findings, ToolInfo tool, SourceFiles sources, String title) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(title)).append("</h1>\n");
    html.append(body(findings, tool, sources));
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  /** The page body alone, for embedding (the Maven site report). */
  public static String body(List<Finding> findings, ToolInfo tool, SourceFiles sources) {
    StringBuilder html = new StringBuilder();
    Summary summary = Summary.of(findings);
    html.append("<p class=\"summary\">").append(summary.total()).append(summary.total() == 1 ? " finding" : " findings")
        .append(" in ").append(summary.files()).append(summary.files() == 1 ? " file" : " files");
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
      Integer count = summary.bySeverity().get(severity);
      if (count != null) {
        html.append(" · ").append(count).append(' ').append(severity.name().toLowerCase());
      }
    }
    html.append(" — ").append(escape(ToolInfo.NAME + " " + tool.version()));
    if (!tool.engine().isEmpty()) {
      html.append(" (").append(escape(tool.engine())).append(')');
    }
    html.append("</p>\n");
    if (findings.isEmpty()) {
      html.append("<p>No findings.</p>\n");
      return html.toString();
    }

    html.append("<h2>By rule</h2>\n<table class=\"rules\">\n<tr><th>Rule</th><th>Findings</th><th>What it finds</th></tr>\n");
    for (Map.Entry<String, Integer> entry : new TreeMap<>(summary.byRule()).entrySet()) {
      String id = entry.getKey();
      html.append("<tr><td>").append(ruleLink(id)).append("</td><td>").append(entry.getValue()).append("</td><td>")
          .append(escape(Rule.byId(id).map(Rule::summary).orElse(""))).append("</td></tr>\n");
    }
    html.append("</table>\n");

    html.append("<h2>By file</h2>\n");
    Map<String, List<Finding>> byFile = findings.stream()
        .collect(Collectors.groupingBy(Finding::path, TreeMap::new, Collectors.toList()));
    for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
      html.append("<h3>").append(escape(entry.getKey())).append("</h3>\n");
      List<Finding> inFile = entry.getValue().stream()
          .sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column))
          .toList();
      for (Finding f : inFile) {
        String level = f.severity().name().toLowerCase();
        html.append("<div class=\"finding ").append(level).append("\">\n<p><span class=\"level\">").append(level)
            .append("</span> ").append(escape(f.path())).append(":").append(f.line());
        if (f.column() > 0) {
          html.append(':').append(f.column());
        }
        html.append(" ").append(ruleLink(f.rule())).append("</p>\n<p class=\"message\">")
            .append(escape(f.message())).append("</p>\n");
        if (!f.chain().isEmpty()) {
          html.append("<p class=\"chain\">").append(escape(String.join(" → ", f.chain()))).append("</p>\n");
        }
        html.append(snippet(sources, f));
        html.append("</div>\n");
      }
    }
    return html.toString();
  }

  private static String snippet(SourceFiles sources, Finding f) {
    List<String> lines = sources.lines(f.path());
    if (f.line() < 1 || f.line() > lines.size()) {
      return "";
    }
    int from = Math.max(1, f.line() - CONTEXT_LINES);
    int to = Math.min(lines.size(), f.line() + CONTEXT_LINES);
    StringBuilder out = new StringBuilder("<pre class=\"source\">");
    for (int n = from; n <= to; n++) {
      out.append(n == f.line() ? "<mark>" : "<span>")
          .append(String.format("%5d  ", n)).append(escape(lines.get(n - 1)))
          .append(n == f.line() ? "</mark>" : "</span>").append('\n');
    }
    return out.append("</pre>\n").toString();
  }

  private static String ruleLink(String id) {
    return Rule.byId(id)
        .map(r -> "<a href=\"" + escape(r.docUrl()) + "\">" + escape(id) + "</a>")
        .orElse(escape(id));
  }

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE = """
      body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
      table.rules { border-collapse: collapse; }
      table.rules td, table.rules th { border: 1px solid #ccc; padding: 4px 8px; text-align: left; }
      .finding { border-left: 4px solid #999; padding: 2px 12px; margin: 12px 0; }
      .finding.error { border-color: #c62828; }
      .finding.warning { border-color: #ef8f00; }
      .level { font-weight: bold; text-transform: uppercase; font-size: 80%; }
      .chain { font-family: monospace; color: #555; }
      pre.source { background: #f6f8fa; padding: 6px; overflow-x: auto; }
      pre.source mark { background: #ffe5e5; }
      """;
}
