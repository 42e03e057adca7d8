package dev.asynclint.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The agent seen from inside the application: install it without {@code -javaagent}, read what
 * it measured, write the reports on demand, or record the stalls of one stretch of code.
 */
public final class AsyncLint {
  /** System property with agent options for {@link #install()} ({@code strict=true,report=...}). */
  public static final String OPTIONS_PROPERTY = "asynclint.agent.options";

  private AsyncLint() {}

  public static boolean isInstalled() {
    return AsyncLintAgent.isStarted() && Installation.isInstalled();
  }

  /**
   * Installs the agent into this JVM by self-attaching, unless it runs already. JDK 21+ prints a
   * warning for dynamically loaded agents; {@code -javaagent} avoids it.
   */
  public static synchronized void install() {
    if (isInstalled()) {
      return;
    }
    Instrumentation inst = net.bytebuddy.agent.ByteBuddyAgent.install();
    AsyncLintAgent.start(System.getProperty(OPTIONS_PROPERTY), inst);
    if (!Installation.isInstalled()) {
      throw new IllegalStateException("the async-lint agent could not be installed (see stderr)");
    }
  }

  /** Every call site measured so far, the largest total stall first. */
  public static List<CallSite> callSites() {
    return Installation.current().report().callSites();
  }

  /** The JSON report, as it would be written now. */
  public static String jsonReport() {
    return Installation.current().report().toJson();
  }

  /** Writes the report files named in the options now (they are written at exit too). */
  public static void writeReports() {
    Installation.current().writeReports(false);
  }

  /** Starts collecting every stall recorded from now until {@link Recording#close()}. */
  public static Recording record() {
    return new Recording(Installation.current().recorder);
  }

  /** The stalls recorded while it was open. */
  public static final class Recording implements AutoCloseable {
    private final StallRecorder recorder;
    private final List<Stall> stalls = new ArrayList<>();
    private final Consumer<StallRecorder.CallSiteEvent> listener = this::add;

    Recording(StallRecorder recorder) {
      this.recorder = recorder;
      recorder.addListener(listener);
    }

    private void add(StallRecorder.CallSiteEvent e) {
      synchronized (stalls) {
        stalls.add(new Stall(e.rule(), e.site(), e.api(), e.thread(), e.nanos() / 1e6));
      }
    }

    public List<Stall> stalls() {
      synchronized (stalls) {
        return List.copyOf(stalls);
      }
    }

    @Override
    public void close() {
      recorder.removeListener(listener);
    }
  }

  /** One stall: a blocking call on an event loop, or a task that did not yield. */
  public record Stall(String rule, String site, String api, String thread, double millis) {
    @Override
    public String toString() {
      return rule + ": " + api + " held " + thread + " for " + String.format(java.util.Locale.ROOT, "%.1f", millis)
          + " ms at " + site;
    }
  }
}
