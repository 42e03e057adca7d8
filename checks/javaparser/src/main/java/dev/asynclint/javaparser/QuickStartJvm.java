package dev.asynclint.javaparser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the command-line scan in a JVM set up for a short batch run: {@code java -jar} gives the
 * scan HotSpot's defaults, and in a scan of ten-odd seconds the C2 compiler threads used about as
 * much CPU as the scan itself (docs/performance.md), while the quick C1 tier alone runs the scan
 * nearly as fast. The jar cannot name JVM options, so {@link Main} starts itself once more with
 * {@value #FLAG}, passing the arguments, the streams and the exit status through.
 *
 * <p>Only when the JVM was started as plain {@code java -jar <jar> ...}: JVM options on the
 * command line are the user's choice and are kept as they are, and so is an environment that
 * sets {@value #OPT_OUT}.
 */
final class QuickStartJvm {
  static final String FLAG = "-XX:TieredStopAtLevel=1";
  /** Set in the second JVM, so it does not start a third. */
  static final String STARTED = "asynclint.quickStart";
  static final String OPT_OUT = "ASYNC_LINT_SAME_JVM";

  private QuickStartJvm() {}

  /**
   * The command that runs the scan in a quick-start JVM, or empty to scan in this one.
   *
   * @param java the running JVM's launcher
   * @param launch the running JVM's arguments, options and main arguments alike
   */
  static Optional<List<String>> command(String java, List<String> launch) {
    if (launch.size() < 2 || !launch.get(0).equals("-jar")) {
      return Optional.empty(); // JVM options, or not started from the jar: leave them be
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add(FLAG);
    command.add("-D" + STARTED + "=true");
    command.addAll(launch);
    return Optional.of(command);
  }

  /** Runs the scan in a quick-start JVM and returns its exit status; empty to scan in this one. */
  static Optional<Integer> run() {
    if (System.getProperty(STARTED) != null || System.getenv(OPT_OUT) != null) {
      return Optional.empty();
    }
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> command = self.command()
        .flatMap(java -> self.arguments().flatMap(launch -> command(java, List.of(launch))));
    if (command.isEmpty()) {
      return Optional.empty();
    }
    Process scan;
    try {
      scan = new ProcessBuilder(command.get()).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no second JVM: scan here
    }
    Thread stop = new Thread(scan::destroy);
    Runtime.getRuntime().addShutdownHook(stop); // killed or interrupted: the scan stops too
    while (true) {
      try {
        int status = scan.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return Optional.of(status);
      } catch (InterruptedException e) {
        // keep waiting: the shutdown hook ends the scan if this JVM is stopped
      }
    }
  }
}
