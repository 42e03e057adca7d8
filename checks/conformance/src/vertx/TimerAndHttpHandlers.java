package vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/** Every callback given to a Vert.x API runs on the event loop of its context. */
public class TimerAndHttpHandlers {
  void timers(Vertx vertx) {
    vertx.setTimer(100, id -> {
      try {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  HttpServer server(Vertx vertx, Future<String> greeting) {
    return vertx.createHttpServer().requestHandler(request -> {
      // BUG: Diagnostic contains: BlockingWaitInEventLoop
      String text = greeting.toCompletionStage().toCompletableFuture().join();
      request.response().end(text);
    });
  }

  void composed(Vertx vertx, Future<String> greeting) {
    // Composing instead of waiting: fine.
    greeting.onSuccess(text -> vertx.eventBus().publish("greetings", text));
  }
}
