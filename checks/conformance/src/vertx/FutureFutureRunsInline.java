package vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Future.future(handler) calls the handler before it returns, on the caller's thread (vertx-core
 * Vertx.java: {@code Future.future(p -> internalBuilder().clusteredVertx(p))}), so the code around
 * the call decides where the handler runs; the catalog says so with an {@code inline} line.
 */
public class FutureFutureRunsInline {
  public static void main(String[] args) {
    Future<String> config = Future.future(p -> {
      try {
        p.complete(Files.readString(Path.of(args[0])));
      } catch (java.io.IOException e) {
        p.fail(e);
      }
    });
    config.onComplete(ar -> System.out.println(ar.result()));
  }

  void onTimer(Vertx vertx, Path path) {
    vertx.setTimer(10, id -> {
      Future<String> text = Future.future(p -> {
        try {
          // BUG: Diagnostic contains: BlockingIoInEventLoop
          p.complete(Files.readString(path));
        } catch (java.io.IOException e) {
          p.fail(e);
        }
      });
      text.onComplete(ar -> System.out.println(ar.result()));
    });
  }
}
