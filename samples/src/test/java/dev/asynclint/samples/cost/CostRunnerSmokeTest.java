package dev.asynclint.samples.cost;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost runner end to end at a tiny scale: chess with 2 move pairs and one scenario pair with a
 * couple of hundred requests, checking that what it writes is complete and consistent. The
 * demo profile runs the full version; no assertion here is about speed.
 */
class CostRunnerSmokeTest {

  @TempDir
  Path out;

  @Test
  void writesConsistentJsonHtmlAndTable() throws Exception {
    String agent = System.getProperty("samples.agent", "");
    CostRunner.Options options = CostRunner.Options.parse(new String[] {
        "--out", out.toString(), "--plan", "smoke", "--chess", "smoke", "--scenarios", "NETTY_SLEEP,REACTOR_AUDIT",
        "--agent", agent, "--overhead-rounds", "0"});
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    new CostRunner(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

    JsonNode cost = new ObjectMapper().readTree(out.resolve("cost.json").toFile());
    JsonNode chess = cost.path("chess");
    assertThat(chess.path("boards").asInt()).isEqualTo(24);
    assertThat(chess.path("movePairs").asInt()).isEqualTo(2);
    assertThat(chess.path("expectedSpeedup").asDouble()).isEqualTo(12.0);
    assertThat(chess.path("blockingSeconds").asDouble()).isAtLeast(chess.path("expectedBlockingSeconds").asDouble());
    assertThat(chess.path("speedup").asDouble())
        .isWithin(1e-9).of(chess.path("blockingSeconds").asDouble() / chess.path("loopSeconds").asDouble());
    assertThat(chess.path("timeline").path("blocking").size()).isEqualTo(48);

    JsonNode sleep = cost.path("scenarios").get(0);
    assertThat(sleep.path("rule").asText()).isEqualTo("SleepInEventLoop");
    assertThat(sleep.path("code").asText()).isEqualTo("Thread.sleep(SLOW_MS);");
    long sleeps = sleep.path("violating").path("counters").path("slow").asLong();
    assertThat(sleeps).isAtLeast(20);
    JsonNode stall = sleep.path("violating").path("stall");
    if (cost.path("setup").path("agent").asBoolean()) {
      // The agent saw the sleeps at the marked line: at most one per /slow request, each >= 20 ms.
      assertThat(stall.path("measured").asBoolean()).isTrue();
      assertThat(stall.path("count").asLong()).isIn(com.google.common.collect.Range.closed(1L, sleeps));
      assertThat(stall.path("totalMs").asDouble()).isAtLeast(19.0 * stall.path("count").asLong());
      assertThat(sleep.path("fixed").path("stall").path("count").asLong()).isEqualTo(0);
    } else {
      assertThat(stall.path("note").asText()).isEqualTo(AgentReport.NO_AGENT);
    }

    JsonNode scenario = cost.path("scenarios").get(1);
    assertThat(scenario.path("rule").asText()).isEqualTo("UnsubscribedPublisher");
    assertThat(scenario.path("site").asText()).matches("ReactorPipeline\\.java:\\d+");
    assertThat(scenario.path("code").asText()).contains("doOnNext(p -> audit.record(p))");
    JsonNode violating = scenario.path("violating");
    JsonNode fixed = scenario.path("fixed");
    assertThat(violating.path("errors").asInt()).isEqualTo(0);
    assertThat(fixed.path("errors").asInt()).isEqualTo(0);
    // Every other request is an order (warm-up ones included): the violating variant writes none
    // of them, the fixed one writes each before answering.
    long orders = violating.path("counters").path("order").asLong();
    assertThat(orders).isAtLeast(100);
    assertThat(violating.path("lost").asLong()).isEqualTo(orders);
    assertThat(violating.path("counters").path("auditWrites").asLong()).isEqualTo(0);
    assertThat(fixed.path("lost").asLong()).isEqualTo(0);
    assertThat(fixed.path("counters").path("auditWrites").asLong())
        .isEqualTo(fixed.path("counters").path("order").asLong());
    assertThat(violating.path("innocent").path("count").asInt()).isGreaterThan(0);
    assertThat(violating.path("all").path("p99Ms").asDouble())
        .isAtLeast(violating.path("all").path("p50Ms").asDouble());
    // A lost write is not a stall: the stall column says so instead of showing 0 ms.
    assertThat(violating.path("stall").path("measured").asBoolean()).isFalse();
    assertThat(violating.path("stall").path("note").asText()).isEqualTo(CostRunner.NOT_A_STALL);

    String html = Files.readString(out.resolve("cost.html"));
    assertThat(html).contains("<svg");
    assertThat(html).contains("UnsubscribedPublisher");
    assertThat(html).doesNotContain("http://");
    assertThat(html).doesNotContain("https://");
    String table = console.toString(StandardCharsets.UTF_8);
    assertThat(table).contains("UnsubscribedPublisher");
    assertThat(table).contains(scenario.path("site").asText());
  }

  @Test
  void everyScenarioMarksItsViolatingLine() {
    for (Scenario scenario : Scenario.values()) {
      assertThat(SourceMarkers.line(scenario.source(), scenario.marker())).isGreaterThan(0);
    }
  }

  @Test
  void unknownOptionsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CostRunner.Options.parse(new String[] {"--scenarios", "NETTY_NAP"}));
    assertThat(e).hasMessageThat().contains("NETTY_NAP");
  }
}
