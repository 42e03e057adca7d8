package vertx;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** Route handlers run on the event loop; blockingHandler moves them to a worker. */
public class RouterHandlers {
  void routes(Router router) {
    router.get("/report").handler(ctx -> {
      try {
        // BUG: Diagnostic contains: BlockingIoInEventLoop
        ctx.response().end(Files.readString(Path.of("report.txt")));
      } catch (java.io.IOException e) {
        ctx.fail(e);
      }
    });
    router.get("/archive").blockingHandler(ctx -> {
      try {
        ctx.response().end(Files.readString(Path.of("archive.txt")));
      } catch (java.io.IOException e) {
        ctx.fail(e);
      }
    });
    router.get("/file").handler(new ReadFileHandler());
  }

  static class ReadFileHandler implements Handler<RoutingContext> {
    @Override
    public void handle(RoutingContext ctx) {
      try {
        // BUG: Diagnostic contains: BlockingIoInEventLoop
        byte[] bytes = Files.readAllBytes(Path.of("file.bin"));
        ctx.response().end(io.vertx.core.buffer.Buffer.buffer(bytes));
      } catch (java.io.IOException e) {
        ctx.fail(e);
      }
    }
  }
}
