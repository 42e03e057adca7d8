package dev.asynclint.samples.cost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.asynclint.samples.chess.ChessExhibition;
import dev.asynclint.samples.chess.ChessReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Everything the cost runner measured; written as {@code cost.json} and drawn as {@code cost.html}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostReport(Chess chess, List<ScenarioCost> scenarios, AgentOverhead agentOverhead, Setup setup) {

  /**
   * The chess exhibition. {@code expectedSpeedup} is the talk's arithmetic (12 h over 1 h);
   * {@code expectedSpeedupWithLastReply} adds the last opponent's final reply to the loop's time.
   */
  public record Chess(String rule, String site, String staticFinding, int boards, int movePairs,
      int masterMoveUnits, int replyUnits, double unitMicros, double expectedSpeedup, double expectedSpeedupWithLastReply, double expectedBlockingSeconds,
      double expectedLoopSeconds, double blockingSeconds, double loopSeconds, List<Double> loopRunsSeconds,
      double speedup, Timeline timeline) {

    static Chess of(ChessReport report, String site, String staticFinding) {
      ChessExhibition.Config c = report.config();
      return new Chess("SleepInEventLoop", site, staticFinding, c.boards(), c.movePairs(), c.masterMoveUnits(), c.replyUnits(), c.unitNanos() / 1000.0,
          c.talkSpeedup(), c.expectedSpeedup(), c.unitsToSeconds(c.sequentialUnits()),
          c.unitsToSeconds(c.simultaneousUnitsWithLastReply()), report.violating().seconds(),
          report.fixed().seconds(), report.fixedRunsSeconds(), report.speedup(),
          new Timeline(millis(report.violating()), millis(report.fixed())));
    }

    private static List<MoveAt> millis(ChessExhibition.Result result) {
      return result.moves().stream()
          .map(m -> new MoveAt(m.board(), m.pair(), Math.round(m.atNanos() / 1e4) / 100.0))
          .toList();
    }
  }

  /** When each master move started, in ms since the start, for the timeline chart. */
  public record Timeline(List<MoveAt> blocking, List<MoveAt> loop) {}

  public record MoveAt(int board, int pair, double ms) {}

  /**
   * One rule on one workload: where the violation is, whether async-lint finds it statically, and
   * both variants' numbers.
   */
  public record ScenarioCost(String scenario, String workload, String rule, String site, String code,
      String staticFinding, VariantCost violating, VariantCost fixed, Cost cost) {}

  /**
   * @param counters the server's own counts from {@code /stats}
   * @param lost for the dropped-result rules, outcomes that happened but were never handled
   */
  public record VariantCost(int requests, int completed, int errors, double seconds, boolean hitTimeLimit,
      double throughput, Latency all, Latency innocent, Latency violatingRequests,
      Map<String, Long> counters, Long lost, Stall stall, String log) {}

  /**
   * What the violation costs, fixed against violating.
   *
   * @param throughputRatio fixed throughput over violating throughput
   * @param innocentP99Ratio violating innocent p99 over fixed innocent p99
   */
  public record Cost(Double throughputRatio, Double innocentP99Ratio, Double stallMs, Long lost,
      String lostLabel, String summary) {}

  /** Requests per second of the fixed Netty workload without and with the agent. */
  public record AgentOverhead(String workload, Double without, Double with, Double ratio, String note) {}

  public record Setup(int requestsPerVariant, double timeLimitSeconds, int connections, int warmup,
      String java, int processors, boolean agent, boolean staticReport) {}

  public void writeJson(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), this);
  }
}
