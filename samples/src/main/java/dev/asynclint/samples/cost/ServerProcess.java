package dev.asynclint.samples.cost;

import dev.asynclint.samples.Variant;
import dev.asynclint.samples.http.ServerAnnouncement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One sample variant in its own JVM, optionally under the agent. Its stdout and stderr go to a
 * log file beside the report, so a server that fails to start says why there.
 */
final class ServerProcess implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 60;

  /** Servers still running, stopped if the runner itself is stopped (Ctrl-C, a build timeout). */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "stop-sample-servers"));
  }

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * @param agentReport where the agent writes its JSON at exit; null runs without the agent
   */
  static ServerProcess start(Launch launch, Scenario scenario, Variant variant, Path agentReport, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launch.java());
    command.add("-Xmx256m");
    if (agentReport != null) {
      // A low task threshold so the 4 ms loop of /digest counts as a long task.
      command.add("-javaagent:" + launch.agent() + "=report=" + agentReport + ",taskThresholdMs=2,quiet=true");
    }
    command.add("-cp");
    command.add(launch.classpath());
    command.add(scenario.server().getName());
    command.add(variant.id());
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    RUNNING.add(process);
    PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
    logWriter.println("$ " + String.join(" ", command));
    CompletableFuture<Integer> announced = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("log-" + scenario + "-" + variant.id()).start(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          logWriter.println(line);
          int port = ServerAnnouncement.portIn(line);
          if (port > 0) {
            announced.complete(port);
          }
        }
      } catch (IOException e) {
        logWriter.println("(log ended: " + e + ")");
      } finally {
        announced.completeExceptionally(new IOException("the server exited before listening"));
        logWriter.close();
      }
    });
    try {
      int port = announced.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new ServerProcess(process, port, log);
    } catch (Exception e) {
      RUNNING.remove(process);
      process.destroyForcibly();
      throw new IOException(scenario + " " + variant.id() + " did not start within "
          + START_TIMEOUT_SECONDS + " s; see " + log, e);
    }
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /** SIGTERM, so shutdown hooks run and the agent writes its report. */
  @Override
  public void close() {
    RUNNING.remove(process);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How to start a sample JVM: the java binary, the classpath and the agent jar (null when absent).
   */
  record Launch(String java, String classpath, Path agent) {

    boolean hasAgent() {
      return agent != null;
    }

    /** The running JVM's own binary and classpath, which under Maven is the toolchain JDK. */
    static Launch current(Path agent) {
      String java = ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String classpath = System.getProperty("samples.classpath");
      if (classpath == null || classpath.isBlank()) {
        // Surefire's own java.class.path may be a manifest-only jar; it names the real one here.
        classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      }
      Path usable = agent != null && Files.isRegularFile(agent) ? agent.toAbsolutePath() : null;
      return new Launch(java, classpath, usable);
    }
  }
}
