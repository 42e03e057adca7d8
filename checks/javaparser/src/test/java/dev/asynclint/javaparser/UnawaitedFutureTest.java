package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's UnawaitedFuture, with the Error Prone engine's words, per framework and option. */
class UnawaitedFutureTest {
  private static final String RULE = "UnawaitedFuture";

  @Test
  void completableFuturesDroppedAreFoundAndHandledAreFine(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Orders.java",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.Executor;",
        "class Orders {",
        "  CompletableFuture<String> load(String id) { return CompletableFuture.completedFuture(id); }",
        "  CompletableFuture<String> run(List<String> ids, Executor executor) {",
        "    load(\"a\").thenAccept(o -> System.out.println(o));",
        "    executor.execute(() -> load(\"b\").thenRun(() -> { }));",
        "    ids.forEach(this::load);",
        "    CompletableFuture<String> pending = load(\"c\");",
        "    load(\"d\").exceptionally(e -> null);",
        "    load(\"e\").thenAccept(o -> { }).whenComplete((v, e) -> { });",
        "    CompletableFuture<String> kept = load(\"f\");",
        "    kept.orTimeout(1, java.util.concurrent.TimeUnit.SECONDS);",
        "    var unused = load(\"g\");",
        "    return kept;",
        "  }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "7: `load(\"a\").thenAccept(o -> System.out.println(o))` returns a CompletableFuture that is dropped here"
            + " with no failure handler, so if it fails, the exception is lost. Fix: end the chain with a failure"
            + " handler (exceptionally, handle, whenComplete), or return it to the caller. If the failure truly does"
            + " not matter, say so: `var unused = ...` or @SuppressWarnings(\"UnawaitedFuture\").",
        "8: `load(\"b\").thenRun(() -> { })` returns a CompletableFuture that is returned from a lambda whose"
            + " caller discards it with no failure handler, so if it fails, the exception is lost. Fix: end the chain"
            + " with a failure handler (exceptionally, handle, whenComplete), or return it to the caller. If the"
            + " failure truly does not matter, say so: `var unused = ...` or @SuppressWarnings(\"UnawaitedFuture\").",
        "9: `this::load` returns a CompletableFuture that is returned through a method reference whose caller"
            + " discards it with no failure handler, so if it fails, the exception is lost. Fix: end the chain with a"
            + " failure handler (exceptionally, handle, whenComplete), or return it to the caller. If the failure"
            + " truly does not matter, say so: `var unused = ...` or @SuppressWarnings(\"UnawaitedFuture\").",
        "10: `load(\"c\")` returns a CompletableFuture that is stored in `pending`, which is never read with no"
            + " failure handler, so if it fails, the exception is lost. Fix: end the chain with a failure handler"
            + " (exceptionally, handle, whenComplete), or return it to the caller. If the failure truly does not"
            + " matter, say so: `var unused = ...` or @SuppressWarnings(\"UnawaitedFuture\").");
  }

  @Test
  void executorFuturesHaveNoHandlerSoTheFixSaysKeepIt(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Jobs.java",
        "import java.util.concurrent.ExecutorService;",
        "class Jobs {",
        "  void run(ExecutorService pool) {",
        "    pool.submit(() -> work());",
        "    pool.execute(() -> work());",
        "  }",
        "  static void work() { }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "4: `pool.submit(() -> work())` returns a Future that is dropped here with no failure handler, so if it"
            + " fails, the exception is lost. Fix: keep the Future and check its result (its failure only surfaces"
            + " through get()), or use a method that does not return one (Executor.execute instead of submit). If"
            + " the failure truly does not matter, say so: `var unused = ...` or @SuppressWarnings(\"UnawaitedFuture\").");
  }

  @Test
  void vertxFuturesEndingInOnSuccessLoseTheirFailure(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Files.java",
        "import io.vertx.core.Future;",
        "import io.vertx.core.file.FileSystem;",
        "import io.vertx.ext.web.RoutingContext;",
        "class Files {",
        "  void handle(FileSystem fs, RoutingContext ctx) {",
        "    fs.exists(\"a\").onSuccess(found -> ctx.end(String.valueOf(found)));",
        "    fs.exists(\"b\").onFailure(ctx::fail).onSuccess(found -> ctx.end(String.valueOf(found)));",
        "    Future<Boolean> c = fs.exists(\"c\");",
        "    c.onSuccess(found -> ctx.end(String.valueOf(found)));",
        "    Future<Boolean> d = fs.exists(\"d\");",
        "    d.onSuccess(found -> ctx.end(String.valueOf(found)));",
        "    d.onFailure(ctx::fail);",
        "    ctx.response().end(\"done\");",
        "  }",
        "}").findings(RULE);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).startsWith("6: `fs.exists(\"a\").onSuccess(found -> ctx.end(String.valueOf(found)))`"
        + " returns a Future that is dropped here with no failure handler, so if it fails, the exception is lost."
        + " `onSuccess` only sees success. Fix: end the chain with a failure handler (onComplete, onFailure,"
        + " andThen, eventually), or return it to the caller.");
    assertThat(found.get(1)).startsWith("9: `c.onSuccess(");
  }

  @Test
  void vertxWritesAndNettyFuturesOnlyWithTheirOptions(@TempDir Path dir) throws Exception {
    Sources sources = new Sources(dir).add("Writes.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.vertx.core.http.HttpServerResponse;",
        "class Writes {",
        "  void write(HttpServerResponse response, ChannelHandlerContext ctx, Object msg) {",
        "    response.end(\"done\");",
        "    ctx.writeAndFlush(msg);",
        "    ctx.writeAndFlush(msg).addListener(f -> { });",
        "    ctx.channel().closeFuture().addListener(f -> { });",
        "  }",
        "}");
    assertThat(sources.findings(RULE)).isEmpty();
    List<String> found = sources.with(new ScanOptions.RuleOptions(true, true, 1000)).findings(RULE);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).startsWith("5: `response.end(\"done\")` returns a Future that is dropped here");
    assertThat(found.get(1)).startsWith("6: `ctx.writeAndFlush(msg)` returns a ChannelFuture that is dropped here"
        + " with no failure handler, so if it fails, the exception is lost. Fix: end the chain with a failure"
        + " handler (addListener");
  }

  @Test
  void reactiveToFutureIsHotAndSuppressionIsHonoured(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Bridge.java",
        "import reactor.core.publisher.Mono;",
        "class Bridge {",
        "  void bridge(Mono<String> mono) {",
        "    mono.toFuture();",
        "    mono.toFuture().exceptionally(e -> null);",
        "  }",
        "  @SuppressWarnings(\"UnawaitedFuture\")",
        "  void quiet(Mono<String> mono) {",
        "    mono.toFuture();",
        "  }",
        "}").findings(RULE);
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).startsWith("4: `mono.toFuture()` returns a CompletableFuture that is dropped here");
  }

  @Test
  void withoutTheFrameworksOnTheClasspathNothingIsGuessed(@TempDir Path dir) throws Exception {
    ScanResult result = new Sources(dir).withoutClasspath().add("Files.java",
        "import io.vertx.core.file.FileSystem;",
        "class Files {",
        "  void handle(FileSystem fs) { fs.delete(\"a\"); var f = fs.exists(\"b\"); }",
        "}").scan();
    assertThat(result.problems()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  /**
   * As the Error Prone engine (HandedBack, shared through checks/core), from lettuce-core's
   * {@code executions.put(node, future)}: a container's put or set hands back the previous value,
   * not the future just stored; a null check hands back its argument, which is dropped here only
   * if it was made right here. A supplier's result is still made by the call.
   */
  @Test
  void containersAndNullChecksHandBackFuturesTheyDidNotMake(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Pool.java",
        "import java.util.Map;",
        "import java.util.Objects;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.ConcurrentHashMap;",
        "import java.util.concurrent.atomic.AtomicReference;",
        "import java.util.function.Supplier;",
        "import io.vertx.core.Future;",
        "class Pool {",
        "  final Map<String, CompletableFuture<String>> connections = new ConcurrentHashMap<>();",
        "  final ConcurrentHashMap<String, Future<Void>> closing = new ConcurrentHashMap<>();",
        "  final AtomicReference<CompletableFuture<String>> current = new AtomicReference<>();",
        "  CompletableFuture<String> connect(String uri) { return CompletableFuture.supplyAsync(() -> uri); }",
        "  static <T> T checked(T value, String message) { return Objects.requireNonNull(value, message); }",
        "  void open(String uri, Supplier<CompletableFuture<String>> factory, Future<Void> close) {",
        "    CompletableFuture<String> future = connect(uri);",
        "    connections.put(uri, future);",
        "    closing.put(uri, close);",
        "    CompletableFuture<String> existing = connections.put(uri, future);",
        "    current.getAndSet(future);",
        "    Objects.requireNonNull(future);",
        "    checked(close, \"close\");",
        "    future.exceptionally(e -> null);",
        "    Objects.requireNonNull(connect(uri));",
        "    factory.get();",
        "    checked(connect(uri), \"made here\");",
        "  }",
        "}").findings("UnawaitedFuture");
    String fix = " Fix: end the chain with a failure handler (exceptionally, handle, whenComplete), or return it to"
        + " the caller. If the failure truly does not matter, say so: `var unused = ...` or"
        + " @SuppressWarnings(\"UnawaitedFuture\").";
    String lost = " returns a CompletableFuture that is dropped here with no failure handler, so if it fails, the"
        + " exception is lost.";
    assertThat(found).containsExactly(
        "23: `Objects.requireNonNull(connect(uri))`" + lost + fix,
        "24: `factory.get()`" + lost + fix,
        "25: `checked(connect(uri), \"made here\")`" + lost + fix);
  }
}
