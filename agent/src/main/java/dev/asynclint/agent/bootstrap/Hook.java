package dev.asynclint.agent.bootstrap;

/**
 * The bridge that instrumented JDK and framework code calls. It is loaded by the bootstrap class
 * loader (the agent appends a small jar with this package to the bootstrap search path), because
 * advice inlined into {@code java.lang.Thread} or {@code java.nio.file.Files} can only see
 * bootstrap classes. Every method is cheap on threads that are not event loops: one thread-local
 * read and an int compare.
 */
public final class Hook {
  /** Nothing measured: not an event loop, the agent is busy, or no agent. */
  public static final int NONE = 0;
  /** A blocking method inside another one that is already being timed. */
  public static final int NESTED = 1;
  /** The outermost blocking method (or task) on an event loop: timed. */
  public static final int OUTER = 2;
  /** Strict mode wants {@link #takeError()} thrown instead of running the call. */
  public static final int STRICT = 3;

  public static volatile Sink sink;
  /** Catalog index of {@code Thread#sleep} and {@code Object#wait}, for the call-site bridges. */
  public static volatile int threadSleepApi = -1;
  public static volatile int objectWaitApi = -1;

  private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>();
  private static final ThreadLocal<Error> PENDING = new ThreadLocal<>();

  private Hook() {}

  public static ThreadState state() {
    ThreadState s = STATE.get();
    if (s == null) {
      s = new ThreadState(Thread.currentThread());
      STATE.set(s);
    }
    return s;
  }

  /** The state of this thread when it is an event loop the agent may record on, else null. */
  private static ThreadState eventLoopState(Sink k) {
    ThreadState s = state();
    if (s.busy) {
      return null;
    }
    if (s.kind == ThreadState.UNKNOWN) {
      s.busy = true;
      try {
        s.kind = k.isEventLoop(s) ? ThreadState.EVENT_LOOP : ThreadState.OTHER;
      } catch (Throwable e) {
        s.kind = ThreadState.OTHER;
        k.internalError(e);
      } finally {
        s.busy = false;
      }
    }
    return s.kind == ThreadState.EVENT_LOOP ? s : null;
  }

  public static int enter(int api, String method) {
    Sink k = sink;
    if (k == null) {
      return NONE;
    }
    ThreadState s = eventLoopState(k);
    if (s == null) {
      return NONE;
    }
    if (s.blockingDepth > 0) {
      s.blockingDepth++;
      return NESTED;
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
    return OUTER;
  }

  public static void exit(int token, int api, String method) {
    if (token != NESTED && token != OUTER) {
      return;
    }
    ThreadState s = state();
    if (token == NESTED) {
      if (s.blockingDepth > 0) {
        s.blockingDepth--;
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

  public static int taskStart() {
    Sink k = sink;
    if (k == null) {
      return NONE;
    }
    ThreadState s = eventLoopState(k);
    if (s == null) {
      return NONE;
    }
    if (s.taskDepth++ > 0) {
      return NESTED;
    }
    // A constructor that threw leaves its depth behind (constructor advice cannot catch);
    // a new task starts clean.
    s.blockingDepth = 0;
    s.blockedInTask = 0;
    s.taskStart = System.nanoTime();
    return OUTER;
  }

  public static void taskEnd(int token) {
    if (token != NESTED && token != OUTER) {
      return;
    }
    ThreadState s = state();
    if (token == NESTED) {
      if (s.taskDepth > 0) {
        s.taskDepth--;
      }
      return;
    }
    long nanos = System.nanoTime() - s.taskStart;
    s.taskStart = 0;
    s.taskDepth = 0;
    Sink k = sink;
    if (k != null && !s.busy) {
      s.busy = true;
      try {
        k.taskEnded(s, nanos);
      } catch (Throwable e) {
        k.internalError(e);
      } finally {
        s.busy = false;
      }
    }
  }

  // ---- Call-site bridges for blocking methods that are native on some JDKs (Thread.sleep(long)
  // on 17, Object.wait): the agent rewrites application call sites to these instead of wrapping
  // the native method, which would need -XX:+AllowRedefinitionToAddDeleteMethods.

  public static void sleep(long millis) throws InterruptedException {
    int token = quietEnter(threadSleepApi, "java.lang.Thread.sleep");
    try {
      Thread.sleep(millis);
    } finally {
      quietExit(token, threadSleepApi, "java.lang.Thread.sleep");
    }
  }

  public static void waitOn(Object monitor) throws InterruptedException {
    int token = quietEnter(objectWaitApi, "java.lang.Object.wait");
    try {
      monitor.wait();
    } finally {
      quietExit(token, objectWaitApi, "java.lang.Object.wait");
    }
  }

  public static void waitOn(Object monitor, long millis) throws InterruptedException {
    int token = quietEnter(objectWaitApi, "java.lang.Object.wait");
    try {
      monitor.wait(millis);
    } finally {
      quietExit(token, objectWaitApi, "java.lang.Object.wait");
    }
  }

  public static void waitOn(Object monitor, long millis, int nanos) throws InterruptedException {
    int token = quietEnter(objectWaitApi, "java.lang.Object.wait");
    try {
      monitor.wait(millis, nanos);
    } finally {
      quietExit(token, objectWaitApi, "java.lang.Object.wait");
    }
  }

  private static int quietEnter(int api, String method) {
    if (api < 0) {
      return NONE;
    }
    int token;
    try {
      token = enter(api, method);
    } catch (Throwable e) {
      token = NONE;
    }
    if (token == STRICT) {
      throw takeError();
    }
    return token;
  }

  private static void quietExit(int token, int api, String method) {
    try {
      exit(token, api, method);
    } catch (Throwable ignored) {
      // never into the application
    }
  }
}
