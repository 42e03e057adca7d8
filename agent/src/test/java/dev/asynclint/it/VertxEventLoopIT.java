package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.agent.AsyncLint;
import dev.asynclint.agent.CallSite;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent on a real Vert.x event loop, and not on its worker threads. */
class VertxEventLoopIT {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    System.out.println("JVM " + Runtime.version() + ", agent installed: " + AsyncLint.isInstalled());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void fiftySleepsInAVerticleAreAttributedToTheirLine() throws Exception {
    CompletableFuture<Workloads.Ran> ran = new CompletableFuture<>();
    vertx.deployVerticle(new AbstractVerticle() {
      @Override
      public void start(Promise<Void> started) throws Exception {
        ran.complete(Workloads.sleepFiftyTimes());
        started.complete();
      }
    });
    Workloads.Ran work = ran.get(30, TimeUnit.SECONDS);

    CallSite site = Sites.get("SleepInEventLoop", work.site());
    assertThat(site.count()).isEqualTo(50);
    assertThat(site.totalMs()).isAtLeast(50 * 20.0);
    Sites.assertTotalNear(site, work.stopwatchMs());
    assertThat(site.threads().get(0)).startsWith("vert.x-eventloop-thread-");
  }

  @Test
  void executeBlockingRunsOnAWorkerAndIsNotReported() throws Exception {
    Workloads.Ran ran = vertx.executeBlocking(Workloads::sleepOnce)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    Sites.assertNothingAt(ran.site());
  }
}
