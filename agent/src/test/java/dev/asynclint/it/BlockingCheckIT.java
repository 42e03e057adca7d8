package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.asynclint.agent.junit.BlockingCheck;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The JUnit 5 extension fails a test that blocks an event loop and names the site. */
class BlockingCheckIT {
  @Test
  void aTestThatBlocksAnEventLoopFailsWithTheSite() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Examples.class))
        .execute();

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Event failed = results.testEvents().failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("sleepsOnTheLoop()");
    Throwable error = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow();
    assertThat(error).hasMessageThat().contains("blocked an event loop 1 time(s)");
    assertThat(error).hasMessageThat().contains(
        "SleepInEventLoop: java.lang.Thread.sleep held nioEventLoopGroup-");
    assertThat(error).hasMessageThat().contains(
        "at dev.asynclint.it.BlockingCheckIT$Examples.lambda$sleepsOnTheLoop$0(BlockingCheckIT.java:");
  }

  @Test
  void theExtensionIsFoundByJUnitsAutoDetection() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .selectors(selectClass(AutoDetected.class))
        .execute();

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
  }

  /** Run only through the test kit above (nested classes are not picked up by failsafe). */
  @ExtendWith(BlockingCheck.class)
  static class Examples {
    @Test
    void sleepsOnTheLoop() throws Exception {
      NioEventLoopGroup group = new NioEventLoopGroup(1);
      try {
        group.submit(() -> { Thread.sleep(5); return null; }).get();
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }

    @Test
    void schedulesInstead() throws Exception {
      NioEventLoopGroup group = new NioEventLoopGroup(1);
      try {
        group.schedule(() -> "done", 5, TimeUnit.MILLISECONDS).get();
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
  }

  static class AutoDetected {
    @Test
    void sleepsOnTheLoop() throws Exception {
      NioEventLoopGroup group = new NioEventLoopGroup(1);
      try {
        group.submit(() -> { Thread.sleep(5); return null; }).get();
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
  }
}
