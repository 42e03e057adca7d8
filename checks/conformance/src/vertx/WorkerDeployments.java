package vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;

/** Anonymous and supplied verticles deployed as workers or on virtual threads may block. */
public class WorkerDeployments {
  void deploy(Vertx vertx) {
    DeploymentOptions workers = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.deployVerticle(ImportVerticle.class, workers);

    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.deployVerticle(() -> new AbstractVerticle() {
      @Override
      public void start() throws Exception {
        Thread.sleep(100);
      }
    }, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD));

    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.deployVerticle(new AbstractVerticle() {
      @Override
      public void start() throws Exception {
        Thread.sleep(100);
      }
    }, new DeploymentOptions().setWorker(true));

    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.deployVerticle(new AbstractVerticle() {
      @Override
      public void start() throws Exception {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(100);
      }
    });
  }
}
