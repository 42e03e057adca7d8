package dev.asynclint.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The bridge that instrumented JDK and framework code calls. It is loaded by the bootstrap class
 * loader (the agent appends a small jar with this package to the bootstrap search path), because
 * advice inlined into {@code java.lang.Thread} or {@code java.nio.file.Files} can only see
 * bootstrap classes.
 *
 * <p>Cost on the hot paths, which is what users pay: on a thread that is not an event loop, one
 * array read keyed by thread id and an int compare; per event-loop task, that plus two release
 * stores of a per-thread sequence number and a few plain reads. No clock is read and no shared
 * counter is written per task: the watchdog times the few tasks it sees running (see
 * {@link ThreadState#taskSeq}). The enter methods return the thread's state (null when nothing
 * is measured), which the advice hands back to the exit methods, so exits need no lookup.
 */
public final class Hook {
  /** Returned by {@link #enter} when strict mode wants {@link #takeError()} thrown. */
  public static final ThreadState STRICT = new ThreadState(null);

  public static volatile Sink sink;
  /** Catalog index of {@code Thread#sleep} and {@code Object#wait}, for the call-site bridges. */
  public static volatile int threadSleepApi = -1;
  public static volatile int objectWaitApi = -1;

  /**
   * Direct-mapped cache of thread states by thread id, in front of the thread-local: a hit costs
   * one array read instead of a thread-local map probe. Entries are replaced racily, which is
   * safe: a state's id is final, and a miss falls back to the thread-local.
   */
  private static final int CACHE_SIZE = 512;
  /** {@code CACHE[(int) id & CACHE_MASK]}: read by the blocking-call advice itself, see {@link #enterSlow}. */
  public static final int CACHE_MASK = CACHE_SIZE - 1;
  public static final ThreadState[] CACHE = new ThreadState[CACHE_SIZE];
  private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>();
  private static final ThreadLocal<Error> PENDING = new ThreadLocal<>();
  private static final VarHandle TASK_SEQ;

  static {
    try {
      TASK_SEQ = MethodHandles.lookup().findVarHandle(ThreadState.class, "taskSeq", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Hook() {}

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  public static ThreadState state() {
    Thread t = Thread.currentThread();
    long id = t.getId();
    ThreadState s = CACHE[(int) id & (CACHE_SIZE - 1)];
    if (s != null && s.id == id) {
      return s;
    }
    return stateOf(t, id);
  }

  private static ThreadState stateOf(Thread t, long id) {
    ThreadState s = STATE.get();
    if (s == null) {
      s = new ThreadState(t);
      STATE.set(s);
    }
    CACHE[(int) id & (CACHE_SIZE - 1)] = s;
    return s;
  }

  /** Whether this thread is an event loop the agent may record on now; classifies it once. */
  private static boolean recordsOn(ThreadState s) {
    if (s.busy) {
      return false;
    }
    if (s.kind == ThreadState.UNKNOWN) {
      Sink k = sink;
      if (k == null) {
        return false;
      }
      if (s.thread == null) {
        s.thread = Thread.currentThread(); // the self-test left it UNKNOWN again
      }
      s.busy = true;
      try {
        s.kind = k.isEventLoop(s) ? ThreadState.EVENT_LOOP : ThreadState.OTHER;
      } catch (Throwable e) {
        s.kind = ThreadState.OTHER;
        k.internalError(e);
      } finally {
        s.busy = false;
      }
      if (s.kind == ThreadState.OTHER) {
        s.thread = null;
      }
    }
    return s.kind == ThreadState.EVENT_LOOP;
  }

  /** Before a blocking method: the state to pass to {@link #exit}, null, or {@link #STRICT}. */
  public static ThreadState enter(int api, String method) {
    ThreadState s = state();
    return s.kind == ThreadState.OTHER ? null : enterOnLoop(s, api, method);
  }

  /**
   * {@link #enter} for the advice, which has already found that this thread's cached verdict is
   * missing or is not {@link ThreadState#OTHER}. The advice makes that test in its own bytecode,
   * copied into each advised method, so the JIT profiles it per method: a method that only
   * ever runs off event loops (a lock in application code) sees the branch never taken and
   * compiles it as an uncommon trap. Were the test here, its profile would be shared by every
   * advised method, event loops' calls would mark it taken for all of them, and each hot
   * advised method would carry a real call, with the register spills around it, on its fast path.
   */
  public static ThreadState enterSlow(int api, String method) {
    return enter(api, method);
  }

  private static ThreadState enterOnLoop(ThreadState s, int api, String method) {
    if (!recordsOn(s)) {
      return null;
    }
    int depth = s.blockingDepth;
    if (depth > 0) {
      s.blockingDepth = depth + 1;
      return s;
    }
    Sink k = sink;
    if (k == null) {
      return null;
    }
    s.busy = true;
    try {
      Error error = k.strictViolation(s, api, method);
      if (error != null) {
        PENDING.set(error);
        return STRICT;
      }
    } catch (Throwable e) {
      k.internalError(e);
    } finally {
      s.busy = false;
    }
    s.blockingDepth = 1;
    s.blockingStart = System.nanoTime();
    return s;
  }

  /** After a blocking method whose {@link #enter} returned {@code s} (not null). */
  public static void exit(ThreadState s, int api, String method) {
    int depth = s.blockingDepth;
    if (depth != 1) {
      if (depth > 1) {
        s.blockingDepth = depth - 1;
      }
      return;
    }
    long nanos = System.nanoTime() - s.blockingStart;
    s.blockedInTask += nanos;
    Sink k = sink;
    if (k != null) {
      s.busy = true;
      try {
        k.blockingCall(s, api, method, nanos);
      } catch (Throwable e) {
        k.internalError(e);
      } finally {
        s.busy = false;
      }
    }
    s.blockingDepth = 0;
  }

  /** The strict-mode error {@link #enter} prepared for this thread. */
  public static Error takeError() {
    Error e = PENDING.get();
    PENDING.remove();
    return e != null ? e : new BlockingCallError("async-lint: blocking call on an event loop");
  }

  /** Before an event-loop task: the state to pass to {@link #taskEnd}, or null. */
  public static ThreadState taskStart() {
    ThreadState s = state();
    return s.kind == ThreadState.OTHER ? null : taskStartOnLoop(s);
  }

  private static ThreadState taskStartOnLoop(ThreadState s) {
    if (!recordsOn(s)) {
      return null;
    }
    if (s.taskDepth++ > 0) {
      return s;
    }
    // A constructor that threw leaves its depth behind (constructor advice cannot catch);
    // a new task starts clean. Read first: a volatile store costs a fence.
    if (s.blockingDepth != 0) {
      s.blockingDepth = 0;
    }
    s.blockedInTask = 0;
    long seq = s.taskSeq + 1;
    if (s.stampWanted) {
      s.stampWanted = false;
      s.stampedStart = System.nanoTime();
      s.stampedSeq = seq;
    }
    // Release, not volatile: the watchdog needs to see it soon (and the stamp with it), not
    // before the task's next load.
    TASK_SEQ.setRelease(s, seq);
    return s;
  }

  /** After an event-loop task whose {@link #taskStart} returned {@code s} (not null). */
  public static void taskEnd(ThreadState s) {
    int depth = s.taskDepth - 1;
    if (depth > 0) {
      s.taskDepth = depth;
      return;
    }
    s.taskDepth = 0;
    long seq = s.taskSeq;
    if ((seq & 1) == 0) {
      return;
    }
    TASK_SEQ.setRelease(s, seq + 1);
    if (s.watchedSeq == seq) {
      watchedTaskEnded(s, seq);
    }
  }

  /** The watchdog saw this task running: time it (the only clock read of a task) and report it. */
  private static void watchedTaskEnded(ThreadState s, long seq) {
    long nanos = System.nanoTime() - s.watchedStart;
    Sink k = sink;
    if (k == null || s.busy) {
      return;
    }
    s.busy = true;
    try {
      k.taskEnded(s, seq, nanos);
    } catch (Throwable e) {
      k.internalError(e);
    } finally {
      s.busy = false;
    }
  }

  /**
   * Before an event loop waits for work (Netty's select, a pool worker taking its next task) or
   * calls a channel in non-blocking mode: blocking calls inside are the loop idling or the
   * channel's own locks, not a stall, so they are neither timed nor attributed (which would
   * walk the stack at every wake-up, read and write).
   */
  public static ThreadState idleStart() {
    ThreadState s = state();
    if (s.kind == ThreadState.OTHER || !recordsOn(s)) {
      return null;
    }
    s.blockingDepth = s.blockingDepth + 1;
    return s;
  }

  public static void idleEnd(ThreadState s) {
    int depth = s.blockingDepth;
    if (depth > 0) {
      s.blockingDepth = depth - 1;
    }
  }

  // ---- Call-site bridges for blocking methods that are native on some JDKs (Thread.sleep(long)
  // on 17, Object.wait): the agent rewrites application call sites to these instead of wrapping
  // the native method, which would need -XX:+AllowRedefinitionToAddDeleteMethods.

  public static void sleep(long millis) throws InterruptedException {
    ThreadState token = quietEnter(threadSleepApi, "java.lang.Thread.sleep");
    try {
      Thread.sleep(millis);
    } finally {
      quietExit(token, threadSleepApi, "java.lang.Thread.sleep");
    }
  }

  public static void waitOn(Object monitor) throws InterruptedException {
    ThreadState token = quietEnter(objectWaitApi, "java.lang.Object.wait");
    try {
      monitor.wait();
    } finally {
      quietExit(token, objectWaitApi, "java.lang.Object.wait");
    }
  }

  public static void waitOn(Object monitor, long millis) throws InterruptedException {
    ThreadState token = quietEnter(objectWaitApi, "java.lang.Object.wait");
    try {
      monitor.wait(millis);
    } finally {
      quietExit(token, objectWaitApi, "java.lang.Object.wait");
    }
  }

  public static void waitOn(Object monitor, long millis, int nanos) throws InterruptedException {
    ThreadState token = quietEnter(objectWaitApi, "java.lang.Object.wait");
    try {
      monitor.wait(millis, nanos);
    } finally {
      quietExit(token, objectWaitApi, "java.lang.Object.wait");
    }
  }

  private static ThreadState quietEnter(int api, String method) {
    if (api < 0) {
      return null;
    }
    ThreadState token;
    try {
      token = enter(api, method);
    } catch (Throwable e) {
      token = null;
    }
    if (token == STRICT) {
      throw takeError();
    }
    return token;
  }

  private static void quietExit(ThreadState token, int api, String method) {
    if (token == null) {
      return;
    }
    try {
      exit(token, api, method);
    } catch (Throwable ignored) {
      // never into the application
    }
  }
}
