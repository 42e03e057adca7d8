package dev.asynclint.samples.cost;

/**
 * What the agent attributed to the violating line in one run.
 *
 * @param measured false when the run had no agent or the agent wrote no report
 * @param note why nothing was measured, or which agent site the numbers come from
 */
public record Stall(boolean measured, String note, Long count, Double totalMs, Double maxMs, Double p99Ms) {

  static Stall unavailable(String note) {
    return new Stall(false, note, null, null, null, null);
  }
}
