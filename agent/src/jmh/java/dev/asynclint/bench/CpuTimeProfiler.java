package dev.asynclint.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM (benchmark thread, event loops, the agent's watchdog, JIT,
 * GC) per operation. On a machine shared with other work, throughput mostly measures how often
 * the scheduler ran the benchmark's threads; CPU per operation measures what an operation cost.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  static final String LABEL = "cpu.ns/op";
  /**
   * CPU time of the Netty event-loop threads alone per operation: what the agent adds to the
   * loop itself, where every nanosecond is one the loop cannot spend on other work. The
   * scheduler's noise (how often the loop got a core) is not in it.
   */
  static final String LOOP_LABEL = "loop.cpu.ns/op";
  /**
   * CPU time of JMH's benchmark thread alone per operation: for a benchmark that runs entirely on
   * that thread (lockOffTheLoop) this is the cost of the compiled code itself, free of the time the
   * thread spent waiting for a core and of what other threads of the JVM (JIT, GC) burned.
   */
  static final String BENCH_LABEL = "bench.cpu.ns/op";
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long start;
  private java.util.Map<Long, Long> loopStart = java.util.Map.of();
  private java.util.Map<Long, Long> benchStart = java.util.Map.of();

  @Override
  public String getDescription() {
    return "process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    loopStart = threadCpu("EventLoopGroup");
    benchStart = threadCpu("jmh-worker");
    start = os.getProcessCpuTime();
  }

  /**
   * CPU nanoseconds of each live thread whose name contains {@code part}: Netty names its event
   * loops ...EventLoopGroup-N-M, JMH its benchmark threads ...-jmh-worker-N.
   */
  private java.util.Map<Long, Long> threadCpu(String part) {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(part)) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          out.put(info.getThreadId(), cpu);
        }
      }
    }
    return out;
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
      IterationResult result) {
    long cpu = os.getProcessCpuTime() - start;
    long loop = sinceStart(threadCpu("EventLoopGroup"), loopStart);
    long bench = sinceStart(threadCpu("jmh-worker"), benchStart);
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(new ScalarResult(LABEL, (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult(LOOP_LABEL, (double) loop / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult(BENCH_LABEL, (double) bench / ops, "ns/op", AggregationPolicy.AVG));
  }

  private static long sinceStart(java.util.Map<Long, Long> now, java.util.Map<Long, Long> start) {
    long sum = 0;
    for (java.util.Map.Entry<Long, Long> e : now.entrySet()) {
      sum += e.getValue() - start.getOrDefault(e.getKey(), 0L);
    }
    return sum;
  }
}
