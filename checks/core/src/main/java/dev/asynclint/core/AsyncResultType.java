package dev.asynclint.core;

import java.util.Set;

/**
 * A type whose values are async results.
 *
 * <ul>
 *   <li>{@link Temperature#HOT}: the work already runs ({@code CompletableFuture}, Vert.x
 *       {@code Future}); dropping it loses its failure unless one of {@code handlers} (the methods
 *       that observe failure: {@code exceptionally}, {@code onFailure}, ...) ends its chain.
 *   <li>{@link Temperature#COLD}: nothing runs until it is subscribed ({@code Mono}, {@code Uni});
 *       {@code handlers} are the methods that subscribe ({@code subscribe}, {@code block}, ...).
 * </ul>
 */
public record AsyncResultType(
    Temperature temperature, String type, Set<String> handlers, String description, String origin) {
  public AsyncResultType {
    handlers = Set.copyOf(handlers);
  }

  public enum Temperature {
    HOT,
    COLD
  }
}
