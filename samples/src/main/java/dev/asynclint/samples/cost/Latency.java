package dev.asynclint.samples.cost;

import java.util.Arrays;

/** Latency percentiles of a set of requests, in milliseconds; null when no request completed. */
public record Latency(int count, Double p50Ms, Double p99Ms, Double maxMs) {

  public static final Latency NONE = new Latency(0, null, null, null);

  public static Latency of(long[] nanos, int count) {
    if (count == 0) {
      return NONE;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new Latency(count, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[count - 1]));
  }

  /** Nearest-rank percentile: the smallest value with at least p% of values at or below it. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static Double ms(long nanos) {
    return nanos / 1e6;
  }
}
