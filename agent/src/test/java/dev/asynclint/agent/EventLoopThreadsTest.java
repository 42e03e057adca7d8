package dev.asynclint.agent;

import static com.google.common.truth.Truth.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Which real framework threads count as event loops (asked on the thread itself, as the hook does). */
class EventLoopThreadsTest {
  private final EventLoopThreads threads = new EventLoopThreads(Pattern.compile("my-loop-\\d+"), true);

  private String here() {
    return String.valueOf(threads.frameworkOf(Thread.currentThread()));
  }

  @Test
  void nettyEventLoopYesDefaultEventExecutorNo() throws Exception {
    NioEventLoopGroup loop = new NioEventLoopGroup(1);
    DefaultEventExecutorGroup pool = new DefaultEventExecutorGroup(1);
    try {
      assertThat(loop.submit(this::here).get()).isEqualTo("NETTY");
      assertThat(pool.submit(this::here).get()).isEqualTo("null");
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      pool.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  @Test
  void vertxEventLoopYesWorkerNo() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<String> onLoop = new CompletableFuture<>();
      vertx.runOnContext(v -> onLoop.complete(here()));
      assertThat(onLoop.get(10, TimeUnit.SECONDS)).isEqualTo("VERTX");
      String onWorker = vertx.executeBlocking(this::here).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      assertThat(onWorker).isEqualTo("null");
    } finally {
      vertx.close();
    }
  }

  @Test
  void reactorParallelAndSingleYesBoundedElasticNo() {
    assertThat(Mono.fromCallable(this::here).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)))
        .isEqualTo("REACTOR");
    assertThat(Mono.fromCallable(this::here).subscribeOn(Schedulers.single()).block(Duration.ofSeconds(10)))
        .isEqualTo("REACTOR");
    assertThat(Mono.fromCallable(this::here).subscribeOn(Schedulers.boundedElastic()).block(Duration.ofSeconds(10)))
        .isEqualTo("null");
  }

  @Test
  void rxComputationYesIoNo() {
    assertThat(io.reactivex.rxjava3.core.Single.fromCallable(this::here)
        .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation()).blockingGet()).isEqualTo("RXJAVA");
    assertThat(io.reactivex.rxjava3.core.Single.fromCallable(this::here)
        .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.io()).blockingGet()).isEqualTo("null");
  }

  @Test
  void commonPoolIsAnOptionAndOtherPoolsAreNot() throws Exception {
    assertThat(CompletableFuture.supplyAsync(this::here).get()).isEqualTo("COMMON_POOL");
    EventLoopThreads withoutCommonPool = new EventLoopThreads(null, false);
    assertThat(CompletableFuture.supplyAsync(() -> withoutCommonPool.frameworkOf(Thread.currentThread())).get())
        .isNull();
    ForkJoinPool own = new ForkJoinPool(1);
    try {
      assertThat(own.submit(this::here).get()).isEqualTo("null");
    } finally {
      own.shutdown();
    }
  }

  @Test
  void threadsOptionAddsNamedThreadsAndPlainThreadsAreNot() throws Exception {
    CompletableFuture<String> named = new CompletableFuture<>();
    Thread t = new Thread(() -> named.complete(here()), "my-loop-7");
    t.start();
    assertThat(named.get()).isEqualTo("threads=my-loop-\\d+");
    assertThat(here()).isEqualTo("null");
  }
}
