package commonpool;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * From lettuce-core ({@code executions.put(node, future)}): a container's put or set hands back
 * the value it held before, and a null check hands back its argument; dropping either drops no
 * future this code made. A null check of a future made right there, or a supplier's result, is.
 */
public class HandedBackFutures {
  private final Map<String, CompletableFuture<String>> executions = new ConcurrentHashMap<>();
  private final AtomicReference<CompletableFuture<String>> current = new AtomicReference<>();

  CompletableFuture<String> execute(String node) {
    return CompletableFuture.supplyAsync(() -> node);
  }

  void dispatch(String node, Supplier<CompletableFuture<String>> retry) {
    CompletableFuture<String> future = execute(node);
    executions.put(node, future);
    current.getAndSet(future);
    Objects.requireNonNull(future);
    future.exceptionally(e -> null);
    // BUG: Diagnostic contains: UnawaitedFuture
    Objects.requireNonNull(execute(node));
    // BUG: Diagnostic contains: UnawaitedFuture
    retry.get();
  }
}
