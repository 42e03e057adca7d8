package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's NonYieldingLoopInEventLoop, with the Error Prone engine's words, per framework. */
class NonYieldingLoopInEventLoopTest {
  private static final String RULE = "NonYieldingLoopInEventLoop";

  private static final String[] NETTY_HANDLER = {
    "import io.netty.buffer.ByteBuf;",
    "import io.netty.channel.ChannelHandlerContext;",
    "import io.netty.channel.SimpleChannelInboundHandler;",
    "import java.security.MessageDigest;",
    "import java.util.List;",
    "class Hashing extends SimpleChannelInboundHandler<byte[]> {",
    "  MessageDigest md;",
    "  List<List<String>> rows;",
    "  volatile boolean done;",
    "  @Override protected void channelRead0(ChannelHandlerContext ctx, byte[] payload) {",
    "    for (int i = 0; i < payload.length; i++) { md.update(payload[i]); }",
    "    for (List<String> row : rows) { for (String cell : row) { ctx.fireUserEventTriggered(cell); } }",
    "    for (int i = 0; i < 1_000_000; i++) { md.update((byte) i); }",
    "    while (!done) { Thread.onSpinWait(); }",
    "    for (;;) { ctx.fireChannelReadComplete(); }",
    "  }",
    "}"};

  @Test
  void nettyHandlerLoopsAreFoundWithTheReferenceWords(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Hashing.java", NETTY_HANDLER).findings(RULE);
    assertThat(found).containsExactly(
        "11: This loop runs `payload.length` times (its trip count comes from data) and calls `md.update(...)` on"
            + " every iteration, without ever yielding, inside `channelRead0` of `Hashing` (a Netty"
            + " SimpleChannelInboundHandler), which runs on the channel's event loop. Everything queued behind it on"
            + " that thread waits until it finishes. Fix: split the work into chunks and re-schedule the rest with"
            + " ctx.executor().execute(...), or offload it to a separate executor (or a handler added with its own"
            + " DefaultEventExecutorGroup).",
        "12: This loop runs once per element of `rows` (its trip count comes from data) and runs a nested loop"
            + " once per element of `row` on every iteration, without ever yielding, inside `channelRead0` of"
            + " `Hashing` (a Netty SimpleChannelInboundHandler), which runs on the channel's event loop. Everything"
            + " queued behind it on that thread waits until it finishes. Fix: split the work into chunks and"
            + " re-schedule the rest with ctx.executor().execute(...), or offload it to a separate executor (or a"
            + " handler added with its own DefaultEventExecutorGroup).",
        // The Error Prone engine says "(its trip count comes from data)" after a constant too: same words.
        "13: This loop runs 1000000 times (a constant above the loop bound of 1000) (its trip count comes from"
            + " data) and calls `md.update(...)` on"
            + " every iteration, without ever yielding, inside `channelRead0` of `Hashing` (a Netty"
            + " SimpleChannelInboundHandler), which runs on the channel's event loop. Everything queued behind it on"
            + " that thread waits until it finishes. Fix: split the work into chunks and re-schedule the rest with"
            + " ctx.executor().execute(...), or offload it to a separate executor (or a handler added with its own"
            + " DefaultEventExecutorGroup).",
        "14: This loop busy-waits on `!done`, doing nothing but `Thread.onSpinWait()`; it holds the thread until"
            + " another thread changes that state, inside `channelRead0` of `Hashing` (a Netty"
            + " SimpleChannelInboundHandler), which runs on the channel's event loop. On a single event loop the"
            + " state it waits for may never change, because the code that would change it is queued behind this"
            + " loop. Fix: react to the change instead of polling (a listener: addListener, onComplete,"
            + " whenComplete), or schedule a re-check with a timer.",
        "15: This `for (;;)` loop has no break, return or throw, so it never ends, inside `channelRead0` of"
            + " `Hashing` (a Netty SimpleChannelInboundHandler), which runs on the channel's event loop. Nothing"
            + " queued behind it on that thread ever runs again. Fix: split the work into chunks and re-schedule the"
            + " rest with ctx.executor().execute(...), or offload it to a separate executor (or a handler added with"
            + " its own DefaultEventExecutorGroup).");
  }

  @Test
  void definiteLoopsInDefiniteContextsAreErrorsOthersWarnings(@TempDir Path dir) throws Exception {
    List<Finding> found = new Sources(dir).add("Hashing.java", NETTY_HANDLER).scan().findings().stream()
        .filter(f -> f.rule().equals(RULE)).toList();
    assertThat(found.stream().map(Finding::severity).toList()).containsExactly(
        Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.ERROR, Severity.ERROR).inOrder();
  }

  @Test
  void theLoopBoundOptionMovesTheConstantLimit(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Scramble.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelOutboundHandlerAdapter;",
        "import io.netty.channel.ChannelPromise;",
        "class Scramble extends ChannelOutboundHandlerAdapter {",
        "  @Override public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {",
        "    ByteBuf out = (ByteBuf) msg;",
        "    for (int i = 0; i < 16; i++) { out.writeByte(scramble(i)); }",
        "    for (int i = 0; i < 5000; i++) { out.writeByte(scramble(i)); }",
        "  }",
        "  static int scramble(int i) { return i * 31; }",
        "}").with(new ScanOptions.RuleOptions(false, false, 10)).findings(RULE);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).startsWith("8: This loop runs 16 times (a constant above the loop bound of 10)");
    List<String> byDefault = new Sources(dir).findings(RULE);
    assertThat(byDefault).hasSize(1);
    assertThat(byDefault.get(0)).startsWith("9: This loop runs 5000 times (a constant above the loop bound of 1000)");
  }

  @Test
  void cheapSmallOrOffloadedLoopsAreFine(@TempDir Path dir) throws Exception {
    assertThat(new Sources(dir).add("Routes.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import io.vertx.ext.web.Router;",
        "import java.util.List;",
        "class Routes extends ChannelInboundHandlerAdapter {",
        "  static final List<String> NAMES = List.of(\"a\", \"b\");",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    byte[] bytes = (byte[]) msg;",
        "    int sum = 0;",
        "    for (int i = 0; i < bytes.length; i++) { sum += Math.abs(bytes[i]); }",
        "    for (String name : NAMES) { ctx.fireUserEventTriggered(name); }",
        "    // Constants only javac can read (a jar's, or a type missing from --classpath) are no data.",
        "    for (int i = 0; i < Byte.MAX_VALUE; i++) { ctx.fireUserEventTriggered(i); }",
        "    for (int i = 0; i < com.example.Limits.SMALL; i++) { ctx.fireUserEventTriggered(i); }",
        "    while (true) { if (ctx.channel().isActive()) { ctx.read(); break; } ctx.close(); return; }",
        "  }",
        "  void mount(Router router) {",
        "    router.get(\"/h\").blockingHandler(rc -> {",
        "      for (String line : rc.body().asString().split(\"\\n\")) { rc.response().write(line.strip()); }",
        "    });",
        "  }",
        "  static void offLoop(List<String> lines, ChannelHandlerContext ctx) {",
        "    for (String line : lines) { ctx.fireUserEventTriggered(line.strip()); }",
        "  }",
        "}").findings(RULE)).isEmpty();
  }

  @Test
  void vertxRoutesForEachAndRecursionAreFound(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Routes.java",
        "import io.vertx.ext.web.Router;",
        "import java.security.MessageDigest;",
        "import java.util.List;",
        "class Routes {",
        "  MessageDigest md;",
        "  void mount(Router router, List<String> ids) {",
        "    router.get(\"/h\").handler(ctx -> {",
        "      String body = ctx.body().asString();",
        "      for (String line : body.split(\"\\n\")) { md.update(line.getBytes()); }",
        "      ids.forEach(id -> md.update(id.getBytes()));",
        "      ctx.end(String.valueOf(depth(ids, 0)));",
        "    });",
        "  }",
        "  static int depth(List<?> node, int level) {",
        "    return node.isEmpty() ? level : depth(node.subList(1, node.size()), level + 1);",
        "  }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "9: This loop runs once per element of `body.split(\"\\n\")` (its trip count comes from data) and calls"
            + " `md.update(...)` on every iteration, without ever yielding, inside the lambda passed to"
            + " `Route.handler`, which runs on the Vert.x event loop. Everything queued behind it on that thread"
            + " waits until it finishes. Fix: split the work into chunks and continue with vertx.runOnContext(...),"
            + " or offload it with vertx.executeBlocking(...).",
        "10: This loop runs once per element of `ids` (its trip count comes from data) and calls `md.update(...)`"
            + " on every iteration, without ever yielding, inside the lambda passed to `Route.handler`, which runs on"
            + " the Vert.x event loop. Everything queued behind it on that thread waits until it finishes. Fix: split"
            + " the work into chunks and continue with vertx.runOnContext(...), or offload it with"
            + " vertx.executeBlocking(...).",
        "11: `depth(ids, 0)` recurses: `depth` calls itself, so its depth and work grow with its input, inside the"
            + " lambda passed to `Route.handler`, which runs on the Vert.x event loop. Everything queued behind it on"
            + " that thread waits until it finishes. Fix: split the work into chunks and continue with"
            + " vertx.runOnContext(...), or offload it with vertx.executeBlocking(...).");
  }

  @Test
  void commonPoolLoopsAreWarningsAndAnExecutorMovesThem(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Async.java",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.ExecutorService;",
        "class Async {",
        "  void sum(List<Integer> xs, ExecutorService cpu) {",
        "    var a = CompletableFuture.supplyAsync(() -> { long s = 0; for (int x : xs) { s += expensive(x); } return s; });",
        "    var b = CompletableFuture.supplyAsync(() -> { long s = 0; for (int x : xs) { s += expensive(x); } return s; }, cpu);",
        "    a.thenCombine(b, Long::sum).join();",
        "  }",
        "  static long expensive(int x) { return Long.rotateLeft(x, 3); }",
        "}").findings(RULE);
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).startsWith("6: This loop runs once per element of `xs`");
    assertThat(found.get(0)).contains("runs on the common ForkJoin pool, which the whole JVM shares. Everything"
        + " queued behind it on that thread waits until it finishes. Fix: pass a dedicated executor");
  }

  @Test
  void withoutTheFrameworksOnTheClasspathNothingIsGuessed(@TempDir Path dir) throws Exception {
    ScanResult result = new Sources(dir).withoutClasspath().add("Hashing.java", NETTY_HANDLER).scan();
    assertThat(result.problems()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }
}
