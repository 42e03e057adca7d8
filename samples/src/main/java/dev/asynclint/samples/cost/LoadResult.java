package dev.asynclint.samples.cost;

/**
 * What one variant did under load.
 *
 * @param innocent the requests that did not hit the violation but shared its event loop
 * @param hitTimeLimit whether load stopped on the time limit before sending every request
 */
public record LoadResult(int planned, int completed, int errors, double seconds, boolean hitTimeLimit,
    Latency all, Latency innocent, Latency violating) {

  public double throughput() {
    return seconds > 0 ? completed / seconds : 0;
  }
}
