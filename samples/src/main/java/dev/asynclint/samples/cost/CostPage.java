package dev.asynclint.samples.cost;

import dev.asynclint.samples.cost.CostReport.Chess;
import dev.asynclint.samples.cost.CostReport.MoveAt;
import dev.asynclint.samples.cost.CostReport.ScenarioCost;
import dev.asynclint.samples.cost.CostReport.VariantCost;
import java.util.List;
import java.util.Locale;

/** {@code cost.html}: one self-contained page, charts as inline SVG, nothing fetched from anywhere. */
final class CostPage {

  private static final String VIOLATING = "#d64541";
  private static final String FIXED = "#2a9d5c";

  private CostPage() {}

  static String render(CostReport report) {
    StringBuilder html = new StringBuilder();
    html.append("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>async-lint: what each event-loop violation costs</title>
        <style>
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px 32px;color:#222;max-width:1140px}
        h1{font-size:26px;margin:0 0 4px} h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        h3{font-size:16px;margin:0 0 4px} .sub{color:#555;margin:0 0 12px}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        .big{display:flex;gap:16px;margin:12px 0}
        .big div{flex:1;border:1px solid #ddd;border-radius:6px;padding:10px 14px}
        .big b{display:block;font-size:28px} .big small{color:#555}
        .cards{display:grid;grid-template-columns:1fr 1fr;gap:14px}
        .card{border:1px solid #ddd;border-radius:6px;padding:12px 14px}
        code{background:#f4f4f4;padding:1px 4px;border-radius:3px;font-size:12.5px}
        .note{color:#555;font-size:13px;margin:4px 0}
        table{border-collapse:collapse;font-size:13px;margin-top:8px} td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
        </style></head><body>
        <h1>What each event-loop violation costs</h1>
        <p class="sub">Every sample comes as a violating and a fixed variant that differ in one place,
        each run in its own JVM and driven by the same bounded load on loopback.</p>
        <p class="legend"><span style="background:%s"></span>violating<span style="background:%s"></span>fixed</p>
        """.formatted(VIOLATING, FIXED));
    if (report.chess() != null) {
      chess(html, report.chess());
    }
    html.append("<h2>Framework samples: violating vs fixed, per rule</h2>");
    html.append(String.format(Locale.ROOT,
        "<p class=\"note\">%d requests per variant (or %.0f s, whichever comes first), %d keep-alive connections, "
            + "%d warm-up requests; innocent requests are <code>/ping</code>s sharing the event loop with the "
            + "violating ones. Agent: %s. Static findings: %s.</p>",
        report.setup().requestsPerVariant(), report.setup().timeLimitSeconds(), report.setup().connections(),
        report.setup().warmup(), report.setup().agent() ? "on" : "not available",
        report.setup().staticReport() ? "from async-lint:check" : "not available (async-lint:check not run)"));
    glance(html, report);
    html.append("<div class=\"cards\">");
    for (ScenarioCost scenario : report.scenarios()) {
      card(html, scenario);
    }
    html.append("</div>");
    overhead(html, report.agentOverhead());
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void chess(StringBuilder html, Chess chess) {
    html.append("<h2>The chess exhibition: one blocking call turns 1 hour into 12</h2>");
    html.append(String.format(Locale.ROOT,
        "<p class=\"note\">A master plays %d boards on one event-loop thread: %d units per move, opponents reply "
            + "in %d units, %d move pairs (1 unit = %.0f µs here, 1 s in the talk). The only difference: "
            + "<code>Thread.sleep</code> for the reply on the loop (%s) or schedule it.</p>",
        chess.boards(), chess.masterMoveUnits(), chess.replyUnits(), chess.movePairs(), chess.unitMicros(),
        escape(chess.site())));
    html.append("<div class=\"big\">");
    html.append(String.format(Locale.ROOT,
        "<div><small>sleeping on the loop (one board at a time)</small><b style=\"color:%s\">%.2f s</b>"
            + "<small>expected %.2f s — the talk's 12 hours</small></div>",
        VIOLATING, chess.blockingSeconds(), chess.expectedBlockingSeconds()));
    html.append(String.format(Locale.ROOT,
        "<div><small>scheduling on the loop (round the boards)</small><b style=\"color:%s\">%.2f s</b>"
            + "<small>expected %.2f s — the talk's 1 hour</small></div>",
        FIXED, chess.loopSeconds(), chess.expectedLoopSeconds()));
    html.append(String.format(Locale.ROOT,
        "<div><small>speedup from not blocking</small><b>%.1f×</b><small>expected %.0f× (%.1f× counting the last reply)"
            + "</small></div>",
        chess.speedup(), chess.expectedSpeedup(), chess.expectedSpeedupWithLastReply()));
    html.append("</div>");
    double spanMs = Math.max(chess.blockingSeconds(), chess.loopSeconds()) * 1000;
    html.append("<h3>When the master moved on each board (same time axis)</h3>");
    timeline(html, "sleeping on the loop", chess.timeline().blocking(), chess.boards(), spanMs, VIOLATING,
        chess.blockingSeconds() * 1000);
    timeline(html, "scheduling on the loop", chess.timeline().loop(), chess.boards(), spanMs, FIXED,
        chess.loopSeconds() * 1000);
  }

  private static void timeline(StringBuilder html, String title, List<MoveAt> moves, int boards, double spanMs,
      String color, double endMs) {
    int left = 70;
    int width = 1060;
    int plot = width - left - 20;
    int rowHeight = 5;
    int top = 22;
    int height = top + boards * rowHeight + 26;
    html.append(String.format(Locale.ROOT,
        "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\" style=\"display:block;margin:4px 0 10px;max-width:%dpx\">",
        width, height, escape(title), width));
    html.append(String.format(Locale.ROOT,
        "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\" fill=\"%s\">%s — done after %.2f s</text>",
        color, escape(title), endMs / 1000));
    html.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ddd\"/>",
        left, top, plot, boards * rowHeight));
    html.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">board 1</text>",
        left - 6, top + 6));
    html.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">board %d</text>",
        left - 6, top + boards * rowHeight, boards));
    for (MoveAt move : moves) {
      double x = left + move.ms() / spanMs * plot;
      html.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%d\" width=\"1.6\" height=\"%d\" fill=\"%s\"/>",
          x, top + move.board() * rowHeight, rowHeight - 1, color));
    }
    double endX = left + endMs / spanMs * plot;
    html.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"3,2\"/>",
        endX, endX, top - 4, top + boards * rowHeight + 4, color));
    double step = niceStep(spanMs / 1000);
    for (double s = 0; s <= spanMs / 1000 + 1e-9; s += step) {
      double x = left + s * 1000 / spanMs * plot;
      html.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">%s s</text>",
          x, top + boards * rowHeight + 16, trim(s)));
    }
    html.append("</svg>");
  }

  /** One row per scenario: the whole story before the charts. */
  private static void glance(StringBuilder html, CostReport report) {
    html.append("<table><tr><th>rule</th><th>sample</th><th>static finding</th><th>requests/s<br>violating → fixed</th>"
        + "<th>innocent p50 ms<br>violating → fixed</th><th>innocent p99 ms<br>violating → fixed</th><th>lost outcomes<br>violating / fixed</th>"
        + "<th>agent: stall at the line</th></tr>");
    for (ScenarioCost scenario : report.scenarios()) {
      VariantCost v = scenario.violating();
      VariantCost f = scenario.fixed();
      html.append("<tr><td><b>").append(escape(scenario.rule())).append("</b></td><td>")
          .append(escape(scenario.workload())).append("<br><code>").append(escape(scenario.site()))
          .append("</code></td><td>").append(escape(shortFinding(scenario.staticFinding()))).append("</td>");
      html.append(String.format(Locale.ROOT, "<td><span style=\"color:%s\">%s</span> → <span style=\"color:%s\">%s</span>%s</td>",
          VIOLATING, number(v.throughput()), FIXED, number(f.throughput()),
          scenario.cost().throughputRatio() == null ? ""
              : String.format(Locale.ROOT, " <small>(%.1f×)</small>", scenario.cost().throughputRatio())));
      html.append(String.format(Locale.ROOT, "<td><span style=\"color:%s\">%s</span> → <span style=\"color:%s\">%s</span></td>",
          VIOLATING, CostRunner.format(v.innocent().p50Ms()), FIXED, CostRunner.format(f.innocent().p50Ms())));
      html.append(String.format(Locale.ROOT, "<td><span style=\"color:%s\">%s</span> → <span style=\"color:%s\">%s</span></td>",
          VIOLATING, CostRunner.format(v.innocent().p99Ms()), FIXED, CostRunner.format(f.innocent().p99Ms())));
      html.append("<td>").append(v.lost() == null ? "—"
          : String.format(Locale.ROOT, "<b style=\"color:%s\">%,d</b> %s / %,d", VIOLATING, v.lost(),
              escape(scenario.cost().lostLabel()), f.lost())).append("</td>");
      html.append("<td>").append(v.stall().measured()
          ? String.format(Locale.ROOT, "%,.0f ms in %d calls", orZero(v.stall().totalMs()),
              v.stall().count() == null ? 0 : v.stall().count())
          : v.lost() != null ? "— (loses outcomes, no stall)" : "n/a").append("</td></tr>");
    }
    html.append("</table><p></p>");
  }

  private static String shortFinding(String finding) {
    if (finding == null) {
      return "";
    }
    return finding.startsWith("n/a") ? "n/a (async-lint:check not run)" : finding;
  }

  private static void card(StringBuilder html, ScenarioCost scenario) {
    VariantCost v = scenario.violating();
    VariantCost f = scenario.fixed();
    html.append("<div class=\"card\">");
    html.append("<h3>").append(escape(scenario.rule())).append(" <small style=\"font-weight:normal;color:#555\">— ")
        .append(escape(scenario.workload())).append("</small></h3>");
    html.append("<p class=\"note\"><code>").append(escape(scenario.code())).append("</code> at ")
        .append(escape(scenario.site())).append("<br>static finding: ").append(escape(scenario.staticFinding()))
        .append("</p>");
    if (scenario.cost().lost() != null) {
      bars(html, scenario.cost().lostLabel() + " (lower is better)", v.lost() == null ? 0 : v.lost(),
          f.lost() == null ? 0 : f.lost(), "", true);
    }
    bars(html, "throughput, requests/s (higher is better)", v.throughput(), f.throughput(), "", false);
    bars(html, "innocent requests, p99 latency ms (lower is better)", orZero(v.innocent().p99Ms()),
        orZero(f.innocent().p99Ms()), " ms", true);
    bars(html, "innocent requests, p50 latency ms (lower is better)", orZero(v.innocent().p50Ms()),
        orZero(f.innocent().p50Ms()), " ms", true);
    if (v.lost() != null && v.throughput() > f.throughput()) {
      html.append("<p class=\"note\">The violating variant answers faster only because it skips the work it"
          + " lost.</p>");
    }
    html.append("<p class=\"note\">agent: ");
    if (v.stall().measured()) {
      html.append(String.format(Locale.ROOT, "%,.0f ms stalled at the violating line in %d calls (max %.1f ms)",
          orZero(v.stall().totalMs()), v.stall().count() == null ? 0 : v.stall().count(), orZero(v.stall().maxMs())));
    } else {
      html.append(escape(v.stall().note()));
    }
    if (v.hitTimeLimit() || f.hitTimeLimit()) {
      html.append("<br>stopped on the time limit: ").append(v.hitTimeLimit() ? "violating " : "")
          .append(f.hitTimeLimit() ? "fixed" : "");
    }
    html.append("</p></div>");
  }

  private static void bars(StringBuilder html, String title, double violating, double fixed, String unit,
      boolean lowerIsBetter) {
    int width = 520;
    int label = 70;
    int plot = width - label - 90;
    double max = Math.max(Math.max(violating, fixed), 1e-9);
    html.append(String.format(Locale.ROOT,
        "<svg viewBox=\"0 0 %d 62\" width=\"100%%\" style=\"max-width:%dpx;display:block\" role=\"img\" aria-label=\"%s\">",
        width, width, escape(title)));
    html.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"12\" font-size=\"12\" fill=\"#333\">%s</text>",
        escape(title)));
    row(html, 18, "violating", violating, max, label, plot, VIOLATING, unit);
    row(html, 40, "fixed", fixed, max, label, plot, FIXED, unit);
    html.append("</svg>");
  }

  private static void row(StringBuilder html, int y, String name, double value, double max, int label, int plot,
      String color, String unit) {
    double w = Math.max(value > 0 ? 1.5 : 0, value / max * plot);
    html.append(String.format(Locale.ROOT,
        "<text x=\"0\" y=\"%d\" font-size=\"12\" fill=\"#555\">%s</text>"
            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\" rx=\"2\"/>"
            + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" font-weight=\"600\" fill=\"#222\">%s%s</text>",
        y + 13, name, label, y, w, color, label + w + 6, y + 13, number(value), unit));
  }

  private static void overhead(StringBuilder html, CostReport.AgentOverhead overhead) {
    if (overhead == null) {
      return;
    }
    html.append("<h2>The agent's own overhead</h2><p class=\"note\">").append(escape(overhead.workload()))
        .append(": ");
    if (overhead.ratio() == null) {
      html.append(escape(overhead.note())).append("</p>");
      return;
    }
    html.append(String.format(Locale.ROOT, "%,.0f req/s without the agent, %,.0f req/s with it (ratio %.2f); %s</p>",
        overhead.without(), overhead.with(), overhead.ratio(), escape(overhead.note())));
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  private static String number(double value) {
    if (value == Math.rint(value) && value < 1e9) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static double niceStep(double span) {
    double raw = span / 8;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (raw <= m * magnitude) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String trim(double seconds) {
    String text = String.format(Locale.ROOT, "%.3f", seconds);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
