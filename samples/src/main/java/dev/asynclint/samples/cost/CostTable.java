package dev.asynclint.samples.cost;

import dev.asynclint.samples.cost.CostReport.Chess;
import dev.asynclint.samples.cost.CostReport.ScenarioCost;
import java.util.Locale;

/** The console table: rule, sample file:line, static finding, measured cost. */
final class CostTable {

  private static final String ROW = "%-27s %-28s %-24s %s%n";

  private CostTable() {}

  static String render(CostReport report) {
    StringBuilder table = new StringBuilder();
    table.append("What each violation costs (violating vs fixed variant of the same sample)\n");
    table.append(String.format(Locale.ROOT, ROW, "rule", "sample file:line", "static finding", "measured cost"));
    table.append("-".repeat(130)).append('\n');
    Chess chess = report.chess();
    if (chess != null) {
      table.append(String.format(Locale.ROOT, ROW, chess.rule(), "chess " + chess.site(),
          shorten(chess.staticFinding()),
          String.format(Locale.ROOT, "%d boards: %.2f s sleeping vs %.2f s scheduling = %.1f× (expected %.0f×)",
              chess.boards(), chess.blockingSeconds(), chess.loopSeconds(), chess.speedup(),
              chess.expectedSpeedup())));
    }
    for (ScenarioCost scenario : report.scenarios()) {
      String workload = scenario.workload().split(" ")[0].toLowerCase(Locale.ROOT);
      table.append(String.format(Locale.ROOT, ROW, scenario.rule(), workload + " " + scenario.site(),
          shorten(scenario.staticFinding()), scenario.cost().summary()));
      if (!scenario.violating().stall().measured() && !scenario.violating().stall().note().equals(CostRunner.NOT_A_STALL)) {
        table.append(String.format(Locale.ROOT, ROW, "", "", "", "stall: " + scenario.violating().stall().note()));
      }
    }
    CostReport.AgentOverhead overhead = report.agentOverhead();
    if (overhead != null) {
      table.append('\n').append("Agent overhead (").append(overhead.workload()).append("): ");
      if (overhead.ratio() == null) {
        table.append(overhead.note()).append('\n');
      } else {
        table.append(String.format(Locale.ROOT, "%,.0f req/s without, %,.0f req/s with = %.2f; %s%n",
            overhead.without(), overhead.with(), overhead.ratio(), overhead.note()));
      }
    }
    return table.toString();
  }

  private static String shorten(String finding) {
    if (finding == null) {
      return "";
    }
    if (finding.startsWith("n/a")) {
      return "n/a (no async-lint:check)";
    }
    return finding.length() <= 24 ? finding : finding.substring(0, 21) + "...";
  }
}
