package dev.asynclint.agent.bootstrap;

/**
 * What the agent knows about one thread. Loaded by the bootstrap loader (see {@link Hook}); only
 * its own thread writes the non-volatile fields, the watchdog reads the volatile ones.
 */
public final class ThreadState {
  public static final int UNKNOWN = 0;
  public static final int OTHER = 1;
  public static final int EVENT_LOOP = 2;

  public final Thread thread;
  /** {@link #UNKNOWN} until the first blocking call or task on this thread asks. */
  public int kind;
  /** The framework whose event loop this is ("NETTY", "VERTX", ...), for event loops. */
  public String framework;
  /**
   * Set while the agent itself runs on this thread, so its own blocking calls are not counted
   * and the watchdog does not blame its time on the application.
   */
  public volatile boolean busy;
  /** True while the agent's self-test runs on this thread. */
  public boolean probe;

  /** How many advised blocking methods are on the stack; only the outermost is timed. */
  public volatile int blockingDepth;
  public long blockingStart;

  public int taskDepth;
  /** {@link System#nanoTime()} when the current event-loop task began, 0 between tasks. */
  public volatile long taskStart;
  /** Time spent in counted blocking calls during the current task. */
  public long blockedInTask;
  /** The watchdog's stack samples of the current task; owned by the agent. */
  public Object samples;

  public ThreadState(Thread thread) {
    this.thread = thread;
  }
}
