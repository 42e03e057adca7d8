package vertx;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.MessageDigest;
import java.util.List;

/**
 * Route handlers, timers and verticle starts run on the Vert.x event loop, so a CPU loop over
 * request data there holds every connection of that loop; executeBlocking and blockingHandler
 * move it to a worker.
 */
public class LoopsInRoutes extends AbstractVerticle {
  private final List<String> ids;

  LoopsInRoutes(List<String> ids) {
    this.ids = ids;
  }

  @Override
  public void start() {
    // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
    ids.forEach(id -> vertx.eventBus().send("index", Math.log1p(id.strip().length())));
  }

  void mount(Vertx vertx, Router router) {
    router.post("/hash").handler(ctx -> {
      MessageDigest md = sha256();
      String body = ctx.body().asString();
      // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
      for (String line : body.split("\n")) { md.update(line.getBytes()); }
      ctx.response().end(String.valueOf(md.getDigestLength()));
    });
    router.post("/hash-blocking").blockingHandler(ctx -> {
      MessageDigest md = sha256();
      for (String line : ctx.body().asString().split("\n")) { md.update(line.getBytes()); }
      ctx.response().end(String.valueOf(md.getDigestLength()));
    });
    vertx.setPeriodic(1000, id -> {
      long deadline = System.nanoTime() + 1_000_000;
      // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
      while (System.nanoTime() < deadline) { }
    });
    vertx.executeBlocking(() -> {
      long deadline = System.nanoTime() + 1_000_000;
      while (System.nanoTime() < deadline) { }
      return deadline;
    }).onComplete(done -> { });
    router.get("/count").handler(ctx -> {
      int words = 0;
      for (String word : ctx.body().asString().split(" ")) { if (!word.isEmpty()) { words++; } }
      ctx.response().end(String.valueOf(words));
    });
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
