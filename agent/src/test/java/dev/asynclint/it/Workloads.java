package dev.asynclint.it;

/** Known work, each at a line whose site the test computes, run on whatever thread calls it. */
final class Workloads {
  private Workloads() {}

  /** What ran, where the agent should blame it, and how long it took by the stopwatch. */
  record Ran(String site, double stopwatchMs) {}

  static Ran sleepFiftyTimes() throws InterruptedException {
    String site = Sites.lineBelow(2); // outside the stopwatch: its first call is slow
    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) { Thread.sleep(20); }
    return new Ran(site, (System.nanoTime() - start) / 1e6);
  }

  static Ran sleepOnce() throws InterruptedException {
    String site = Sites.lineBelow(2);
    long start = System.nanoTime();
    Thread.sleep(20);
    return new Ran(site, (System.nanoTime() - start) / 1e6);
  }

  /** Runs the CPU for 300 ms without yielding; returns something so it is not optimised away. */
  static long spinFor300ms() {
    long end = System.nanoTime() + 300_000_000L;
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    return spins;
  }
}
