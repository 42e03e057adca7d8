package dev.asynclint.agent.bootstrap;

/**
 * What the agent knows about one thread. Loaded by the bootstrap loader (see {@link Hook}). Its
 * own thread writes the fields of the first group; the watchdog writes the second group; the
 * volatile ones are read across threads.
 */
public final class ThreadState {
  public static final int UNKNOWN = 0;
  public static final int OTHER = 1;
  public static final int EVENT_LOOP = 2;

  /** {@link Thread#getId()}: unique for the JVM's lifetime, so it identifies the thread in caches. */
  public final long id;
  /**
   * The thread; dropped once it is known not to be an event loop, so that the verdict cache in
   * {@link Hook} keeps no finished thread (and its context class loader) alive.
   */
  public Thread thread;
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

  /**
   * How many advised blocking methods (and idle waits of the loop itself) are on the stack; only
   * the outermost blocking method is timed.
   */
  public volatile int blockingDepth;
  public long blockingStart;

  public int taskDepth;
  /**
   * Odd while an event-loop task runs, even between tasks; each task adds 2. The task count and
   * the watchdog's notion of "the same task as last time" both come from it, so no clock is read
   * and no shared counter is touched per task.
   */
  public volatile long taskSeq;
  /** Time spent in counted blocking calls during the current task. */
  public long blockedInTask;

  /**
   * Set by the watchdog at each look; the next task to start reads the clock once and clears it,
   * so the start of a task that follows a look (the usual case for a long task on a quiet loop)
   * is exact, and any later one is bounded below by it. One clock read per look, not per task.
   */
  public volatile boolean stampWanted;
  public long stampedSeq;
  public long stampedStart;

  // ---- Written by the watchdog.

  /** The task the watchdog last saw running. */
  public long seenSeq;
  /**
   * The task whose end should be timed; {@link #watchedStart} is its estimated start. Written
   * after {@code watchedStart}, read by the task's own thread when the task ends.
   */
  public volatile long watchedSeq;
  public long watchedStart;
  /** Task time estimated from the watchdog's looks (the interval since the last look, per look in a task). */
  public volatile long sampledTaskNanos;
  /** The watchdog's stack samples of task {@link #samplesSeq}; owned by the agent, guarded by this. */
  public Object samples;
  public long samplesSeq;

  public ThreadState(Thread thread) {
    this.id = thread == null ? -1 : thread.getId();
    this.thread = thread;
  }
}
