package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Reactor operator callbacks: where they run is read from the chain (publishOn, subscribeOn,
 * where it is subscribed or returned). LockSupport.parkNanos stands for any sleep: it needs no
 * try/catch inside a lambda.
 */
class ReactorContextsTest {
  private final CompilationTestHelper sleep =
      CompilationTestHelper.newInstance(SleepInEventLoop.class, getClass());
  private final CompilationTestHelper io =
      CompilationTestHelper.newInstance(BlockingIoInEventLoop.class, getClass());

  @Test
  void publishOnDecidesForTheOperatorsAfterIt() {
    sleep.addSourceLines("Pipeline.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.scheduler.Schedulers;",
        "class Pipeline {",
        "  Flux<Integer> onParallel(Flux<Integer> in) {",
        "    return in.publishOn(Schedulers.parallel()).map(i -> {",
        "      // BUG: Diagnostic contains: inside `map` of a `Flux` that is published on `Schedulers.parallel()`, a non-blocking scheduler whose threads must never block. Fix: delay without holding a thread: Mono.delay",
        "      LockSupport.parkNanos(1000);",
        "      return i;",
        "    });",
        "  }",
        "  Flux<Integer> onElastic(Flux<Integer> in) {",
        "    return in.publishOn(Schedulers.boundedElastic()).map(i -> {",
        "      LockSupport.parkNanos(1000);",
        "      return i;",
        "    });",
        "  }",
        "  /** Still on parallel(): the later publishOn moves only what comes after it. */",
        "  Flux<Integer> twoHops(Flux<Integer> in) {",
        "    return in.publishOn(Schedulers.parallel())",
        "        // BUG: Diagnostic contains: published on `Schedulers.parallel()`",
        "        .doOnNext(i -> LockSupport.parkNanos(1))",
        "        .publishOn(Schedulers.boundedElastic())",
        "        .doOnNext(i -> LockSupport.parkNanos(1));",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void subscribeOnMovesTheSourceUnlessAPublishOnComesFirst() {
    sleep.addSourceLines("Sub.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Sub {",
        "  Mono<Integer> offloaded() {",
        "    return Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 1; })",
        "        .subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  Flux<Integer> subscribedOnElasticUpstream(Flux<Integer> in) {",
        "    return in.subscribeOn(Schedulers.boundedElastic()).map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  Flux<Integer> subscribedOnElasticDownstream(Flux<Integer> in) {",
        "    return in.map(i -> { LockSupport.parkNanos(1); return i; }).subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  Flux<Integer> publishedOnParallelThenSubscribedOnElastic(Flux<Integer> in) {",
        "    return in.publishOn(Schedulers.parallel())",
        "        .map(i -> {",
        "          // BUG: Diagnostic contains: inside `map` of a `Flux` that is published on `Schedulers.parallel()`",
        "          LockSupport.parkNanos(1);",
        "          return i;",
        "        })",
        "        .subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  Mono<Integer> subscribedOnSingle() {",
        "    // BUG: Diagnostic contains: inside `fromCallable` of a `Mono` that is subscribed on `Schedulers.single()`",
        "    return Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 1; })",
        "        .subscribeOn(Schedulers.single());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void chainsSplitAcrossLocalsAndSchedulersInVariablesAndFields() {
    io.addSourceLines("Split.java",
        "import java.io.File;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.scheduler.Scheduler;",
        "import reactor.core.scheduler.Schedulers;",
        "class Split {",
        "  private final Scheduler cpu = Schedulers.parallel();",
        "  private final Scheduler blocking;",
        "  Split() { this.blocking = Schedulers.newBoundedElastic(4, 100, \"io\"); }",
        "  void run(Flux<String> names) {",
        "    Flux<String> moved = names.publishOn(blocking);",
        "    Flux<Boolean> exists = moved.map(n -> new File(n).exists());",
        "    exists.subscribe();",
        "    Flux<Boolean> onCpu = names.publishOn(cpu)",
        "        // BUG: Diagnostic contains: published on `cpu` (`Schedulers.parallel()`)",
        "        .map(n -> new File(n).exists());",
        "    onCpu.subscribe();",
        "    Scheduler elastic = Schedulers.boundedElastic();",
        "    names.map(n -> new File(n).exists()).subscribeOn(elastic).subscribe();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void innerPublishersRunWhereTheOperatorSubscribesThem() {
    sleep.addSourceLines("Inner.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Inner {",
        "  Flux<Integer> flatMapped(Flux<Integer> in) {",
        "    return in.publishOn(Schedulers.boundedElastic())",
        "        .flatMap(i -> Mono.fromCallable(() -> { LockSupport.parkNanos(1); return i; }));",
        "  }",
        "  Flux<Integer> flatMappedOnParallel(Flux<Integer> in) {",
        "    return in.publishOn(Schedulers.parallel())",
        "        // BUG: Diagnostic contains: subscribed by `flatMap`, inside `flatMap` of a `Flux` that is published on `Schedulers.parallel()`",
        "        .flatMap(i -> Mono.fromCallable(() -> { LockSupport.parkNanos(1); return i; }));",
        "  }",
        "  Mono<Integer> thenChain(Mono<Void> first) {",
        "    return first.publishOn(Schedulers.boundedElastic())",
        "        .then(Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 1; }));",
        "  }",
        "  Mono<Integer> thenChainOnParallel(Mono<Void> first) {",
        "    return first.publishOn(Schedulers.parallel())",
        "        // BUG: Diagnostic contains: subscribed by `then`",
        "        .then(Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 1; }));",
        "  }",
        "  Flux<Integer> offloadedInside(Flux<Integer> in) {",
        "    return in.flatMap(i -> Mono.fromCallable(() -> { LockSupport.parkNanos(1); return i; })",
        "        .subscribeOn(Schedulers.boundedElastic()));",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void withNoSchedulerItIsAWarningThatSaysACallerMightMoveIt() {
    sleep.addSourceLines("Returned.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Scheduler;",
        "class Returned {",
        "  Mono<Integer> load(Mono<Integer> in) {",
        "    // BUG: Diagnostic contains: inside `map` of a `Mono` with no publishOn or subscribeOn, so it runs on the thread that subscribes to it; it is returned from `load`, so a caller might still move it",
        "    return in.map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  Mono<Integer> unknown(Mono<Integer> in, Scheduler somewhere) {",
        "    // BUG: Diagnostic contains: its publishOn(`somewhere`) uses a scheduler async-lint cannot see, so it is treated as not moving the work",
        "    return in.publishOn(somewhere).map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "}")
        .expectResult(com.sun.tools.javac.main.Main.Result.OK) // warnings only
        .doTest();
  }

  @Test
  void timersEmitOnTheirOwnScheduler() {
    io.addSourceLines("Timers.java",
        "import java.io.File;",
        "import java.time.Duration;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Timers {",
        "  Flux<Boolean> poll() {",
        "    return Flux.interval(Duration.ofSeconds(1))",
        "        // BUG: Diagnostic contains: inside `map` of a `Flux` that emits on `Schedulers.parallel()` (the default of `interval`), a non-blocking scheduler",
        "        .map(i -> new File(\"flag\").exists())",
        "        .subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  Flux<Boolean> pollOnElastic() {",
        "    return Flux.interval(Duration.ofSeconds(1), Schedulers.boundedElastic())",
        "        .map(i -> new File(\"flag\").exists());",
        "  }",
        "  Mono<Boolean> later() {",
        "    // BUG: Diagnostic contains: (the default of `delay`)",
        "    return Mono.delay(Duration.ofMillis(5)).map(i -> new File(\"flag\").exists());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void tasksGivenStraightToASchedulerRunOnIt() {
    sleep.addSourceLines("Tasks.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.scheduler.Scheduler;",
        "import reactor.core.scheduler.Schedulers;",
        "class Tasks extends ChannelInboundHandlerAdapter {",
        "  private final Scheduler cpu = Schedulers.parallel();",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    Schedulers.boundedElastic().schedule(() -> LockSupport.parkNanos(1));",
        "    // BUG: Diagnostic contains: inside the task given to `schedule` of `Schedulers.parallel()`, a non-blocking scheduler",
        "    cpu.schedule(() -> LockSupport.parkNanos(1));",
        "    // BUG: Diagnostic contains: SleepInEventLoop",
        "    cpu.createWorker().schedule(() -> LockSupport.parkNanos(1));",
        "    // BUG: Diagnostic contains: which runs it on the calling thread: inside `channelRead` of `Tasks`",
        "    Schedulers.immediate().schedule(() -> LockSupport.parkNanos(1));",
        "  }",
        "  void unknown(Scheduler somewhere) { somewhere.schedule(() -> LockSupport.parkNanos(1)); }",
        "}")
        .doTest();
  }

  @Test
  void rxTasksGivenStraightToASchedulerRunOnIt() {
    sleep.addSourceLines("RxTasks.java",
        "import io.reactivex.rxjava3.schedulers.Schedulers;",
        "import java.util.concurrent.locks.LockSupport;",
        "class RxTasks {",
        "  void run() {",
        "    Schedulers.io().scheduleDirect(() -> LockSupport.parkNanos(1));",
        "    // BUG: Diagnostic contains: inside the task given to `scheduleDirect` of `Schedulers.computation()`",
        "    Schedulers.computation().scheduleDirect(() -> LockSupport.parkNanos(1));",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void aPrivateMethodsChainIsReadOnAtItsCallers() {
    sleep.addSourceLines("Callers.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Callers {",
        "  private Mono<Integer> load() {",
        "    return Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 1; });",
        "  }",
        "  Mono<Integer> moved() {",
        "    return load().map(i -> i + 1).subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  void alsoMoved() {",
        "    Mono<Integer> later = load();",
        "    later.subscribeOn(Schedulers.boundedElastic()).subscribe();",
        "  }",
        "  private Mono<Integer> loadTwo() {",
        "    // BUG: Diagnostic contains: inside `fromCallable` of a `Mono` (returned from `loadTwo`) that is subscribed on `Schedulers.single()`",
        "    return Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 2; });",
        "  }",
        "  Mono<Integer> oneCallerMoves() {",
        "    return loadTwo().subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  Mono<Integer> oneCallerUsesSingle() {",
        "    return loadTwo().publishOn(Schedulers.boundedElastic()).subscribeOn(Schedulers.single());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void aChainTheCurrentThreadWaitsForRunsOnThatThread() {
    sleep.addSourceLines("Batch.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Flux;",
        "class Batch {",
        "  public static void main(String[] args) {",
        "    Flux.range(1, 3).map(i -> { LockSupport.parkNanos(1); return i; }).blockLast();",
        "  }",
        "  static class OnLoop extends ChannelInboundHandlerAdapter {",
        "    @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "      // BUG: Diagnostic contains: so it runs on the thread that waits for it; that is inside `channelRead` of `OnLoop`",
        "      Flux.range(1, 3).map(i -> { LockSupport.parkNanos(1); return i; }).blockLast();",
        "    }",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void aChainSubscribedInsideANettyHandlerIsOnTheEventLoop() {
    sleep.addSourceLines("Handler.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Handler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    Mono.just(msg)",
        "        // BUG: Diagnostic contains: inside `doOnNext` of a `Mono` with no publishOn or subscribeOn, so it runs where it is subscribed; it is built inside `channelRead` of `Handler` (a Netty ChannelInboundHandler)",
        "        .doOnNext(m -> LockSupport.parkNanos(1))",
        "        .subscribe(ctx::writeAndFlush);",
        "    Mono.just(msg).publishOn(Schedulers.boundedElastic())",
        "        .doOnNext(m -> LockSupport.parkNanos(1))",
        "        .subscribe(ctx::writeAndFlush);",
        "  }",
        "}")
        .doTest();
  }
}
