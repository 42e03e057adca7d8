package dev.asynclint.errorprone;

import com.sun.tools.javac.util.Context;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One value per javac run, found in a few nanoseconds: the checks ask for their per-compilation
 * state (catalog, summaries, type lookups) on every call they match, so the common case (the same
 * compilation as last time) reads one volatile field instead of a synchronized weak map. Several
 * compilations in one JVM (Maven's in-process compiler, tests) still get one value each.
 */
final class PerCompilation<T> {
  private record Last<T>(Context context, T value) {}

  private final Map<Context, T> all = Collections.synchronizedMap(new WeakHashMap<>());
  private volatile @Nullable Last<T> last;

  /** This compilation's value if it is the last one asked for, else null; allocates nothing. */
  @Nullable T ifLast(Context context) {
    Last<T> known = last;
    return known != null && known.context == context ? known.value : null;
  }

  /** This compilation's value, made by {@code create} the first time (pass a non-capturing function, or try {@link #ifLast} first). */
  T get(Context context, Function<Context, T> create) {
    Last<T> known = last;
    if (known != null && known.context == context) {
      return known.value;
    }
    T value;
    synchronized (all) {
      value = all.get(context);
      if (value == null) {
        value = create.apply(context);
        all.put(context, value);
      }
    }
    last = new Last<>(context, value);
    return value;
  }

  /** Replaces this compilation's value (for a value that must be rebuilt, like summaries for a new catalog). */
  void put(Context context, T value) {
    all.put(context, value);
    last = new Last<>(context, value);
  }
}
