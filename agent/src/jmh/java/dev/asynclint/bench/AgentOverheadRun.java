package dev.asynclint.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AgentOverheadBenchmark} without and with {@code -javaagent} in the same run, forks
 * alternating, and prints throughput and the ratio. Usage:
 * {@code AgentOverheadRun <agent.jar> [forks] [other-agent.jar ...]}; other jars (an older build,
 * say) are measured in the same rotation and get their own ratio against the same baseline.
 */
public final class AgentOverheadRun {
  private AgentOverheadRun() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<String> jars = new ArrayList<>();
    jars.add(args[0]);
    for (int i = 2; i < args.length; i++) {
      jars.add(args[i]);
    }
    Map<String, double[]> without = new LinkedHashMap<>();
    List<Map<String, double[]>> with = new ArrayList<>();
    for (int j = 0; j < jars.size(); j++) {
      with.add(new LinkedHashMap<>());
    }
    for (int round = 0; round < rounds; round++) {
      collect(run(null), without, rounds, round);
      for (int j = 0; j < jars.size(); j++) {
        collect(run("-javaagent:" + jars.get(j) + "=quiet=true"), with.get(j), rounds, round);
      }
    }
    System.out.println();
    for (int j = 0; j < jars.size(); j++) {
      System.out.println("agent: " + jars.get(j));
      System.out.printf(Locale.ROOT, "%-24s %22s %22s %8s%n", "benchmark", "without agent",
          "with agent", "ratio");
      for (String name : without.keySet()) {
        double[] a = stats(without.get(name));
        double[] b = stats(with.get(j).get(name));
        String unit = name.endsWith(" cpu") ? "ns/op" : "ops/ms";
        // Forks ran in pairs (without, then with): the pair's ratio cancels slow drifts in load.
        double[] pairs = new double[rounds];
        for (int i = 0; i < rounds; i++) {
          pairs[i] = with.get(j).get(name)[i] / without.get(name)[i];
        }
        Arrays.sort(pairs);
        System.out.printf(Locale.ROOT, "%-28s %14.1f ± %5.1f %14.1f ± %5.1f %8.3f %s; pair ratios median %.3f (%.3f..%.3f)%n",
            name, a[0], a[1], b[0], b[1], b[0] / a[0], unit, pairs[rounds / 2] / 2 + pairs[(rounds - 1) / 2] / 2,
            pairs[0], pairs[rounds - 1]);
      }
    }
    System.out.println("(mean ± standard deviation over " + rounds + " fork(s) per configuration, each the"
        + " mean of its measurement iterations; 'cpu' rows are process CPU ns per operation, 'loop cpu'"
        + " rows the Netty event-loop threads' CPU ns per operation, 'bench cpu' rows JMH's benchmark thread's; for both a ratio above 1 is the cost;"
        + " per-fork scores below)");
    System.out.printf(Locale.ROOT, "%d fork(s) in %.1f min%n", rounds * (1 + jars.size()) * countBenchmarks(without),
        (System.nanoTime() - started) / 60e9);
    for (String name : without.keySet()) {
      System.out.println(name + " without: " + Arrays.toString(without.get(name)));
      for (int j = 0; j < jars.size(); j++) {
        System.out.println(name + " with #" + j + ": " + Arrays.toString(with.get(j).get(name)));
      }
    }
  }

  private static Collection<RunResult> run(String jvmArg) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        // Grouped, so that an alternation (nettyTasks|lockOffTheLoop) applies to the method name only.
        .include(AgentOverheadBenchmark.class.getName() + ".(" + System.getProperty("bench", "") + ")")
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(4)
        .measurementTime(TimeValue.seconds(2))
        .addProfiler(CpuTimeProfiler.class);
    List<String> jvmArgs = new ArrayList<>();
    // JVM_ARGS in bench.sh: flags for every fork, with and without the agent (diagnostics, A/B tests).
    for (String arg : System.getProperty("jvmArgs", "").trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        jvmArgs.add(arg);
      }
    }
    if (jvmArg != null) {
      jvmArgs.add(jvmArg);
    }
    if (!jvmArgs.isEmpty()) {
      options = options.jvmArgsAppend(jvmArgs.toArray(new String[0]));
    }
    return new Runner(options.build()).run();
  }

  private static void collect(Collection<RunResult> results, Map<String, double[]> into, int rounds, int round) {
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      label = label.substring(label.lastIndexOf('.') + 1);
      into.computeIfAbsent(label, k -> new double[rounds])[round] = r.getPrimaryResult().getScore();
      Result<?> cpu = r.getSecondaryResults().get(CpuTimeProfiler.LABEL);
      if (cpu != null) {
        into.computeIfAbsent(label + " cpu", k -> new double[rounds])[round] = cpu.getScore();
      }
      Result<?> bench = r.getSecondaryResults().get(CpuTimeProfiler.BENCH_LABEL);
      if (bench != null && bench.getScore() > 0) {
        into.computeIfAbsent(label + " bench cpu", k -> new double[rounds])[round] = bench.getScore();
      }
      Result<?> loop = r.getSecondaryResults().get(CpuTimeProfiler.LOOP_LABEL);
      if (loop != null && loop.getScore() > 0) {
        into.computeIfAbsent(label + " loop cpu", k -> new double[rounds])[round] = loop.getScore();
      }
    }
  }

  private static long countBenchmarks(Map<String, double[]> results) {
    return results.keySet().stream().filter(name -> !name.contains(" ")).count();
  }

  private static double[] stats(double[] xs) {
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.length;
    double var = 0;
    for (double x : xs) {
      var += (x - mean) * (x - mean);
    }
    return new double[] {mean, xs.length > 1 ? Math.sqrt(var / (xs.length - 1)) : 0};
  }
}
