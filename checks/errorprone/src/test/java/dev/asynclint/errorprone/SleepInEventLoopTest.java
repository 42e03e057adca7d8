package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class SleepInEventLoopTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(SleepInEventLoop.class, getClass());

  @Test
  void nettyHandlerMethodsRunOnTheEventLoop() {
    helper.addSourceLines("EchoHandler.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "import java.util.concurrent.TimeUnit;",
        "class EchoHandler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    // BUG: Diagnostic contains: inside `channelRead` of `EchoHandler` (a Netty ChannelInboundHandler), which runs on the channel's event loop. Fix: schedule the rest with ctx.executor().schedule",
        "    Thread.sleep(100);",
        "    ctx.writeAndFlush(msg);",
        "  }",
        "  @Override public void channelActive(ChannelHandlerContext ctx) throws Exception {",
        "    // BUG: Diagnostic contains: `TimeUnit.MILLISECONDS.sleep(5)` parks the thread",
        "    TimeUnit.MILLISECONDS.sleep(5);",
        "  }",
        "  static class Typed extends SimpleChannelInboundHandler<String> {",
        "    @Override protected void channelRead0(ChannelHandlerContext ctx, String msg) throws Exception {",
        "      // BUG: Diagnostic contains: SleepInEventLoop",
        "      Thread.sleep(1);",
        "    }",
        "  }",
        "  /** Not a handler method: only its callers decide where it runs. */",
        "  void helper() throws InterruptedException { Thread.sleep(1); }",
        "  public static void main(String[] args) throws InterruptedException { Thread.sleep(1); }",
        "}")
        .doTest();
  }

  @Test
  void nettyTasksOnTheEventLoopButNotOnOtherExecutors() {
    helper.addSourceLines("Tasks.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.EventLoopGroup;",
        "import io.netty.util.concurrent.DefaultEventExecutorGroup;",
        "import java.util.concurrent.ExecutorService;",
        "import java.util.concurrent.TimeUnit;",
        "class Tasks {",
        "  void run(EventLoopGroup group, ChannelHandlerContext ctx, ExecutorService pool,",
        "      DefaultEventExecutorGroup blockingGroup) {",
        "    group.execute(() -> {",
        "      try {",
        "        // BUG: Diagnostic contains: inside the lambda passed to `Executor.execute`, which runs on a Netty event loop",
        "        Thread.sleep(10);",
        "      } catch (InterruptedException e) { }",
        "    });",
        "    ctx.executor().schedule(() -> {",
        "      // BUG: Diagnostic contains: SleepInEventLoop",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    }, 1, TimeUnit.SECONDS);",
        "    ctx.channel().closeFuture().addListener(f -> {",
        "      // BUG: Diagnostic contains: runs on the event loop that completes the future",
        "      Thread.sleep(10);",
        "    });",
        "    pool.execute(() -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    });",
        "    blockingGroup.execute(() -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    });",
        "    new Thread(() -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    }).start();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void vertxHandlersTimersAndVerticles() {
    helper.addSourceLines("Server.java",
        "import io.vertx.core.AbstractVerticle;",
        "import io.vertx.core.Vertx;",
        "import io.vertx.ext.web.Router;",
        "class Server extends AbstractVerticle {",
        "  @Override public void start() throws Exception {",
        "    // BUG: Diagnostic contains: inside `start` of `Server` (a Vert.x AbstractVerticle), which runs on the Vert.x event loop. Fix: use vertx.setTimer",
        "    Thread.sleep(10);",
        "    Router router = Router.router(vertx);",
        "    router.get(\"/slow\").handler(ctx -> {",
        "      try {",
        "        // BUG: Diagnostic contains: inside the lambda passed to `Route.handler`, which runs on the Vert.x event loop",
        "        Thread.sleep(10);",
        "      } catch (InterruptedException e) { }",
        "      ctx.end();",
        "    });",
        "    router.get(\"/ok\").blockingHandler(ctx -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "      ctx.end();",
        "    });",
        "    vertx.executeBlocking(() -> { Thread.sleep(10); return 1; })",
        "        .onSuccess(n -> {",
        "          // BUG: Diagnostic contains: `Future.onSuccess`",
        "          try { Thread.sleep(1); } catch (InterruptedException e) { }",
        "        });",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void workerVerticlesDeployedInTheSameFileMayBlock() {
    helper.addSourceLines("Main.java",
        "import io.vertx.core.AbstractVerticle;",
        "import io.vertx.core.DeploymentOptions;",
        "import io.vertx.core.ThreadingModel;",
        "import io.vertx.core.Vertx;",
        "class Main {",
        "  static class Worker extends AbstractVerticle {",
        "    @Override public void start() throws Exception {",
        "      Thread.sleep(10);",
        "      vertx.setPeriodic(100, id -> {",
        "        try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "      });",
        "    }",
        "  }",
        "  static class Virtual extends AbstractVerticle {",
        "    @Override public void start() throws Exception { Thread.sleep(10); }",
        "  }",
        "  static class OnLoop extends AbstractVerticle {",
        "    @Override public void start() throws Exception {",
        "      // BUG: Diagnostic contains: SleepInEventLoop",
        "      Thread.sleep(10);",
        "    }",
        "  }",
        "  public static void main(String[] args) {",
        "    Vertx vertx = Vertx.vertx();",
        "    vertx.deployVerticle(Worker.class, new DeploymentOptions().setWorker(true));",
        "    DeploymentOptions options = new DeploymentOptions();",
        "    options.setThreadingModel(ThreadingModel.VIRTUAL_THREAD);",
        "    vertx.deployVerticle(Virtual.class, options);",
        "    vertx.deployVerticle(new OnLoop());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void commonPoolCallbacksAreWarningsAndAnExecutorMovesThem() {
    helper.addSourceLines("Async.java",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.Executor;",
        "class Async {",
        "  CompletableFuture<Integer> run(Executor blockingPool) {",
        "    CompletableFuture.runAsync(() -> {",
        "      // BUG: Diagnostic contains: which runs on the common ForkJoin pool, which the whole JVM shares",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    });",
        "    CompletableFuture.runAsync(() -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    }, blockingPool);",
        "    return CompletableFuture.supplyAsync(() -> 1, blockingPool)",
        "        .thenApply(n -> n + 1);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void commonPoolCanBeTurnedOff() {
    helper.setArgs("-XepOpt:AsyncLint:CommonPool=false")
        .addSourceLines("Async.java",
        "import java.util.concurrent.CompletableFuture;",
        "class Async {",
        "  void run() {",
        "    CompletableFuture.runAsync(() -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    });",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void nonBlockingAnnotationsDeclareEventLoopCode() {
    helper.addSourceLines("Annotated.java",
        "import org.jetbrains.annotations.NonBlocking;",
        "class Annotated {",
        "  @NonBlocking void onTick() throws InterruptedException {",
        "    // BUG: Diagnostic contains: inside `onTick`, which is declared @NonBlocking",
        "    Thread.sleep(1);",
        "  }",
        "  @dev.asynclint.annotations.NonBlocking static class AllMethods {",
        "    void a() throws InterruptedException {",
        "      // BUG: Diagnostic contains: SleepInEventLoop",
        "      Thread.sleep(1);",
        "    }",
        "  }",
        "  void plain() throws InterruptedException { Thread.sleep(1); }",
        "}")
        .doTest();
  }

  @Test
  void lambdasRunWhereTheirCallerRunsUnlessStoredOrOffloaded() {
    helper.addSourceLines("Handler.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.List;",
        "class Handler extends ChannelInboundHandlerAdapter {",
        "  Runnable stored;",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    List.of(1, 2).forEach(i -> {",
        "      // BUG: Diagnostic contains: inside `channelRead` of `Handler`",
        "      try { Thread.sleep(i); } catch (InterruptedException e) { }",
        "    });",
        "    stored = () -> { try { Thread.sleep(1); } catch (InterruptedException e) { } };",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void anonymousHandlerClasses() {
    helper.addSourceLines("Anon.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import io.vertx.core.Handler;",
        "import io.vertx.core.Vertx;",
        "class Anon {",
        "  Object handler = new ChannelInboundHandlerAdapter() {",
        "    @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "      // BUG: Diagnostic contains: of an anonymous ChannelInboundHandler",
        "      Thread.sleep(1);",
        "    }",
        "  };",
        "  void timers(Vertx vertx) {",
        "    vertx.setTimer(10, new Handler<Long>() {",
        "      @Override public void handle(Long id) {",
        "        // BUG: Diagnostic contains: SleepInEventLoop",
        "        try { Thread.sleep(1); } catch (InterruptedException e) { }",
        "      }",
        "    });",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    helper.addSourceLines("Quiet.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "class Quiet extends ChannelInboundHandlerAdapter {",
        "  @SuppressWarnings(\"SleepInEventLoop\")",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Thread.sleep(1);",
        "  }",
        "}")
        .doTest();
  }

  /**
   * Future.future(handler) calls the handler before it returns, on the caller's thread (vertx-core
   * Vertx.java:130, {@code Future.future(p -> internalBuilder().clusteredVertx(p))}): a catalog
   * {@code inline} line, so the enclosing code decides where the handler runs.
   */
  @Test
  void futureFutureRunsItsHandlerWhereItIsCalled() {
    helper.addSourceLines("Startup.java",
        "import io.vertx.core.Future;",
        "import io.vertx.core.Vertx;",
        "class Startup {",
        "  static void pause() {",
        "    try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "  }",
        "  public static void main(String[] args) {",
        "    Future<String> f = Future.future(p -> {",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "      p.complete(\"ready\");",
        "    });",
        "  }",
        "  Future<Void> warmUp() {",
        "    return Future.future(p -> { pause(); p.complete(); });",
        "  }",
        "  void onTimer(Vertx vertx) {",
        "    vertx.setTimer(10, id -> Future.future(p -> {",
        "      // BUG: Diagnostic contains: inside the lambda passed to `Vertx.setTimer`, which runs on the Vert.x event loop",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "      p.complete();",
        "    }));",
        "    // A callback handed to the future it makes still runs on the event loop.",
        "    Future.future(p -> p.complete()).onComplete(ar -> {",
        "      // BUG: Diagnostic contains: inside the lambda passed to `Future.onComplete`",
        "      try { Thread.sleep(10); } catch (InterruptedException e) { }",
        "    });",
        "  }",
        "}")
        .doTest();
  }
}
