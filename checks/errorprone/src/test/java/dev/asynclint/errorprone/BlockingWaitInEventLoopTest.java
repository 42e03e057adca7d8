package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class BlockingWaitInEventLoopTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingWaitInEventLoop.class, getClass());

  @Test
  void futuresLatchesLocksAndQueuesInANettyHandler() {
    helper.addSourceLines("WaitHandler.java",
        "import io.netty.channel.ChannelFuture;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.util.concurrent.*;",
        "import java.util.concurrent.locks.ReentrantLock;",
        "class WaitHandler extends ChannelInboundHandlerAdapter {",
        "  CompletableFuture<String> future = new CompletableFuture<>();",
        "  CountDownLatch latch = new CountDownLatch(1);",
        "  ReentrantLock lock = new ReentrantLock();",
        "  BlockingQueue<Object> queue = new LinkedBlockingQueue<>();",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    // BUG: Diagnostic contains: `future.get()` waits for the future to complete, inside `channelRead` of `WaitHandler`",
        "    future.get();",
        "    // BUG: Diagnostic contains: Fix: add a listener (future.addListener(...))",
        "    future.join();",
        "    future.getNow(\"default\");",
        "    // BUG: Diagnostic contains: waits for the Netty future, which deadlocks if it completes on this loop",
        "    ctx.writeAndFlush(msg).sync();",
        "    ChannelFuture written = ctx.writeAndFlush(msg);",
        "    // BUG: Diagnostic contains: BlockingWaitInEventLoop",
        "    written.awaitUninterruptibly();",
        "    written.addListener(f -> ctx.close());",
        "    // BUG: Diagnostic contains: waits for the latch",
        "    latch.await();",
        "    latch.countDown();",
        "    // BUG: Diagnostic contains: waits for the lock",
        "    lock.lock();",
        "    lock.tryLock();",
        "    lock.unlock();",
        "    // BUG: Diagnostic contains: waits for room or an element",
        "    queue.put(msg);",
        "    queue.offer(msg);",
        "    queue.poll();",
        "    // BUG: Diagnostic contains: waits for an element",
        "    queue.poll(1, TimeUnit.SECONDS);",
        "    synchronized (this) {",
        "      // BUG: Diagnostic contains: waits for a notify",
        "      wait(10);",
        "    }",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void reactiveBlockingInAVertxHandler() {
    helper.addSourceLines("Blocky.java",
        "import io.reactivex.rxjava3.core.Single;",
        "import io.smallrye.mutiny.Uni;",
        "import io.vertx.ext.web.Router;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "class Blocky {",
        "  void mount(Router router) {",
        "    router.get(\"/\").handler(ctx -> {",
        "      // BUG: Diagnostic contains: subscribes and waits for the Mono",
        "      String a = Mono.just(\"a\").block();",
        "      // BUG: Diagnostic contains: subscribes and waits for the Flux",
        "      Flux.just(1, 2).toIterable();",
        "      // BUG: Diagnostic contains: subscribes and waits for the Single",
        "      Single.just(1).blockingGet();",
        "      // BUG: Diagnostic contains: waits for the Uni",
        "      Uni.createFrom().item(1).await().indefinitely();",
        "      Mono.just(\"b\").subscribe(ctx::end);",
        "    });",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void waitingOnAWorkerOrInMainIsFine() {
    helper.addSourceLines("Fine.java",
        "import io.vertx.core.Vertx;",
        "import java.util.concurrent.CompletableFuture;",
        "class Fine {",
        "  public static void main(String[] args) throws Exception {",
        "    CompletableFuture.supplyAsync(() -> 1, Runnable::run).get();",
        "    Vertx vertx = Vertx.vertx();",
        "    vertx.executeBlocking(() -> CompletableFuture.completedFuture(1).join());",
        "    Thread t = new Thread(() -> {});",
        "    t.start();",
        "    t.join();",
        "  }",
        "}")
        .doTest();
  }

  /** Shapes from Vert.x's own VirtualThreadExamples: anonymous verticles on virtual threads may wait. */
  @Test
  void anonymousVerticlesDeployedOnVirtualThreadsMayAwait() {
    helper.addSourceLines("VirtualThreads.java",
        "import io.vertx.core.*;",
        "import io.vertx.core.http.HttpServer;",
        "class VirtualThreads {",
        "  void viaLocal(Vertx vertx) {",
        "    AbstractVerticle verticle = new AbstractVerticle() {",
        "      @Override public void start() {",
        "        Future.await(vertx.createHttpClient().request(io.vertx.core.http.HttpMethod.GET, 80, \"h\", \"/\"));",
        "      }",
        "    };",
        "    vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD));",
        "  }",
        "  void viaSupplier(Vertx vertx, Future<String> remote) {",
        "    vertx.deployVerticle(() -> new AbstractVerticle() {",
        "      @Override public void start() {",
        "        vertx.createHttpServer().requestHandler(req -> req.response().end(Future.await(remote)));",
        "      }",
        "    }, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD));",
        "  }",
        "  void onTheLoop(Vertx vertx, Future<String> remote) {",
        "    vertx.deployVerticle(new AbstractVerticle() {",
        "      @Override public void start() {",
        "        // BUG: Diagnostic contains: inside `start` of an anonymous AbstractVerticle",
        "        Future.await(remote);",
        "      }",
        "    });",
        "  }",
        "}")
        .doTest();
  }
}
