package vertx;

import io.vertx.core.AbstractVerticle;

/** Deployed as a worker in another file (WorkerDeployments): it may block. */
public class ImportVerticle extends AbstractVerticle {
  @Override
  public void start() throws Exception {
    Thread.sleep(100);
  }
}
