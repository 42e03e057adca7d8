package vertx;

import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;

/**
 * Callbacks written as anonymous classes, or cast lambdas, are judged like plain lambdas; an
 * anonymous Handler is also a Handler override in its own right.
 */
public class AnonymousAndCastCallbacks {
  void timers(Vertx vertx, CountDownLatch latch) {
    vertx.setTimer(10, new Handler<Long>() {
      @Override
      public void handle(Long id) {
        try {
          // BUG: Diagnostic contains: BlockingWaitInEventLoop
          latch.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    vertx.setTimer(10, (Handler<Long>) (id -> {
      try {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(id);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  void task(ChannelHandlerContext ctx) {
    ctx.executor().execute(new Runnable() {
      @Override
      public void run() {
        // BUG: Diagnostic contains: BlockingIoInEventLoop
        new java.io.File("/tmp/marker").delete();
      }
    });
  }
}
