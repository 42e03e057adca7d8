package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.agent.AsyncLint;
import dev.asynclint.agent.CallSite;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The agent on Reactor's parallel() scheduler (NonBlocking threads), not on boundedElastic(). */
class ReactorParallelIT {
  @Test
  void fiftySleepsOnParallelAreAttributedToTheirLine() {
    System.out.println("JVM " + Runtime.version() + ", agent installed: " + AsyncLint.isInstalled());
    Workloads.Ran ran = Mono.fromCallable(Workloads::sleepFiftyTimes)
        .subscribeOn(Schedulers.parallel())
        .block(Duration.ofSeconds(30));

    CallSite site = Sites.get("SleepInEventLoop", ran.site());
    assertThat(site.count()).isEqualTo(50);
    assertThat(site.totalMs()).isAtLeast(50 * 20.0);
    Sites.assertTotalNear(site, ran.stopwatchMs());
    assertThat(site.threads().get(0)).startsWith("parallel-");
  }

  @Test
  void boundedElasticMayBlock() {
    Workloads.Ran ran = Mono.fromCallable(ReactorParallelIT::sleepOnBoundedElastic)
        .subscribeOn(Schedulers.boundedElastic())
        .block(Duration.ofSeconds(30));

    Sites.assertNothingAt(ran.site());
  }

  private static Workloads.Ran sleepOnBoundedElastic() throws InterruptedException {
    String site = Sites.nextLine();
    Thread.sleep(20);
    return new Workloads.Ran(site, 20);
  }

  @Test
  void rxComputationIsAnEventLoopAndRxIoIsNot() throws Exception {
    Workloads.Ran onComputation = Single.fromCallable(Workloads::sleepOnce)
        .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation())
        .blockingGet();
    Workloads.Ran onIo = Single.fromCallable(Workloads::sleepOnce)
        .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.io())
        .blockingGet();

    CallSite site = Sites.get("SleepInEventLoop", onComputation.site());
    assertThat(site.count()).isEqualTo(1);
    assertThat(site.threads().get(0)).startsWith("RxComputationThreadPool-");
    assertThat(onIo.site()).isEqualTo(onComputation.site()); // same line, one call counted
  }
}
