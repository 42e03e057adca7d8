package vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileSystem;
import io.vertx.ext.web.Router;

/**
 * A Vert.x Future whose chain ends without onFailure, onComplete, recover or the like loses its
 * failure. Writes and closes (response.end(), socket.close()) are dropped idiomatically and only
 * reported with VertxWritesAndCloses.
 */
public class DroppedVertxFutures {
  void mount(Vertx vertx, Router router) {
    FileSystem fs = vertx.fileSystem();
    router.delete("/upload/:name").handler(ctx -> {
      String path = "uploads/" + ctx.pathParam("name");
      // BUG: Diagnostic contains: UnawaitedFuture
      fs.delete(path);
      fs.delete(path + ".meta").onFailure(ctx::fail);
      // BUG: Diagnostic contains: UnawaitedFuture
      fs.exists(path).onSuccess(found -> ctx.response().end(String.valueOf(found)));
      fs.exists(path).onFailure(ctx::fail).onSuccess(found -> ctx.response().end(String.valueOf(found)));
      ctx.response().end("deleted");
    });
    // BUG: Diagnostic contains: UnawaitedFuture
    Future<String> deployed = vertx.deployVerticle(new LoopsInRoutes(java.util.List.of()));
    Future<Void> copied = fs.copy("a.txt", "b.txt");
    copied.onFailure(Throwable::printStackTrace);
    var unused = fs.move("b.txt", "c.txt");
  }

  Future<Void> cleanUp(FileSystem fs) {
    return fs.delete("tmp");
  }
}
