package dev.asynclint.errorprone;

import org.jspecify.annotations.Nullable;

/**
 * A cache key of two javac symbols, compared by identity (a symbol is unique within a
 * compilation). Not a record: a record's equals and hashCode go through method handles, which on
 * the per-call lookups these keys serve cost more than the lookups themselves.
 */
class SymbolPair<A, B> {
  final A first;
  final @Nullable B second;

  SymbolPair(A first, @Nullable B second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymbolPair<?, ?> other && other.first == first && other.second == second;
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(first) + System.identityHashCode(second);
  }
}
