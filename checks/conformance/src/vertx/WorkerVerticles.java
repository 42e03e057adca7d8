package vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;

/** A verticle deployed as a worker (visible in this file) may block; the event-loop one may not. */
public class WorkerVerticles {
  static class ReportVerticle extends AbstractVerticle {
    @Override
    public void start() throws Exception {
      Thread.sleep(1000);
      vertx.setPeriodic(1000, id -> {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  static class ApiVerticle extends AbstractVerticle {
    @Override
    public void start() throws Exception {
      // BUG: Diagnostic contains: SleepInEventLoop
      Thread.sleep(1000);
    }
  }

  void deploy(Vertx vertx) {
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.deployVerticle(new ReportVerticle(), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.deployVerticle(new ApiVerticle());
  }
}
