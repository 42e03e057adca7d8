package mutiny;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.Router;
import java.util.List;

/** A Uni's callbacks run where it is subscribed (a Vert.x route: the event loop) unless emitOn moves them. */
public class LoopsInOperators {
  void mount(Router router, List<Integer> xs) {
    router.get("/score").handler(ctx ->
        Uni.createFrom().item(xs)
            .onItem().transform(list -> {
              long s = 0;
              // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
              for (int x : list) { s += (long) Math.log1p(x); }
              return s;
            })
            .subscribe().with(s -> ctx.end(String.valueOf(s))));
    router.get("/score-offloaded").handler(ctx ->
        Uni.createFrom().item(xs)
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .onItem().transform(list -> {
              long s = 0;
              for (int x : list) { s += (long) Math.log1p(x); }
              return s;
            })
            .subscribe().with(s -> ctx.end(String.valueOf(s))));
  }
}
