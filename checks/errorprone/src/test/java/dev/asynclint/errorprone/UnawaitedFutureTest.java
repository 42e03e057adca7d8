package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnawaitedFutureTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnawaitedFuture.class, getClass());

  /**
   * From lettuce-core ({@code executions.put(node, future)}, {@code connections.put(uri, future)},
   * 38 findings): a container's put or set hands back the previous value, not the future just
   * stored; a null check hands back its argument. A supplier's result is still made by the call.
   */
  @Test
  void containersAndNullChecksHandBackFuturesTheyDidNotMake() {
    helper.addSourceLines("Pool.java",
        "import java.util.Map;",
        "import java.util.Objects;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.ConcurrentHashMap;",
        "import java.util.concurrent.atomic.AtomicReference;",
        "import java.util.function.Supplier;",
        "class Pool {",
        "  final Map<String, CompletableFuture<String>> connections = new ConcurrentHashMap<>();",
        "  final AtomicReference<CompletableFuture<String>> current = new AtomicReference<>();",
        "  CompletableFuture<String> connect(String uri) { return CompletableFuture.supplyAsync(() -> uri); }",
        "  void open(String uri, Supplier<CompletableFuture<String>> factory) {",
        "    CompletableFuture<String> future = connect(uri);",
        "    connections.put(uri, future);",
        "    connections.remove(\"old\");",
        "    CompletableFuture<String> existing = connections.put(uri, future);",
        "    current.getAndSet(future);",
        "    Objects.requireNonNull(future);",
        "    future.exceptionally(e -> null);",
        "    // BUG: Diagnostic contains: UnawaitedFuture",
        "    Objects.requireNonNull(connect(uri));",
        "    // BUG: Diagnostic contains: UnawaitedFuture",
        "    factory.get();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void completableFuturesDroppedWithoutAFailureHandler() {
    helper.addSourceLines("Orders.java",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.CompletionStage;",
        "class Orders {",
        "  CompletableFuture<String> load(int id) { return CompletableFuture.supplyAsync(() -> \"order\" + id); }",
        "  CompletionStage<Void> save(String order) { return CompletableFuture.completedFuture(null); }",
        "  void place(int id, List<String> batch) {",
        "    // BUG: Diagnostic contains: `load(id).thenAccept(o -> System.out.println(o))` returns a CompletableFuture that is dropped here with no failure handler, so if it fails, the exception is lost. Fix: end the chain with a failure handler (exceptionally, handle, whenComplete)",
        "    load(id).thenAccept(o -> System.out.println(o));",
        "    // BUG: Diagnostic contains: returns a CompletionStage that is dropped here",
        "    save(\"x\");",
        "    // BUG: Diagnostic contains: UnawaitedFuture",
        "    CompletableFuture.runAsync(() -> {});",
        "    // A handler before a later step does not see that step's failure.",
        "    // BUG: Diagnostic contains: UnawaitedFuture",
        "    load(id).exceptionally(e -> \"none\").thenAccept(System.out::println);",
        "    // BUG: Diagnostic contains: is returned from a lambda whose caller discards it",
        "    batch.forEach(o -> save(o));",
        "    // BUG: Diagnostic contains: is returned through a method reference whose caller discards it",
        "    batch.forEach(this::save);",
        "    // BUG: Diagnostic contains: UnawaitedFuture",
        "    load(id).orTimeout(1, java.util.concurrent.TimeUnit.SECONDS);",
        "    // BUG: Diagnostic contains: is stored in `pending`, which is never read",
        "    CompletableFuture<String> pending = load(id);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void chainsEndingInAFailureHandlerReturnedOrReadAreFine() {
    helper.addSourceLines("Orders.java",
        "import com.google.errorprone.annotations.CanIgnoreReturnValue;",
        "import java.util.concurrent.CompletableFuture;",
        "class Orders {",
        "  CompletableFuture<String> load(int id) { return CompletableFuture.supplyAsync(() -> \"order\" + id); }",
        "  @CanIgnoreReturnValue CompletableFuture<String> warm(int id) { return load(id); }",
        "  CompletableFuture<Void> place(int id) {",
        "    load(id).thenAccept(System.out::println).exceptionally(e -> { e.printStackTrace(); return null; });",
        "    load(id).whenComplete((o, e) -> {});",
        "    load(id).handle((o, e) -> o);",
        "    load(id).thenApply(String::length).exceptionallyAsync(e -> 0);",
        "    warm(id);",
        "    CompletableFuture<String> unusedPrefetch = load(id);",
        "    CompletableFuture<String> kept = load(id);",
        "    kept.join();",
        "    CompletableFuture<String> reassigned;",
        "    reassigned = load(id);",
        "    reassigned.cancel(true);",
        "    Runnable task = () -> load(id).exceptionally(e -> null);",
        "    // orTimeout returns the future it configures, which lives on in `kept`.",
        "    kept.orTimeout(1, java.util.concurrent.TimeUnit.SECONDS);",
        "    load(id).orTimeout(1, java.util.concurrent.TimeUnit.SECONDS).whenComplete((o, e) -> {});",
        "    // Returned to the caller, who owns its failure.",
        "    return load(id).thenAccept(System.out::println);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void suppressedWithTheRuleId() {
    helper.addSourceLines("Warmup.java",
        "import java.util.concurrent.CompletableFuture;",
        "class Warmup {",
        "  @SuppressWarnings(\"UnawaitedFuture\")",
        "  void start() { CompletableFuture.runAsync(() -> {}); }",
        "}")
        .doTest();
  }

  @Test
  void executorFuturesAndTheirExemptions() {
    helper.addSourceLines("Jobs.java",
        "import java.util.concurrent.CompletionService;",
        "import java.util.concurrent.ExecutorService;",
        "import java.util.concurrent.ForkJoinPool;",
        "import java.util.concurrent.RecursiveTask;",
        "import java.util.concurrent.ScheduledExecutorService;",
        "import java.util.concurrent.TimeUnit;",
        "class Jobs {",
        "  void run(ExecutorService pool, ScheduledExecutorService timer, CompletionService<String> done,",
        "      RecursiveTask<Long> task) {",
        "    // BUG: Diagnostic contains: `pool.submit(() -> work())` returns a Future that is dropped here with no failure handler, so if it fails, the exception is lost. Fix: keep the Future and check its result (its failure only surfaces through get()), or use a method that does not return one (Executor.execute instead of submit). If the failure truly does not matter, say so: `var unused = ...` or @SuppressWarnings(\"UnawaitedFuture\").",
        "    pool.submit(() -> work());",
        "    // BUG: Diagnostic contains: returns a ScheduledFuture",
        "    timer.schedule(() -> work(), 1, TimeUnit.SECONDS);",
        "    pool.execute(() -> work());",
        "    task.fork();",
        "    done.submit(() -> \"x\");",
        "  }",
        "  void work() {}",
        "}")
        .doTest();
  }

  @Test
  void guavaListenableFutures() {
    helper.addSourceLines("Guava.java",
        "import com.google.common.util.concurrent.FutureCallback;",
        "import com.google.common.util.concurrent.Futures;",
        "import com.google.common.util.concurrent.ListenableFuture;",
        "import com.google.common.util.concurrent.ListeningExecutorService;",
        "import com.google.common.util.concurrent.MoreExecutors;",
        "class Guava {",
        "  void run(ListeningExecutorService pool) {",
        "    // BUG: Diagnostic contains: returns a ListenableFuture that is dropped here",
        "    pool.submit(() -> \"x\");",
        "    // BUG: Diagnostic contains: UnawaitedFuture",
        "    Futures.transform(pool.submit(() -> \"x\"), String::length, MoreExecutors.directExecutor());",
        "    ListenableFuture<String> f = pool.submit(() -> \"y\");",
        "    Futures.addCallback(f, new FutureCallback<String>() {",
        "      @Override public void onSuccess(String s) {}",
        "      @Override public void onFailure(Throwable t) {}",
        "    }, MoreExecutors.directExecutor());",
        "    Futures.catching(pool.submit(() -> \"z\"), RuntimeException.class, e -> \"fallback\",",
        "        MoreExecutors.directExecutor());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void vertxFutures() {
    helper.addSourceLines("Api.java",
        "import io.vertx.core.AbstractVerticle;",
        "import io.vertx.core.Future;",
        "import io.vertx.core.Promise;",
        "import io.vertx.ext.web.Router;",
        "class Api extends AbstractVerticle {",
        "  Future<String> user(String id) { return Future.succeededFuture(id); }",
        "  Future<Integer> count() { return Future.succeededFuture(1); }",
        "  /** A future passed in is owned by the caller, who may handle its failure. */",
        "  void render(Future<String> page) { page.onSuccess(p -> {}); }",
        "  @Override public void start(Promise<Void> started) {",
        "    Router router = Router.router(vertx);",
        "    router.get(\"/u\").handler(ctx -> {",
        "      // BUG: Diagnostic contains: `user(\"1\").onSuccess(u -> ctx.end(u))` returns a Future that is dropped here with no failure handler, so if it fails, the exception is lost. `onSuccess` only sees success. Fix: end the chain with a failure handler (onComplete, onFailure",
        "      user(\"1\").onSuccess(u -> ctx.end(u));",
        "      // BUG: Diagnostic contains: returns a Future that is dropped here",
        "      user(\"2\").compose(u -> count());",
        "      // BUG: Diagnostic contains: returns a CompositeFuture that is dropped here",
        "      Future.all(user(\"a\"), count()).onSuccess(all -> ctx.end());",
        "      user(\"3\").onSuccess(u -> ctx.end(u)).onFailure(ctx::fail);",
        "      user(\"4\").onFailure(ctx::fail).onSuccess(u -> ctx.end(u));",
        "      Future.all(user(\"b\"), count()).onSuccess(all -> ctx.end()).onFailure(ctx::fail);",
        "      user(\"5\").onComplete(ar -> ctx.end());",
        "      // The same future, handled in two statements.",
        "      Future<String> seven = user(\"7\");",
        "      seven.onFailure(ctx::fail);",
        "      seven.onSuccess(u -> ctx.end(u));",
        "      Future<String> eight = user(\"8\");",
        "      // BUG: Diagnostic contains: `eight.onSuccess(u -> ctx.end(u))` returns a Future that is dropped here",
        "      eight.onSuccess(u -> ctx.end(u));",
        "      user(\"6\").andThen(ar -> {}).recover(e -> Future.succeededFuture(\"x\"));",
        "      // Response writes are dropped idiomatically (AsyncLint:VertxWritesAndCloses turns them on).",
        "      ctx.response().end(\"done\");",
        "      ctx.end();",
        "      ctx.request().connection().close();",
        "      vertx.eventBus().consumer(\"a\").unregister();",
        "      // BUG: Diagnostic contains: UnawaitedFuture",
        "      vertx.fileSystem().delete(\"/tmp/upload\");",
        "    });",
        "    // BUG: Diagnostic contains: returns a Future that is dropped here",
        "    vertx.createHttpServer().requestHandler(router).listen(8080);",
        "    vertx.createHttpServer().requestHandler(router).listen(8081)",
        "        .<Void>mapEmpty().onComplete(started);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void futuresFromReactiveTypesCountButColdPublishersAreNotThisRule() {
    helper.addSourceLines("Bridges.java",
        "import io.reactivex.rxjava3.core.Single;",
        "import io.smallrye.mutiny.Uni;",
        "import reactor.core.publisher.Mono;",
        "class Bridges {",
        "  void run(Mono<String> mono, Single<String> single, Uni<String> uni) {",
        "    // BUG: Diagnostic contains: `mono.toFuture()` returns a CompletableFuture that is dropped here",
        "    mono.toFuture();",
        "    // BUG: Diagnostic contains: `single.toFuture()` returns a Future that is dropped here",
        "    single.toFuture();",
        "    // BUG: Diagnostic contains: returns a CompletableFuture that is dropped here",
        "    uni.subscribeAsCompletionStage();",
        "    mono.toFuture().exceptionally(e -> \"fallback\");",
        "    // Cold publishers dropped unsubscribed are UnsubscribedPublisher's findings, not ours.",
        "    mono.map(String::length);",
        "    single.map(String::length);",
        "    uni.map(String::length);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void vertxWritesAreReportedWhenAsked() {
    CompilationTestHelper.newInstance(UnawaitedFuture.class, getClass())
        .setArgs("-XepOpt:AsyncLint:VertxWritesAndCloses=true")
        .addSourceLines("Api.java",
            "import io.vertx.ext.web.RoutingContext;",
            "class Api {",
            "  void handle(RoutingContext ctx) {",
            "    // BUG: Diagnostic contains: UnawaitedFuture",
            "    ctx.response().end(\"done\");",
            "    // BUG: Diagnostic contains: UnawaitedFuture",
            "    ctx.request().connection().close();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nettyFuturesAreOffByDefault() {
    helper.addSourceLines("Echo.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "class Echo extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    ctx.writeAndFlush(msg);",
        "    ctx.close();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void aBadFlagValueIsReportedAndTheDefaultUsed() {
    CompilationTestHelper.newInstance(UnawaitedFuture.class, getClass())
        .setArgs("-XepOpt:AsyncLint:NettyFutures=yes")
        .addSourceLines("Echo.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import java.util.concurrent.CompletableFuture;",
            "class Echo {",
            "  void run(ChannelHandlerContext ctx, Object msg) {",
            "    ctx.writeAndFlush(msg);",
            "    // BUG: Diagnostic contains: UnawaitedFuture",
            "    CompletableFuture.runAsync(() -> {});",
            "  }",
            "}")
        .expectResult(com.sun.tools.javac.main.Main.Result.OK)
        .doTest();
  }

  @Test
  void nettyFuturesWhenAsked() {
    CompilationTestHelper.newInstance(UnawaitedFuture.class, getClass())
        .setArgs("-XepOpt:AsyncLint:NettyFutures=true")
        .addSourceLines("Echo.java",
            "import io.netty.channel.ChannelFutureListener;",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "import io.netty.util.concurrent.Promise;",
            "class Echo extends ChannelInboundHandlerAdapter {",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    // BUG: Diagnostic contains: `ctx.writeAndFlush(msg)` returns a ChannelFuture that is dropped here with no failure handler, so if it fails, the exception is lost. Fix: end the chain with a failure handler (addListener",
            "    ctx.writeAndFlush(msg);",
            "    ctx.writeAndFlush(msg).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);",
            "    Promise<String> done = ctx.executor().newPromise();",
            "    done.setSuccess(\"ok\");",
            "  }",
            "}")
        .doTest();
  }
}
