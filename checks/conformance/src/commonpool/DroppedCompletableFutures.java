package commonpool;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * A CompletableFuture whose chain ends without exceptionally, handle or whenComplete loses its
 * failure: dropped as a statement, returned into a Runnable or Consumer, or stored and never
 * read. Returned, handled or explicitly unused futures are fine.
 */
public class DroppedCompletableFutures {
  private final ExecutorService pool;

  DroppedCompletableFutures(ExecutorService pool) {
    this.pool = pool;
  }

  void fireAndForget(List<String> ids, Executor executor) {
    // BUG: Diagnostic contains: UnawaitedFuture
    CompletableFuture.runAsync(() -> index(ids), pool);
    // BUG: Diagnostic contains: UnawaitedFuture
    load("1").thenAccept(System.out::println);
    load("2").thenAccept(System.out::println).exceptionally(e -> null);
    load("3").whenComplete((v, e) -> { });
    // BUG: Diagnostic contains: UnawaitedFuture
    executor.execute(() -> load("4").thenAccept(System.out::println));
    // BUG: Diagnostic contains: UnawaitedFuture
    ids.forEach(this::load);
    // BUG: Diagnostic contains: UnawaitedFuture
    CompletableFuture<String> pending = load("5");
    CompletableFuture<String> kept = load("6");
    kept.orTimeout(1, java.util.concurrent.TimeUnit.SECONDS);
    kept.exceptionally(e -> "none");
    var unused = load("7");
    // BUG: Diagnostic contains: UnawaitedFuture
    pool.submit(() -> index(ids));
    ForkJoinPool.commonPool().submit(() -> index(ids)).fork();
  }

  CompletionStage<String> passedOn() {
    return load("8").thenApply(String::trim);
  }

  CompletableFuture<String> load(String id) {
    return CompletableFuture.supplyAsync(() -> id, pool);
  }

  static void index(List<String> ids) {
    ids.size();
  }
}
