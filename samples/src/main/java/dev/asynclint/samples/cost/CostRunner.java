package dev.asynclint.samples.cost;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclint.samples.Variant;
import dev.asynclint.samples.chess.ChessExhibition;
import dev.asynclint.samples.chess.ChessReport;
import dev.asynclint.samples.cost.CostReport.AgentOverhead;
import dev.asynclint.samples.cost.CostReport.Chess;
import dev.asynclint.samples.cost.CostReport.Cost;
import dev.asynclint.samples.cost.CostReport.ScenarioCost;
import dev.asynclint.samples.cost.CostReport.Setup;
import dev.asynclint.samples.cost.CostReport.VariantCost;
import dev.asynclint.samples.cost.ServerProcess.Launch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the chess exhibition and every scenario's two variants, each in its own JVM (under the
 * agent when its jar is given), and writes {@code cost.json}, {@code cost.html} and a console table.
 *
 * <pre>
 * CostRunner [--out DIR] [--agent JAR] [--static SARIF] [--plan demo|smoke]
 *            [--chess talk|smoke|off] [--scenarios NETTY_SLEEP,...] [--overhead-rounds N]
 * </pre>
 */
public final class CostRunner {

  /** The chess configuration the build's smoke test plays: all 24 boards, 2 move pairs, fast units. */
  public static final ChessExhibition.Config SMOKE_CHESS = new ChessExhibition.Config(24, 2, 5, 55, 50_000);

  private static final String CHESS_SOURCE = "chess/ChessExhibition.java";

  /** The dropped-result rules lose work rather than time; their cost is counted, not timed. */
  static final String NOT_A_STALL = "n/a — this rule loses outcomes, it does not stall the loop";

  /** Pause between the last response and reading counters, for work the responses do not wait on. */
  private static final long SETTLE_MS = 300;

  public record Options(Path out, Path agent, Path staticReport, LoadPlan plan, ChessExhibition.Config chess,
      Set<Scenario> scenarios, int overheadRounds) {

    public static Options parse(String[] args) {
      Path out = Path.of("target", "async-lint");
      Path agent = null;
      Path staticReport = null;
      LoadPlan plan = LoadPlan.demo();
      ChessExhibition.Config chess = ChessExhibition.Config.talk();
      Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
      int overheadRounds = 2;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--out" -> out = Path.of(value);
          case "--agent" -> agent = value.isBlank() ? null : Path.of(value);
          case "--static" -> staticReport = value.isBlank() ? null : Path.of(value);
          case "--plan" -> plan = switch (value) {
            case "demo" -> LoadPlan.demo();
            case "smoke" -> LoadPlan.smoke();
            default -> throw new IllegalArgumentException("--plan must be demo or smoke, got '" + value + "'");
          };
          case "--chess" -> chess = switch (value) {
            case "talk" -> ChessExhibition.Config.talk();
            case "smoke" -> SMOKE_CHESS;
            case "off" -> null;
            default -> throw new IllegalArgumentException("--chess must be talk, smoke or off, got '" + value + "'");
          };
          case "--scenarios" -> {
            scenarios = EnumSet.noneOf(Scenario.class);
            for (String id : value.split(",")) {
              try {
                scenarios.add(Scenario.valueOf(id.trim().toUpperCase(Locale.ROOT)));
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--scenarios: unknown scenario '" + id.trim()
                    + "' (known: " + EnumSet.allOf(Scenario.class) + ")");
              }
            }
          }
          case "--overhead-rounds" -> {
            try {
              overheadRounds = Integer.parseInt(value);
            } catch (NumberFormatException e) {
              overheadRounds = -1;
            }
            if (overheadRounds < 0) {
              throw new IllegalArgumentException("--overhead-rounds must be 0 or more, got '" + value + "'");
            }
          }
          default -> throw new IllegalArgumentException("unknown option " + name
              + " (known: --out, --agent, --static, --plan, --chess, --scenarios, --overhead-rounds)");
        }
      }
      return new Options(out, agent, staticReport, plan, chess, scenarios, overheadRounds);
    }
  }

  private final Options options;
  private final PrintStream console;
  private final Launch launch;
  private final StaticFindings staticFindings;

  public CostRunner(Options options, PrintStream console) {
    this.options = options;
    this.console = console;
    this.launch = Launch.current(options.agent());
    this.staticFindings = StaticFindings.read(options.staticReport());
  }

  public CostReport run() throws IOException, InterruptedException {
    Files.createDirectories(options.out());
    if (options.agent() != null && !launch.hasAgent()) {
      console.println("async-lint agent not found at " + options.agent() + ": stall column will read '"
          + AgentReport.NO_AGENT + "'");
    }
    Chess chess = null;
    if (options.chess() != null) {
      console.println("Playing the chess exhibition (both variants)...");
      ChessReport played = ChessReport.measure(options.chess());
      console.println(played.describe());
      int line = SourceMarkers.line(CHESS_SOURCE, "SleepInEventLoop");
      chess = Chess.of(played, "ChessExhibition.java:" + (line > 0 ? line : "?"),
          staticFindings.at(CHESS_SOURCE, line, "SleepInEventLoop"));
    }
    List<ScenarioCost> scenarios = new ArrayList<>();
    for (Scenario scenario : options.scenarios()) {
      scenarios.add(measure(scenario));
    }
    AgentOverhead overhead = agentOverhead(true);
    LoadPlan plan = options.plan();
    CostReport report = new CostReport(chess, scenarios, overhead,
        new Setup(plan.requests(), plan.timeLimit().toMillis() / 1000.0, plan.connections(), plan.warmup(),
            launch.java(), Runtime.getRuntime().availableProcessors(), launch.hasAgent(),
            staticFindings.available()));
    report.writeJson(options.out().resolve("cost.json"));
    Files.writeString(options.out().resolve("cost.html"), CostPage.render(report));
    console.println();
    console.print(CostTable.render(report));
    console.println();
    console.println("Wrote " + options.out().resolve("cost.json") + " and " + options.out().resolve("cost.html"));
    return report;
  }

  private ScenarioCost measure(Scenario scenario) throws IOException, InterruptedException {
    int line = SourceMarkers.line(scenario.source(), scenario.marker());
    String site = scenario.fileName() + ":" + (line > 0 ? line : "?");
    long started = System.nanoTime();
    console.printf(Locale.ROOT, "%s / %s (%s): ", scenario.workload(), scenario.rule(), site);
    VariantCost violating = runVariant(scenario, Variant.VIOLATING, line, launch.hasAgent());
    console.printf(Locale.ROOT, "violating %.0f req/s, ", violating.throughput());
    VariantCost fixed = runVariant(scenario, Variant.FIXED, line, launch.hasAgent());
    console.printf(Locale.ROOT, "fixed %.0f req/s (%.0f s)%n", fixed.throughput(), (System.nanoTime() - started) / 1e9);
    return new ScenarioCost(scenario.name(), scenario.workload(), scenario.rule(), site,
        SourceMarkers.code(scenario.source(), line), staticFindings.at(scenario.source(), line, scenario.rule()),
        violating, fixed, cost(scenario, violating, fixed));
  }

  private VariantCost runVariant(Scenario scenario, Variant variant, int line, boolean underAgent)
      throws IOException, InterruptedException {
    return runVariant(scenario, variant, line, underAgent, "");
  }

  private VariantCost runVariant(Scenario scenario, Variant variant, int line, boolean underAgent, String suffix)
      throws IOException, InterruptedException {
    String name = scenario.name().toLowerCase(Locale.ROOT) + "-" + variant.id() + (underAgent ? "" : "-no-agent")
        + suffix;
    Path agentReport = underAgent ? options.out().resolve("agent").resolve(name + ".json") : null;
    if (agentReport != null) {
      Files.createDirectories(agentReport.getParent());
      Files.deleteIfExists(agentReport);
    }
    Path log = options.out().resolve("logs").resolve(name + ".log");
    LoadResult load;
    Map<String, Long> counters;
    try (ServerProcess server = ServerProcess.start(launch, scenario, variant, agentReport, log)) {
      load = new LoadGenerator(server.port(), scenario).run(options.plan());
      Thread.sleep(SETTLE_MS);
      counters = new ObjectMapper().readValue(LoadGenerator.fetch(server.port(), "/stats"),
          new TypeReference<Map<String, Long>>() {});
    }
    Long lost = scenario.losesOutcomes()
        ? counters.getOrDefault(scenario.producedCounter(), 0L) - counters.getOrDefault(scenario.handledCounter(), 0L)
        : null;
    Stall stall = scenario.losesOutcomes()
        ? Stall.unavailable(NOT_A_STALL)
        : underAgent
        ? AgentReport.stallAt(agentReport, scenario.fileName(), line, scenario.stallLines(), scenario.rule(),
            scenario.calleeFile())
        : Stall.unavailable(launch.hasAgent() ? "run without the agent" : AgentReport.NO_AGENT);
    return new VariantCost(load.planned(), load.completed(), load.errors(), load.seconds(), load.hitTimeLimit(),
        load.throughput(), load.all(), load.innocent(), load.violating(), counters, lost, stall,
        options.out().relativize(log).toString());
  }

  static Cost cost(Scenario scenario, VariantCost violating, VariantCost fixed) {
    Double throughputRatio = violating.throughput() > 0 ? fixed.throughput() / violating.throughput() : null;
    Double innocentRatio = violating.innocent().p99Ms() != null && fixed.innocent().p99Ms() != null
        && fixed.innocent().p99Ms() > 0 ? violating.innocent().p99Ms() / fixed.innocent().p99Ms() : null;
    Double stallMs = violating.stall().measured() ? violating.stall().totalMs() : null;
    StringBuilder summary = new StringBuilder();
    if (scenario.losesOutcomes()) {
      long produced = violating.counters().getOrDefault(scenario.producedCounter(), 0L);
      summary.append(String.format(Locale.ROOT, "%,d of %,d %s (fixed: %,d of %,d); ",
          violating.lost(), produced, scenario.lostLabel(), fixed.lost(),
          fixed.counters().getOrDefault(scenario.producedCounter(), 0L)));
    }
    summary.append(String.format(Locale.ROOT, "%,.0f → %,.0f req/s", violating.throughput(), fixed.throughput()));
    if (throughputRatio != null && !scenario.losesOutcomes()) {
      summary.append(String.format(Locale.ROOT, " (%.1f× with the fix)", throughputRatio));
    }
    summary.append(String.format(Locale.ROOT, "; innocent p50 %s → %s ms, p99 %s → %s ms",
        format(violating.innocent().p50Ms()), format(fixed.innocent().p50Ms()),
        format(violating.innocent().p99Ms()), format(fixed.innocent().p99Ms())));
    if (stallMs != null) {
      summary.append(String.format(Locale.ROOT, "; agent: %,.0f ms stalled in %d calls",
          stallMs, violating.stall().count()));
    }
    return new Cost(throughputRatio, innocentRatio, stallMs, violating.lost(), scenario.lostLabel(),
        summary.toString());
  }

  static String format(Double ms) {
    if (ms == null) {
      return "n/a";
    }
    return ms >= 10 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
  }

  /**
   * The fixed Netty workload without and with the agent, alternating so that a neighbour's load
   * on a shared machine hits both sides; the best round of each side is compared.
   */
  private AgentOverhead agentOverhead(boolean wanted) throws IOException, InterruptedException {
    // The comparison runs its own NETTY_SLEEP processes, whichever scenarios were chosen.
    String workload = "Netty HTTP server, fixed SleepInEventLoop variant";
    if (!launch.hasAgent()) {
      return new AgentOverhead(workload, null, null, null, AgentReport.NO_AGENT);
    }
    if (!wanted || options.overheadRounds() == 0) {
      return new AgentOverhead(workload, null, null, null, "n/a — not measured in this run (--overhead-rounds 0)");
    }
    console.print("Agent overhead: ");
    VariantCost bestWithout = null;
    VariantCost bestWith = null;
    for (int round = 1; round <= options.overheadRounds(); round++) {
      VariantCost without = runVariant(Scenario.NETTY_SLEEP, Variant.FIXED, -1, false, "-overhead-" + round);
      VariantCost with = runVariant(Scenario.NETTY_SLEEP, Variant.FIXED, -1, true, "-overhead-" + round);
      console.printf(Locale.ROOT, "round %d %.0f vs %.0f req/s; ", round, without.throughput(), with.throughput());
      bestWithout = bestWithout == null || without.throughput() > bestWithout.throughput() ? without : bestWithout;
      bestWith = bestWith == null || with.throughput() > bestWith.throughput() ? with : bestWith;
    }
    console.println();
    double ratio = bestWithout.throughput() > 0 ? bestWith.throughput() / bestWithout.throughput() : 0;
    return new AgentOverhead(workload, bestWithout.throughput(), bestWith.throughput(), ratio,
        String.format(Locale.ROOT, "best of %d alternating rounds each; requests/s with the agent over without;"
            + " innocent p99 %s ms without, %s ms with", options.overheadRounds(),
            format(bestWithout.innocent().p99Ms()), format(bestWith.innocent().p99Ms())));
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("CostRunner: " + e.getMessage());
      System.exit(2);
      return;
    }
    new CostRunner(options, System.out).run();
  }
}
