package commonpool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * CompletableFuture's *Async callbacks without an executor run on the JVM-wide common pool
 * (reported at WARNING); with an executor for blocking work they are fine.
 */
public class CommonPoolCallbacks {
  CompletableFuture<String> onCommonPool(CompletableFuture<String> other) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    }).thenApplyAsync(value -> value + other.join());
  }

  CompletableFuture<String> onOwnExecutor(ExecutorService blockingPool, CompletableFuture<String> other) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }, blockingPool).thenApplyAsync(value -> value + other.join(), blockingPool);
  }

  void notAsync(CompletableFuture<String> future) {
    // thenApply (not *Async) runs where the future completes: no context known here.
    // BUG: Diagnostic contains: UnawaitedFuture
    future.thenApply(value -> value + future.join());
  }
}
