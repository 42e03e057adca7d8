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
        "  static long expensive(int x) { return (long) Math.exp(x % 20); }",
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

  /** The line numbers of the findings, and each finding's text by line. */
  private static java.util.Map<Integer, String> byLine(List<String> found) {
    java.util.Map<Integer, String> lines = new java.util.TreeMap<>();
    for (String finding : found) {
      lines.put(Integer.parseInt(finding.substring(0, finding.indexOf(':'))), finding);
    }
    return lines;
  }

  /** As the Error Prone engine's test: vertx-web-client's interceptor chain only dispatches to callbacks. */
  @Test
  void dispatchingToCallbacksIsNotWorkPerItem(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Chain.java",
        "import io.vertx.core.AbstractVerticle;",
        "import io.vertx.core.Handler;",
        "import java.security.MessageDigest;",
        "import java.util.List;",
        "import java.util.function.Predicate;",
        "class Chain extends AbstractVerticle {",
        "  List<Handler<String>> interceptors;",
        "  List<Predicate<String>> expectations;",
        "  MessageDigest md;",
        "  @Override public void start() {",
        "    vertx.setPeriodic(10, id -> {",
        "      for (Handler<String> interceptor : interceptors) { interceptor.handle(\"x\"); }",
        "      for (int i = 0; i < expectations.size(); i++) { if (!expectations.get(i).test(\"x\")) return; }",
        "      for (Handler<String> interceptor : interceptors) { interceptor.handle(\"x\"); md.update((byte) 1); }",
        "    });",
        "  }",
        "}").findings(RULE);
    assertThat(byLine(found).keySet()).containsExactly(14);
    assertThat(found.get(0)).contains("calls `md.update(...)` on every iteration");
  }

  /** As the Error Prone engine's test: r2dbc-postgresql writes a message to a buffer field by field. */
  @Test
  void bufferReadsAndWritesPerItemAreNotWork(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Frames.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.handler.codec.MessageToByteEncoder;",
        "import io.netty.util.ReferenceCountUtil;",
        "import java.nio.ByteBuffer;",
        "import java.util.List;",
        "class Frames extends MessageToByteEncoder<List<Float>> {",
        "  @Override protected void encode(ChannelHandlerContext ctx, List<Float> values, ByteBuf out) {",
        "    for (Float value : values) { out.writeFloat(value); out.writeShort(1); out.writeCharSequence(\"x\", null); }",
        "    ByteBuffer nio = ByteBuffer.allocate(values.size() * 4);",
        "    for (Float value : values) { nio.putFloat(value); }",
        "    for (Object held : values) { ReferenceCountUtil.release(held); }",
        "    for (Float value : values) { out.writeCharSequence(value.toString().replaceAll(\"0+$\", \"\"), null); }",
        "  }",
        "}").findings(RULE);
    assertThat(byLine(found).keySet()).containsExactly(13);
    assertThat(found.get(0)).contains("calls `value.toString().replaceAll(...)` on every iteration");
  }

  /**
   * As the Error Prone engine's test (156 of 160 real-world loop findings were bookkeeping): a
   * data-sized loop counts only with real work per item; split on one character, work on the way
   * out and a drain step in the condition are not.
   */
  @Test
  void bookkeepingPerItemIsNotWorkButCostlyHelpersAre(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Pending.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.ArrayDeque;",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "class Pending extends ChannelInboundHandlerAdapter {",
        "  final ArrayDeque<CompletableFuture<String>> pending = new ArrayDeque<>();",
        "  List<String> cookies;",
        "  interface Listener { void connected(String id); void disconnected(String id); }",
        "  List<Listener> listeners;",
        "  static String encode(String cookie) { return cookie.trim() + \"; Path=/\"; }",
        "  boolean drainOne() { return pending.poll() == null; }",
        "  static double digest(List<String> lines) { double d = 0; for (String l : lines) { d += Math.log(l.length() + 1); } return d; }",
        "  static double score(String s) { return digest(List.of(s.split(\",\"))); }",
        "  @Override public void channelInactive(ChannelHandlerContext ctx) {",
        "    CompletableFuture<String> f;",
        "    while ((f = pending.poll()) != null) { f.completeExceptionally(new IllegalStateException(\"closed\")); }",
        "    StringBuilder header = new StringBuilder();",
        "    for (String cookie : cookies) { header.append(encode(cookie)); }",
        "    for (Listener listener : listeners) { listener.disconnected(\"x\"); }",
        "    double total = 0;",
        "    for (String cookie : cookies) { total += score(cookie); }",
        "    for (String cookie : cookies) { header.append(cookie.split(\";\")[0]).append(cookie.split(\"\\\\.\")[0]); }",
        "    for (String cookie : cookies) { header.append(cookie.split(\"; *\")[0]); }",
        "    for (String cookie : cookies) { if (cookie.isEmpty()) { ctx.fireChannelInactive(); return; } }",
        "    while (!pending.isEmpty() && !drainOne()) { }",
        "    while (!pending.isEmpty()) { }",
        "    java.util.Map<String, List<String>> params = java.util.Map.of();",
        "    params.forEach((name, values) -> { for (String value : values) { header.append(name).append(value); } });",
        "    params.forEach((name, values) -> { for (String value : values) { ctx.fireUserEventTriggered(value); } });",
        "    ctx.fireChannelInactive();",
        "  }",
        "}").findings(RULE);
    java.util.Map<Integer, String> lines = byLine(found);
    assertThat(lines.keySet()).containsExactly(22, 24, 27, 30).inOrder();
    // The loop, and (as in the Error Prone engine) the call in it that reaches digest's loop.
    List<String> line22 = found.stream().filter(f -> f.startsWith("22: ")).toList();
    assertThat(line22).hasSize(2);
    assertThat(line22.get(0)).contains("calls `score(...)` on every iteration");
    assertThat(line22.get(1)).startsWith("22: `score(cookie)` reaches Pending.score → Pending.digest, which loops"
        + " once per element of `lines` and calls `Math.log(...)` on every iteration, inside `channelInactive`");
    assertThat(lines.get(24)).contains("calls `cookie.split(...)` on every iteration");
    assertThat(lines.get(27)).contains("busy-waits on `!pending.isEmpty()`");
    assertThat(lines.get(30)).contains("runs a nested loop once per element of `values`");
  }

  /**
   * As the Error Prone engine: a call from event-loop code to a method of the sources that (through
   * others) holds a loop that never yields is reported at the call, with the chain. A helper with a
   * small constant loop, the same call off the loop, and a call offloaded to a worker are fine.
   */
  @Test
  void loopsReachedThroughOtherMethodsAreReportedAtTheCall(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Digest.java",
        "import java.util.List;",
        "class Digest {",
        "  static long checksum(List<String> lines) {",
        "    long sum = 0;",
        "    for (String line : lines) { sum += line.hashCode() * 31L + (long) Math.log1p(sum); }",
        "    return sum;",
        "  }",
        "  static long report(List<String> lines) { return checksum(lines); }",
        "  static int constant() { int n = 0; for (int i = 0; i < 4; i++) { n += i; } return n; }",
        "}").add("DigestHandler.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "import java.util.List;",
        "class DigestHandler extends SimpleChannelInboundHandler<List<String>> {",
        "  @Override protected void channelRead0(ChannelHandlerContext ctx, List<String> lines) {",
        "    ctx.writeAndFlush(Digest.report(lines));",
        "    ctx.writeAndFlush(Digest.constant());",
        "  }",
        "  public static void main(String[] args) { Digest.report(List.of(args)); }",
        "}").add("DigestVerticle.java",
        "import io.vertx.core.AbstractVerticle;",
        "import java.util.List;",
        "class DigestVerticle extends AbstractVerticle {",
        "  List<String> lines;",
        "  @Override public void start() {",
        "    vertx.setTimer(10, id -> System.out.println(Digest.report(lines)));",
        "    vertx.executeBlocking(() -> Digest.report(lines));",
        "  }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "6: `Digest.report(lines)` reaches Digest.report → Digest.checksum, which loops once per element of"
            + " `lines` and calls `Math.log1p(...)` on every iteration, inside `channelRead0` of `DigestHandler` (a"
            + " Netty SimpleChannelInboundHandler), which runs on the channel's event loop. Everything queued behind"
            + " it on that thread waits until it finishes. Fix: split the work into chunks and re-schedule the rest"
            + " with ctx.executor().execute(...), or offload it to a separate executor (or a handler added with its"
            + " own DefaultEventExecutorGroup).",
        "6: `Digest.report(lines)` reaches Digest.report → Digest.checksum, which loops once per element of"
            + " `lines` and calls `Math.log1p(...)` on every iteration, inside the lambda passed to `Vertx.setTimer`,"
            + " which runs on the Vert.x event loop. Everything queued behind it on that thread waits until it"
            + " finishes. Fix: split the work into chunks and continue with vertx.runOnContext(...), or offload it"
            + " with vertx.executeBlocking(...).");
  }

  /**
   * As the Error Prone engine's test: a self-call handing on its own parameters unchanged and in
   * order retries (reactor-netty's getOrCreateHttp2ConnectionProvider after a lost compare-and-set)
   * or delegates (vertx-core's updateTrafficShapingOptions); shrinking arguments still recurse.
   */
  @Test
  void selfCallsPassingTheirOwnParametersDelegateOrRetryButShrinkingArgumentsRecurse(@TempDir Path dir)
      throws Exception {
    List<String> found = new Sources(dir).add("Servers.java",
        "import io.vertx.core.Vertx;",
        "import java.util.List;",
        "import java.util.concurrent.atomic.AtomicReference;",
        "import java.util.function.Function;",
        "class Servers {",
        "  static final class Server {",
        "    Server actualServer;",
        "    long bandwidth;",
        "    void updateTrafficShapingOptions(Long options) {",
        "      Server server = actualServer;",
        "      if (server != null && server != this) {",
        "        server.updateTrafficShapingOptions(options);",
        "      } else {",
        "        bandwidth = options;",
        "      }",
        "    }",
        "  }",
        "  final AtomicReference<String> provider = new AtomicReference<>();",
        "  String getOrCreate(Function<String, String> create) {",
        "    String current = provider.get();",
        "    if (current == null) {",
        "      String made = create.apply(\"h2\");",
        "      if (!provider.compareAndSet(null, made)) {",
        "        return getOrCreate(create);",
        "      }",
        "      return made;",
        "    }",
        "    return current;",
        "  }",
        "  static final class Node { Node left, right, next; List<Node> children; }",
        "  int size(Node node) {",
        "    int n = 1;",
        "    for (Node child : node.children) { n += size(child); }",
        "    return n;",
        "  }",
        "  int height(Node node) { return node == null ? 0 : 1 + Math.max(height(node.left), height(node.right)); }",
        "  long factorial(long n) { return n <= 1 ? 1 : n * factorial(n - 1); }",
        "  int count(List<Node> nodes) { return nodes.isEmpty() ? 0 : 1 + count(nodes.subList(1, nodes.size())); }",
        "  int length(Node node) {",
        "    if (node == null) return 0;",
        "    node = node.next;",
        "    return 1 + length(node);",
        "  }",
        "  int swapped(int a, int b) { return a <= 0 ? b : swapped(b - 1, a); }",
        "  void start(Vertx vertx, Server server, Node root) {",
        "    vertx.createNetServer().connectHandler(socket -> {",
        "      server.updateTrafficShapingOptions(64L * 1024);",
        "      getOrCreate(name -> name + \"-provider\");",
        "      size(root);",
        "      height(root);",
        "      factorial(20);",
        "      count(root.children);",
        "      length(root);",
        "      swapped(3, 4);",
        "    });",
        "  }",
        "}").findings(RULE);
    java.util.Map<Integer, String> lines = byLine(found);
    assertThat(lines.keySet()).containsExactly(49, 50, 51, 52, 53, 54).inOrder();
    assertThat(lines.get(49)).contains("`size(root)` recurses: `size` calls itself");
    assertThat(lines.get(53)).contains("`length(root)` recurses: `length` calls itself");
  }
}
