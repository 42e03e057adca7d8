package dev.asynclint.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.HdrHistogram.Histogram;

/** Running statistics of one call site; updates are rare (each is a stall), so a lock is fine. */
final class SiteStats {
  private static final int MAX_THREAD_NAMES = 8;
  /** Microseconds, up to an hour, two significant digits. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  final String rule;
  final String site;
  final String api;
  private final Set<String> threads = new LinkedHashSet<>();
  private final Histogram histogram = new Histogram(HIGHEST_MICROS, 2);
  private long count;
  private long totalNanos;
  private long maxNanos;

  SiteStats(String rule, String site, String api) {
    this.rule = rule;
    this.site = site;
    this.api = api;
  }

  synchronized void add(String thread, long nanos) {
    count++;
    totalNanos += nanos;
    maxNanos = Math.max(maxNanos, nanos);
    histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
    if (threads.size() < MAX_THREAD_NAMES) {
      threads.add(thread);
    }
  }

  synchronized CallSite snapshot(boolean isStatic) {
    return new CallSite(rule, site, api, new ArrayList<>(threads), count, totalNanos / 1e6,
        maxNanos / 1e6, count == 0 ? 0 : histogram.getValueAtPercentile(50) / 1e3,
        count == 0 ? 0 : histogram.getValueAtPercentile(99) / 1e3, isStatic);
  }
}
