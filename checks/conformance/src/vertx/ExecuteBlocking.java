package vertx;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;

/** executeBlocking runs its callable on a worker thread; the callbacks on its result do not. */
public class ExecuteBlocking {
  void load(Vertx vertx) {
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.executeBlocking(() -> {
      Thread.sleep(50);
      return Files.readString(Path.of("data.txt"));
    }).onSuccess(text -> {
      try {
        // BUG: Diagnostic contains: BlockingIoInEventLoop
        Files.writeString(Path.of("copy.txt"), text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  void onContext(Vertx vertx) {
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.getOrCreateContext().executeBlocking(() -> Files.size(Path.of("data.txt")));
    // BUG: Diagnostic contains: UnawaitedFuture
    vertx.createSharedWorkerExecutor("io").executeBlocking(() -> Files.size(Path.of("data.txt")));
  }
}
