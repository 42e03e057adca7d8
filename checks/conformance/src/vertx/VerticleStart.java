package vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import java.nio.file.Files;
import java.nio.file.Path;

/** A verticle starts on its event loop, unless it is deployed as a worker. */
public class VerticleStart extends AbstractVerticle {
  @Override
  public void start(Promise<Void> startPromise) throws Exception {
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    String config = Files.readString(Path.of("config.json"));
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.fileSystem().readFile("config.json").onSuccess(buffer -> startPromise.complete());
  }
}
