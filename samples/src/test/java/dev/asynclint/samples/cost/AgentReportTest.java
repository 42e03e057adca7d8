package dev.asynclint.samples.cost;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentReportTest {

  @TempDir
  Path dir;

  @Test
  void withoutAnAgentTheStallIsNotAvailable() {
    Stall stall = AgentReport.stallAt(null, "NettyServer.java", 59, 1, "SleepInEventLoop", null);

    assertThat(stall.measured()).isFalse();
    assertThat(stall.note()).isEqualTo(AgentReport.NO_AGENT);
  }

  @Test
  void sumsTheSitesOfTheRuleAtTheMarkedLinesOnly() throws Exception {
    Path report = dir.resolve("agent.json");
    Files.writeString(report, """
        {"callSites": [
          {"rule": "SleepInEventLoop", "site": "a.NettyServer$Handler.channelRead0(NettyServer.java:59)",
           "threads": ["nioEventLoopGroup-2-1"], "count": 3, "totalMs": 60.5, "maxMs": 21.0, "p50Ms": 20.1, "p99Ms": 21.0},
          {"rule": "NonYieldingLoopInEventLoop", "site": "a.NettyServer$Handler.channelRead0(NettyServer.java:59)",
           "threads": ["nioEventLoopGroup-2-1"], "count": 1, "totalMs": 99.0, "maxMs": 99.0, "p50Ms": 99.0, "p99Ms": 99.0},
          {"rule": "SleepInEventLoop", "site": "a.NettyServer$Handler.channelRead0(NettyServer.java:590)",
           "threads": ["nioEventLoopGroup-2-1"], "count": 7, "totalMs": 700.0, "maxMs": 100.0, "p50Ms": 100.0, "p99Ms": 100.0}
        ], "tasks": {}, "droppedSites": 0}
        """);

    Stall stall = AgentReport.stallAt(report, "NettyServer.java", 59, 1, "SleepInEventLoop", null);

    assertThat(stall.measured()).isTrue();
    assertThat(stall.count()).isEqualTo(3);
    assertThat(stall.totalMs()).isEqualTo(60.5);
    assertThat(stall.maxMs()).isEqualTo(21.0);
  }

  @Test
  void aLoopCaughtBySamplingCountsAnywhereInItsBody() throws Exception {
    Path report = dir.resolve("agent.json");
    Files.writeString(report, """
        {"callSites": [
          {"rule": "NonYieldingLoopInEventLoop", "site": "a.S.h(NettyServer.java:76)", "count": 2, "totalMs": 8.0, "maxMs": 5.0, "p99Ms": 5.0},
          {"rule": "NonYieldingLoopInEventLoop", "site": "a.S.h(NettyServer.java:77)", "count": 1, "totalMs": 4.0, "maxMs": 4.0, "p99Ms": 4.0},
          {"rule": "NonYieldingLoopInEventLoop", "site": "a.S.h(NettyServer.java:80)", "count": 9, "totalMs": 90.0, "maxMs": 10.0, "p99Ms": 10.0}
        ]}
        """);

    Stall stall = AgentReport.stallAt(report, "NettyServer.java", 75, 4, "NonYieldingLoopInEventLoop", null);

    assertThat(stall.count()).isEqualTo(3);
    assertThat(stall.totalMs()).isEqualTo(12.0);
  }

  @Test
  void aCallThroughABlockingClientIsFoundInTheClient() throws Exception {
    Path report = dir.resolve("agent.json");
    Files.writeString(report, """
        {"callSites": [
          {"rule": "BlockingIoInEventLoop", "site": "a.InventoryDatabase.stockOf(InventoryDatabase.java:66)", "count": 5, "totalMs": 50.0, "maxMs": 11.0, "p99Ms": 11.0}
        ]}
        """);

    Stall stall = AgentReport.stallAt(report, "VertxApp.java", 96, 1, "BlockingIoInEventLoop", "InventoryDatabase.java");

    assertThat(stall.count()).isEqualTo(5);
    assertThat(stall.totalMs()).isEqualTo(50.0);
  }

  @Test
  void aMissingReportSaysSo() {
    Stall stall = AgentReport.stallAt(dir.resolve("none.json"), "VertxApp.java", 96, 1, "BlockingIoInEventLoop", null);

    assertThat(stall.measured()).isFalse();
    assertThat(stall.note()).contains("wrote no report");
  }
}
