package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import com.sun.tools.javac.main.Main.Result;
import org.junit.jupiter.api.Test;

class NonYieldingLoopInEventLoopTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NonYieldingLoopInEventLoop.class, getClass());

  @Test
  void spinLoopsAndEndlessLoopsInANettyHandlerAreErrors() {
    helper.addSourceLines("Spin.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.concurrent.Future;",
        "import java.util.concurrent.atomic.AtomicBoolean;",
        "class Spin extends ChannelInboundHandlerAdapter {",
        "  final AtomicBoolean ready = new AtomicBoolean();",
        "  volatile boolean done;",
        "  Future<?> pending;",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    // BUG: Diagnostic contains: This loop busy-waits on `!pending.isDone()`, doing nothing but `Thread.onSpinWait()`; it holds the thread until another thread changes that state, inside `channelRead` of `Spin` (a Netty ChannelInboundHandler), which runs on the channel's event loop. On a single event loop",
        "    while (!pending.isDone()) { Thread.onSpinWait(); }",
        "    // BUG: Diagnostic contains: busy-waits on `!ready.get()`, doing nothing but spinning (its body is empty)",
        "    while (!ready.get());",
        "    long deadline = System.nanoTime() + 1_000_000;",
        "    // BUG: Diagnostic contains: busy-waits on `System.nanoTime() < deadline`",
        "    while (System.nanoTime() < deadline) { }",
        "    // BUG: Diagnostic contains: busy-waits on `!done`, doing nothing but `Thread.yield()`",
        "    do { Thread.yield(); } while (!done);",
        "    // BUG: Diagnostic contains: busy-waits on `pending.isDone()`",
        "    while (true) { if (pending.isDone()) break; Thread.onSpinWait(); }",
        "    // BUG: Diagnostic contains: This `for (;;)` loop has no break, return or throw, so it never ends",
        "    for (;;) { ctx.fireChannelReadComplete(); }",
        "  }",
        "}")
        .expectResult(Result.ERROR)
        .doTest();
  }

  @Test
  void loopsThatEndOrCountAreNotSpins() {
    helper.addSourceLines("NotSpin.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.handler.codec.ByteToMessageDecoder;",
        "import java.util.List;",
        "class NotSpin extends ByteToMessageDecoder {",
        "  @Override protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {",
        "    int i = 0;",
        "    while (i++ < 8);",
        "    java.util.Iterator<Object> it = out.iterator();",
        "    while (it.hasNext() && it.next() != ctx);",
        "    // Decoder style: loops until the input runs out, and ends by break.",
        "    while (true) {",
        "      if (in.readableBytes() < 4) break;",
        "      out.add(in.readRetainedSlice(4));",
        "    }",
        "    for (int k = 0; k < 4; k++) { }",
        "  }",
        "}")
        .expectResult(Result.OK)
        .doTest();
  }

  @Test
  void dataSizedLoopsDoingWorkInANettyHandlerAreWarnings() {
    helper.addSourceLines("Hashing.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "import java.security.MessageDigest;",
        "import java.util.List;",
        "class Hashing extends SimpleChannelInboundHandler<ByteBuf> {",
        "  MessageDigest md;",
        "  List<List<String>> rows;",
        "  @Override protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {",
        "    byte[] payload = new byte[msg.readableBytes()];",
        "    msg.readBytes(payload);",
        "    // BUG: Diagnostic contains: This loop runs `payload.length` times (its trip count comes from data) and calls `md.update(...)` on every iteration, without ever yielding, inside `channelRead0` of `Hashing` (a Netty SimpleChannelInboundHandler), which runs on the channel's event loop. Everything queued behind it on that thread waits until it finishes. Fix: split the work into chunks and re-schedule the rest with ctx.executor().execute(...)",
        "    for (int i = 0; i < payload.length; i++) { md.update(payload[i]); }",
        "    // BUG: Diagnostic contains: This loop runs once per element of `payload` (its trip count comes from data) and calls `md.digest(...)`",
        "    for (byte b : payload) { md.digest(new byte[] {b}); }",
        "    // BUG: Diagnostic contains: This loop runs once per element of `rows` (its trip count comes from data) and runs a nested loop once per element of `row` on every iteration",
        "    for (List<String> row : rows) { for (String cell : row) { if (cell.equals(\"x\")) ctx.fireUserEventTriggered(cell); } }",
        "    // BUG: Diagnostic contains: This loop runs for as long as `msg.isReadable()` holds",
        "    while (msg.isReadable()) { ctx.fireChannelRead(msg.readByte()); }",
        "    // BUG: Diagnostic contains: This loop runs 1000000 times (a constant above the loop bound of 1000)",
        "    for (int i = 0; i < 1_000_000; i++) { md.update((byte) i); }",
        "    // BUG: Diagnostic contains: This loop runs once per element of `rows` (its trip count comes from data) and calls `ctx.fireUserEventTriggered(...)` on every iteration",
        "    rows.forEach(row -> ctx.fireUserEventTriggered(row));",
        "    // BUG: Diagnostic contains: This loop runs once per element of `rows.stream()` (its trip count comes from data) and calls `ctx::fireUserEventTriggered`",
        "    rows.stream().forEach(ctx::fireUserEventTriggered);",
        "    // BUG: Diagnostic contains: `depth(rows, 0)` recurses: `depth` calls itself, so its depth and work grow with its input, inside `channelRead0`",
        "    depth(rows, 0);",
        "  }",
        "  int depth(List<?> tree, int level) {",
        "    int max = level;",
        "    for (Object child : tree) { if (child instanceof List<?> l) max = Math.max(max, depth(l, level + 1)); }",
        "    return max;",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void smallConstantLoopsAndCheapLoopsAreFine() {
    helper.addSourceLines("Encoder.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.handler.codec.MessageToByteEncoder;",
        "import java.util.List;",
        "class Encoder extends MessageToByteEncoder<Integer> {",
        "  private static final int[] SHIFTS = {24, 16, 8, 0};",
        "  enum Part { HEAD, BODY, TAIL }",
        "  List<String> names;",
        "  @Override protected void encode(ChannelHandlerContext ctx, Integer value, ByteBuf out) {",
        "    // A loop over a 4-element constant array: four iterations, whatever the call does.",
        "    for (int shift : new int[] {24, 16, 8, 0}) { out.writeByte(scramble(value >> shift)); }",
        "    for (int shift : SHIFTS) { out.writeByte(scramble(value >> shift)); }",
        "    for (int i = 0; i < SHIFTS.length; i++) { out.writeByte(scramble(value >> SHIFTS[i])); }",
        "    final int[] local = {1, 2, 3, 4};",
        "    for (int n : local) { out.writeByte(scramble(n)); }",
        "    for (Part p : Part.values()) { out.writeByte(scramble(p.ordinal())); }",
        "    for (String s : List.of(\"a\", \"b\")) { out.writeByte(scramble(s.length())); }",
        "    for (int i = 0; i < 16; i++) { out.writeByte(scramble(i)); }",
        "    int n = Math.min(value, SHIFTS.length);",
        "    for (int i = 0; i < n; i++) { out.writeByte(scramble(i)); }",
        "    // Calling itself from a task re-schedules; it does not recurse on this stack.",
        "    retry(3, ctx);",
        "    // Data-sized, but every iteration is cheap: getters, accessors, arithmetic.",
        "    int total = 0;",
        "    for (String name : names) { total += name.length() + name.charAt(0); }",
        "    for (int i = 0; i < names.size(); i++) { total += names.get(i).hashCode(); }",
        "    int[] sum = {0};",
        "    names.forEach(name -> sum[0] += name.length());",
        "    List.of(\"x\", \"y\").forEach(s -> out.writeByte(scramble(s.charAt(0))));",
        "    out.writeInt(total + sum[0]);",
        "  }",
        "  int scramble(int b) { return b * 31; }",
        "  void retry(int left, ChannelHandlerContext ctx) {",
        "    if (left > 0) ctx.executor().execute(() -> retry(left - 1, ctx));",
        "  }",
        "  /** Not a handler method: callers decide where it runs (transitive analysis). */",
        "  void rebuild(List<String> all) { for (String s : all) { System.out.println(s); } }",
        "  public static void main(String[] args) { while (true) { System.out.println(); } }",
        "}")
        .doTest();
  }

  @Test
  void loopBoundIsAnOption() {
    CompilationTestHelper.newInstance(NonYieldingLoopInEventLoop.class, getClass())
        .setArgs("-XepOpt:AsyncLint:LoopBound=10")
        .addSourceLines("Encoder.java",
            "import io.netty.buffer.ByteBuf;",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.handler.codec.MessageToByteEncoder;",
            "class Encoder extends MessageToByteEncoder<Integer> {",
            "  @Override protected void encode(ChannelHandlerContext ctx, Integer value, ByteBuf out) {",
            "    // BUG: Diagnostic contains: This loop runs 16 times (a constant above the loop bound of 10)",
            "    for (int i = 0; i < 16; i++) { out.writeByte(scramble(i)); }",
            "    for (int i = 0; i < 10; i++) { out.writeByte(scramble(i)); }",
            "  }",
            "  int scramble(int b) { return b * 31; }",
            "}")
        .doTest();
  }

  @Test
  void badLoopBoundFallsBackToTheDefault() {
    CompilationTestHelper.newInstance(NonYieldingLoopInEventLoop.class, getClass())
        .setArgs("-XepOpt:AsyncLint:LoopBound=lots")
        .addSourceLines("Encoder.java",
            "import io.netty.buffer.ByteBuf;",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.handler.codec.MessageToByteEncoder;",
            "class Encoder extends MessageToByteEncoder<Integer> {",
            "  @Override protected void encode(ChannelHandlerContext ctx, Integer value, ByteBuf out) {",
            "    for (int i = 0; i < 16; i++) { out.writeByte(scramble(i)); }",
            "    // BUG: Diagnostic contains: a constant above the loop bound of 1000",
            "    for (int i = 0; i < 5000; i++) { out.writeByte(scramble(i)); }",
            "  }",
            "  int scramble(int b) { return b * 31; }",
            "}")
        .doTest();
  }

  @Test
  void vertxHandlersButNotExecuteBlocking() {
    helper.addSourceLines("Api.java",
        "import io.vertx.core.AbstractVerticle;",
        "import io.vertx.core.Future;",
        "import io.vertx.ext.web.Router;",
        "import java.security.MessageDigest;",
        "class Api extends AbstractVerticle {",
        "  @Override public void start() {",
        "    Router router = Router.router(vertx);",
        "    router.post(\"/hash\").handler(ctx -> {",
        "      String body = ctx.body().asString();",
        "      MessageDigest md = sha256();",
        "      // BUG: Diagnostic contains: This loop runs once per element of `body.split(\"\\n\")` (its trip count comes from data) and calls `md.update(...)` on every iteration, without ever yielding, inside the lambda passed to `Route.handler`, which runs on the Vert.x event loop. Everything queued behind it on that thread waits until it finishes. Fix: split the work into chunks and continue with vertx.runOnContext(...), or offload it with vertx.executeBlocking(...)",
        "      for (String line : body.split(\"\\n\")) { md.update(line.getBytes()); }",
        "      ctx.end();",
        "    });",
        "    router.post(\"/hash-offloaded\").handler(ctx -> {",
        "      String body = ctx.body().asString();",
        "      // A hashing loop inside executeBlocking runs on a worker thread.",
        "      vertx.executeBlocking(() -> {",
        "        MessageDigest md = sha256();",
        "        for (String line : body.split(\"\\n\")) { md.update(line.getBytes()); }",
        "        for (int round = 0; round < 100_000; round++) { md.update(md.digest()); }",
        "        return md.digest();",
        "      }).onComplete(ar -> ctx.end());",
        "    });",
        "    Future<Boolean> flag = Future.succeededFuture(true);",
        "    vertx.setPeriodic(10, id -> {",
        "      // BUG: Diagnostic contains: busy-waits on `!flag.isComplete()`",
        "      while (!flag.isComplete()) { }",
        "    });",
        "  }",
        "  static MessageDigest sha256() {",
        "    try { return MessageDigest.getInstance(\"SHA-256\"); } catch (Exception e) { throw new IllegalStateException(e); }",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void reactorParallelAndRxComputationExistForCpuWork() {
    helper.addSourceLines("Pipelines.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.List;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Pipelines extends ChannelInboundHandlerAdapter {",
        "  List<List<Integer>> batches;",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    Flux.fromIterable(batches).publishOn(Schedulers.parallel())",
        "        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })",
        "        .subscribe(ctx::write);",
        "    Flux.fromIterable(batches).parallel().runOn(Schedulers.parallel())",
        "        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })",
        "        .sequential().subscribe(ctx::write);",
        "    Mono.fromCallable(() -> { long s = 0; for (List<Integer> b : batches) { s += score(b.size()); } return s; })",
        "        .subscribeOn(Schedulers.parallel()).subscribe(ctx::write);",
        "    Schedulers.parallel().schedule(() -> { for (List<Integer> b : batches) { score(b.size()); } });",
        "    io.reactivex.rxjava3.core.Observable.fromIterable(batches)",
        "        .observeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation())",
        "        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })",
        "        .subscribe(ctx::write);",
        "    io.reactivex.rxjava3.schedulers.Schedulers.computation().scheduleDirect(",
        "        () -> { for (List<Integer> b : batches) { score(b.size()); } });",
        "    // The same loop with no CPU scheduler runs where the chain is subscribed: on this event loop.",
        "    Flux.fromIterable(batches)",
        "        // BUG: Diagnostic contains: This loop runs once per element of `batch` (its trip count comes from data) and calls `score(...)`",
        "        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })",
        "        .subscribe(ctx::write);",
        "    // A later publishOn does not move the operators before it.",
        "    Flux.fromIterable(batches)",
        "        // BUG: Diagnostic contains: NonYieldingLoopInEventLoop",
        "        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })",
        "        .publishOn(Schedulers.parallel()).subscribe(ctx::write);",
        "  }",
        "  static long score(int x) { return Double.doubleToLongBits(Math.log1p(x) * Math.sqrt(x)); }",
        "}")
        .doTest();
  }

  @Test
  void mutinyCallbacksRunWhereTheyAreSubscribed() {
    helper.addSourceLines("Scores.java",
        "import io.smallrye.mutiny.Uni;",
        "import io.vertx.ext.web.Router;",
        "import java.util.List;",
        "class Scores {",
        "  void mount(Router router, List<Integer> xs) {",
        "    router.get(\"/score\").handler(ctx ->",
        "        Uni.createFrom().item(xs)",
        "            // BUG: Diagnostic contains: This loop runs once per element of `list` (its trip count comes from data) and calls `Math.sqrt(...)`",
        "            .onItem().transform(list -> { long s = 0; for (int x : list) { s += (long) Math.sqrt(x); } return s; })",
        "            .subscribe().with(s -> ctx.end(String.valueOf(s))));",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void suppressedWithTheRuleId() {
    helper.addSourceLines("Framing.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "class Framing extends SimpleChannelInboundHandler<ByteBuf> {",
        "  /** Frames are at most 64 bytes by protocol, which the checker cannot know. */",
        "  @SuppressWarnings(\"NonYieldingLoopInEventLoop\")",
        "  @Override protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {",
        "    while (msg.isReadable()) { ctx.fireChannelRead(msg.readRetainedSlice(1)); }",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void commonPoolLoopsAreWarningsAndAnExecutorMovesThem() {
    helper.addSourceLines("Async.java",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.ExecutorService;",
        "class Async {",
        "  CompletableFuture<Long> sum(List<Integer> xs, ExecutorService cpu) {",
        "    CompletableFuture.supplyAsync(() -> {",
        "      long s = 0;",
        "      // BUG: Diagnostic contains: runs on the common ForkJoin pool, which the whole JVM shares. Everything queued behind it on that thread waits until it finishes. Fix: pass a dedicated executor",
        "      for (int x : xs) { s += Long.rotateLeft(x, 3) ^ expensive(x); }",
        "      return s;",
        "    });",
        "    return CompletableFuture.supplyAsync(() -> {",
        "      long s = 0;",
        "      for (int x : xs) { s += expensive(x); }",
        "      return s;",
        "    }, cpu);",
        "  }",
        "  static long expensive(int x) { return (long) Math.exp(x % 20); }",
        "}")
        .expectResult(Result.OK)
        .doTest();
  }

  /** Issue 10: a call to a helper that holds such a loop counts too, reported at the call with the chain. */
  @Test
  void loopsReachedThroughHelpersAreReportedAtTheCall() {
    CompilationTestHelper.newInstance(NonYieldingLoopInEventLoop.class, getClass())
        .addSourceLines("Digest.java",
            "import java.util.List;",
            "class Digest {",
            "  static long checksum(List<String> lines) {",
            "    long sum = 0;",
            "    for (String line : lines) { sum += line.hashCode() * 31L + (long) Math.log1p(sum); }",
            "    return sum;",
            "  }",
            "  static long report(List<String> lines) { return checksum(lines); }",
            "  static int constant() { int n = 0; for (int i = 0; i < 4; i++) { n += i; } return n; }",
            "}")
        .addSourceLines("DigestHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.SimpleChannelInboundHandler;",
            "import java.util.List;",
            "class DigestHandler extends SimpleChannelInboundHandler<List<String>> {",
            "  @Override protected void channelRead0(ChannelHandlerContext ctx, List<String> lines) {",
            "    // BUG: Diagnostic contains: `Digest.report(lines)` reaches Digest.report → Digest.checksum, which loops",
            "    ctx.writeAndFlush(Digest.report(lines));",
            "    ctx.writeAndFlush(Digest.constant());",
            "  }",
            "  public static void main(String[] args) { Digest.report(List.of(args)); }",
            "}")
        .doTest();
  }

  /** From the Netty sample: log1p per order over a 200k order book held the loop for seconds. */
  @Test
  void transcendentalMathOverDataIsWorkButArithmeticIsNot() {
    CompilationTestHelper.newInstance(NonYieldingLoopInEventLoop.class, getClass())
        .addSourceLines("Book.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "import java.util.List;",
            "class Book extends ChannelInboundHandlerAdapter {",
            "  record Order(long quantity, long cents) {}",
            "  List<Order> orders;",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    long total = 0;",
            "    // BUG: Diagnostic contains: NonYieldingLoopInEventLoop",
            "    for (Order order : orders) {",
            "      total += Math.round(Math.log1p(order.quantity()) * order.cents());",
            "    }",
            "    long biggest = 0;",
            "    for (Order order : orders) {",
            "      biggest = Math.max(biggest, Math.abs(order.cents()));",
            "    }",
            "    ctx.writeAndFlush(total + biggest);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * From vertx-web-client's {@code HttpContext.next} (an interceptor chain walked on the event
   * loop, reported at 25 call sites): a loop that only hands each item to a callback runs once per
   * registered callback, and what the callback does is judged where it is written.
   */
  @Test
  void dispatchingToCallbacksIsNotWorkPerItem() {
    helper.addSourceLines("Chain.java",
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
        "      // BUG: Diagnostic contains: calls `md.update(...)` on every iteration",
        "      for (Handler<String> interceptor : interceptors) { interceptor.handle(\"x\"); md.update((byte) 1); }",
        "    });",
        "  }",
        "}")
        .doTest();
  }

  /**
   * From r2dbc-postgresql's frontend messages ({@code for (Format f : parameterFormats)
   * writeShort(...)}): writing a message to a buffer field by field is the bytes the loop moves
   * anyway; a hash over the same data is still work.
   */
  @Test
  void bufferReadsAndWritesPerItemAreNotWork() {
    helper.addSourceLines("Frames.java",
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
        "    // BUG: Diagnostic contains: calls `value.toString().replaceAll(...)` on every iteration",
        "    for (Float value : values) { out.writeCharSequence(value.toString().replaceAll(\"0+$\", \"\"), null); }",
        "  }",
        "}")
        .doTest();
  }

  /**
   * From lettuce-core, vertx-core, reactor-netty and r2dbc-postgresql (156 of 160 loop findings
   * were bookkeeping): failing pending commands, encoding a response's cookies, calling listeners.
   * A data-sized loop counts only with real work per item: a costly API, a nested loop over data,
   * or a helper of this compilation that has one.
   */
  @Test
  void bookkeepingPerItemIsNotWorkButCostlyHelpersAre() {
    helper.addSourceLines("Pending.java",
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
        "    // BUG: Diagnostic contains: calls `score(...)` on every iteration",
        "    for (String cookie : cookies) { total += score(cookie); }",
        "    // From vertx-web-client's Vary parsing: split on one plain character takes a fast path.",
        "    for (String cookie : cookies) { header.append(cookie.split(\";\")[0]).append(cookie.split(\"\\\\.\")[0]); }",
        "    // BUG: Diagnostic contains: calls `cookie.split(...)` on every iteration",
        "    for (String cookie : cookies) { header.append(cookie.split(\"; *\")[0]); }",
        "    // From vertx-core's Http1xOrH2CHandler: work on the way out of the loop runs once.",
        "    for (String cookie : cookies) { if (cookie.isEmpty()) { ctx.fireChannelInactive(); return; } }",
        "    // From r2dbc's tryDrainLoop: the condition's own method does the work; this is no busy-wait.",
        "    while (!pending.isEmpty() && !drainOne()) { }",
        "    // BUG: Diagnostic contains: busy-waits on `!pending.isEmpty()`",
        "    while (!pending.isEmpty()) { }",
        "    // From vertx-web-client's buildUri: walking a multimap's values is linear in them.",
        "    java.util.Map<String, List<String>> params = java.util.Map.of();",
        "    params.forEach((name, values) -> { for (String value : values) { header.append(name).append(value); } });",
        "    // BUG: Diagnostic contains: runs a nested loop once per element of `values`",
        "    params.forEach((name, values) -> { for (String value : values) { ctx.fireUserEventTriggered(value); } });",
        "    ctx.fireChannelInactive();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void selfCallsPassingTheirOwnParametersDelegateOrRetryButShrinkingArgumentsRecurse() {
    // Shapes of vertx-core TCPServerBase.updateTrafficShapingOptions (delegates to the actual
    // server) and reactor-netty HttpResources.getOrCreateHttp2ConnectionProvider (calls itself once
    // more after a lost compare-and-set), both reached from event-loop code.
    helper.addSourceLines("Servers.java",
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
        "      // BUG: Diagnostic contains: `size(root)` recurses: `size` calls itself",
        "      size(root);",
        "      // BUG: Diagnostic contains: `height(root)` recurses",
        "      height(root);",
        "      // BUG: Diagnostic contains: `factorial(20)` recurses",
        "      factorial(20);",
        "      // BUG: Diagnostic contains: `count(root.children)` recurses",
        "      count(root.children);",
        "      // A parameter reassigned before the self-call passes on other data.",
        "      // BUG: Diagnostic contains: `length(root)` recurses",
        "      length(root);",
        "      // BUG: Diagnostic contains: `swapped(3, 4)` recurses",
        "      swapped(3, 4);",
        "    });",
        "  }",
        "}")
        .doTest();
  }
}
