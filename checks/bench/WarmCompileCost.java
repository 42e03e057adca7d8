import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.BuiltInCheckerSuppliers;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The compile-cost comparison of compile-cost.sh, in one warm JVM: the four configurations
 * compile the same sources in turn, several rounds, so that JIT compilation and class loading of
 * javac, Error Prone and async-lint are paid in the warm-up rounds and not in the measured ones.
 * This is how a build daemon, an IDE or Maven's in-process compiler over many modules runs javac.
 *
 * <p>Error Prone is driven through its {@link ErrorProneJavaCompiler} API with the checkers
 * loaded once by this JVM's class loader (the -Xplugin route would load them in a fresh class
 * loader per compile, which is never warm). Per compile it records the compiling thread's CPU
 * time (javac's own work) and the process's CPU time (with GC and JIT threads).
 *
 * <p>Usage: java [flags] WarmCompileCost.java WORKDIR WARMUP ROUNDS (WORKDIR as made by
 * compile-cost.sh: sources.txt, classpath.txt).
 */
public class WarmCompileCost {
  /** All four, or those named in -Dconfigs=lint,plain (e.g. to profile one of them). */
  static final String[] CONFIGS = System.getProperty("configs", "plain,ep-off,ep-one,lint").split(",");
  static final List<String> LINT_RULES = List.of("SleepInEventLoop", "BlockingIoInEventLoop",
      "BlockingWaitInEventLoop", "NonYieldingLoopInEventLoop", "UnawaitedFuture", "UnsubscribedPublisher");

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int warmup = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> sources = Files.readAllLines(work.resolve("sources.txt")).stream()
        .map(s -> work.resolve(s).toString()).toList();
    String classpath = Files.readString(work.resolve("classpath.txt")).trim();
    Path emptyProcessorPath = Files.createDirectories(work.resolve("warm-empty-processorpath"));

    List<Class<? extends BugChecker>> lint = new ArrayList<>();
    for (String rule : LINT_RULES) {
      lint.add(Class.forName("dev.asynclint.errorprone." + rule).asSubclass(BugChecker.class));
    }
    ScannerSupplier builtIn = BuiltInCheckerSuppliers.defaultChecks();
    ScannerSupplier withLint = builtIn.plus(ScannerSupplier.fromBugCheckerClasses(lint));

    var threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, List<double[]>> measured = new LinkedHashMap<>();
    for (String c : CONFIGS) {
      measured.put(c, new ArrayList<>());
    }
    for (int round = 1; round <= warmup + rounds; round++) {
      for (String config : CONFIGS) {
        Path out = work.resolve("warm-classes-" + config);
        deleteTree(out);
        Files.createDirectories(out);
        List<String> options = new ArrayList<>(List.of("-proc:none", "-Xmaxwarns", "100000", "-Xlint:none",
            "-XDsuppressNotes", "-encoding", "UTF-8", "--release", "11", "-cp", classpath, "-d", out.toString()));
        JavaCompiler compiler;
        switch (config) {
          case "plain" -> compiler = ToolProvider.getSystemJavaCompiler();
          case "ep-off" -> {
            compiler = new ErrorProneJavaCompiler(builtIn);
            options.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
                "-processorpath", emptyProcessorPath.toString(), "-XepDisableAllChecks"));
          }
          case "ep-one" -> {
            compiler = new ErrorProneJavaCompiler(builtIn);
            options.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
                "-processorpath", emptyProcessorPath.toString(), "-XepDisableAllChecks", "-Xep:DeadException:WARN"));
          }
          default -> {
            compiler = new ErrorProneJavaCompiler(withLint);
            options.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
                "-processorpath", emptyProcessorPath.toString(), "-XepDisableAllChecks"));
            for (String rule : LINT_RULES) {
              options.add("-Xep:" + rule + ":WARN");
            }
          }
        }
        int[] warnings = {0};
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
          var units = files.getJavaFileObjectsFromStrings(sources);
          var task = compiler.getTask(Writer.nullWriter(), files, d -> {
            if (d.getKind() == javax.tools.Diagnostic.Kind.WARNING && String.valueOf(d.getMessage(null)).startsWith("[")) {
              warnings[0]++;
            }
          }, options, null, units);
          System.gc(); // start each compile from the same heap state
          long thread0 = threads.getCurrentThreadCpuTime();
          long process0 = os.getProcessCpuTime();
          long wall0 = System.nanoTime();
          boolean ok = task.call();
          double wall = (System.nanoTime() - wall0) / 1e9;
          double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
          double process = (os.getProcessCpuTime() - process0) / 1e9;
          if (!ok) {
            throw new IllegalStateException("compile failed: " + config);
          }
          String phase = round <= warmup ? "warm-up" : "measured";
          System.err.printf("round %d (%s) %-6s thread CPU %6.2f s, process CPU %6.2f s, wall %6.2f s, warnings %d%n",
              round, phase, config, thread, process, wall, warnings[0]);
          if (round > warmup) {
            measured.get(config).add(new double[] {thread, process});
          }
        }
      }
    }
    if (measured.get("plain") == null || measured.get("ep-one") == null || measured.get("lint") == null) {
      return; // a partial run (profiling): the per-compile lines above are the result
    }
    double plainThread = median(measured.get("plain"), 0);
    double plainProcess = median(measured.get("plain"), 1);
    double oneThread = median(measured.get("ep-one"), 0);
    double oneProcess = median(measured.get("ep-one"), 1);
    System.out.printf("warm JVM, %d warm-up rounds, %d measured rounds (medians)%n", warmup, rounds);
    for (String config : CONFIGS) {
      double t = median(measured.get(config), 0);
      double p = median(measured.get(config), 1);
      System.out.printf("%-6s thread CPU %6.2f s (ratio %.3f)  process CPU %6.2f s (ratio %.3f)  all thread: %s%n",
          config, t, t / plainThread, p, p / plainProcess, Arrays.toString(
              measured.get(config).stream().mapToDouble(v -> Math.round(v[0] * 100) / 100.0).toArray()));
    }
    System.out.printf("async-lint on top of Error Prone with one check: thread CPU %.3f, process CPU %.3f%n",
        median(measured.get("lint"), 0) / oneThread, median(measured.get("lint"), 1) / oneProcess);
  }

  static double median(List<double[]> values, int index) {
    double[] v = values.stream().mapToDouble(a -> a[index]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
