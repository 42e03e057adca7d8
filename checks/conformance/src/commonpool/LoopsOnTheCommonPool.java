package commonpool;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * A CPU loop in a CompletableFuture *Async callback without an executor runs on the JVM-wide
 * common pool (a warning); given its own executor it is fine.
 */
public class LoopsOnTheCommonPool {
  CompletableFuture<Long> onCommonPool(List<Integer> xs) {
    return CompletableFuture.supplyAsync(() -> {
      long s = 0;
      // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
      for (int x : xs) { s += Long.rotateLeft(x, 3) ^ expensive(x); }
      return s;
    });
  }

  CompletableFuture<Long> onOwnExecutor(List<Integer> xs, ExecutorService cpu) {
    return CompletableFuture.supplyAsync(() -> {
      long s = 0;
      for (int x : xs) { s += expensive(x); }
      return s;
    }, cpu);
  }

  static long expensive(int x) {
    return (long) (Math.log1p(x) * 1e9); // real work per element: a transcendental function
  }
}
