package dev.asynclint.agent;

import java.lang.reflect.Method;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.regex.Pattern;

/**
 * Decides which threads are event loops, in each framework's own terms. Asked once per thread
 * (the answer is cached in the thread's state), so reflection here is fine.
 */
final class EventLoopThreads {
  static final String NETTY_THREAD = "io.netty.util.concurrent.FastThreadLocalThread";
  static final String VERTX_THREAD = "io.vertx.core.impl.VertxThread";
  static final String REACTOR_NON_BLOCKING = "reactor.core.scheduler.NonBlocking";

  private final Pattern extra;
  private final boolean commonPool;

  EventLoopThreads(Pattern extra, boolean commonPool) {
    this.extra = extra;
    this.commonPool = commonPool;
  }

  /** The framework whose event loop {@code thread} is, or null when blocking there is fine. */
  String frameworkOf(Thread thread) {
    String name = thread.getName();
    if (extra != null && extra.matcher(name).matches()) {
      return "threads=" + extra.pattern();
    }
    for (Class<?> c = thread.getClass(); c != null && c != Thread.class; c = c.getSuperclass()) {
      String cn = c.getName();
      if (cn.equals(VERTX_THREAD)) {
        // Vert.x worker threads are VertxThreads too; only the event loops count.
        return Boolean.TRUE.equals(call(thread, c, "isWorker")) ? null : "VERTX";
      }
      if (implementsNamed(c, REACTOR_NON_BLOCKING)) {
        return "REACTOR";
      }
      if (cn.equals(NETTY_THREAD)) {
        // Netty's own notion: FastThreadLocalThreads that do not permit blocking calls.
        if (!Boolean.FALSE.equals(call(thread, c, "permitBlockingCalls"))) {
          return null;
        }
        // DefaultEventExecutorGroup threads are FastThreadLocalThreads too, but they are Netty's
        // pool for handlers that may block: only threads that run an EventLoop count.
        return runsNettyEventLoop(thread, c.getClassLoader()) ? "NETTY" : null;
      }
    }
    if (name.startsWith("vert.x-eventloop-thread-")) {
      return "VERTX";
    }
    if (name.startsWith("RxComputationThreadPool-") || name.startsWith("RxSingleScheduler-")) {
      return "RXJAVA";
    }
    if (commonPool
        && thread instanceof ForkJoinWorkerThread
        && ((ForkJoinWorkerThread) thread).getPool() == ForkJoinPool.commonPool()) {
      return "COMMON_POOL";
    }
    return null;
  }

  /**
   * Whether the executor that owns the current thread (Netty's ThreadExecutorMap) is an
   * EventLoop; when it cannot tell (no executor), Netty's permitBlockingCalls() stands.
   */
  private static boolean runsNettyEventLoop(Thread thread, ClassLoader loader) {
    if (thread != Thread.currentThread()) {
      return true;
    }
    try {
      Object executor = Class.forName("io.netty.util.internal.ThreadExecutorMap", true, loader)
          .getMethod("currentExecutor").invoke(null);
      return executor == null
          || Class.forName("io.netty.channel.EventLoop", false, loader).isInstance(executor);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return true; // netty-common without netty-transport: no EventLoop type to tell them apart
    }
  }

  private static boolean implementsNamed(Class<?> c, String interfaceName) {
    for (Class<?> i : c.getInterfaces()) {
      if (i.getName().equals(interfaceName) || implementsNamed(i, interfaceName)) {
        return true;
      }
    }
    return false;
  }

  private static Object call(Object target, Class<?> owner, String method) {
    try {
      Method m = owner.getMethod(method);
      return m.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
