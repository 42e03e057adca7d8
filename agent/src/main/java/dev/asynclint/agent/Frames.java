package dev.asynclint.agent;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Finds the call site to blame: the first stack frame outside the JDK, the frameworks and the
 * agent, below the blocking method itself.
 */
final class Frames {
  /** Returned when the blocking call happens while a class is being loaded or transformed. */
  static final String CLASS_LOADING = "<class loading>";

  private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
  private static final String[] AGENT = {"dev.asynclint.agent.", "net.bytebuddy.", "org.HdrHistogram."};
  private static final String[] FRAMEWORKS = {
    "io.netty.", "io.vertx.", "reactor.", "io.reactivex.", "io.smallrye.mutiny.", "kotlin.",
    "kotlinx.coroutines.", "org.junit.", "com.google.common.util.concurrent.",
  };

  private static final StackWalker WALKER = StackWalker.getInstance();

  private Frames() {}

  private static boolean startsWithAny(String className, String[] prefixes) {
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static boolean isApplication(String className) {
    return !startsWithAny(className, JDK) && !startsWithAny(className, AGENT)
        && !startsWithAny(className, FRAMEWORKS);
  }

  private static boolean isClassLoading(String className, String method) {
    return (className.equals("java.lang.ClassLoader") && method.startsWith("loadClass"))
        || className.startsWith("jdk.internal.loader.")
        || className.startsWith("sun.instrument.");
  }

  /** The site of the current thread's blocking call to {@code method} ("pkg.Type.name"), or null. */
  static String blockingSite(String method) {
    return WALKER.walk(frames -> siteIn(frames, method));
  }

  /**
   * Below the blocking method (or the agent's bridge to it), the first frame that is not JDK code
   * decides: application code is the site; a framework means the framework made the call for its
   * own reasons (Netty writing to a non-blocking socket, Reactor parking an idle worker), which
   * is not the application's stall, so null.
   */
  private static String siteIn(Stream<StackFrame> frames, String method) {
    boolean pastMethod = false;
    for (Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
      StackFrame f = it.next();
      String cn = f.getClassName();
      String mn = f.getMethodName();
      if (isClassLoading(cn, mn)) {
        return CLASS_LOADING;
      }
      if (!pastMethod && method != null && method.length() == cn.length() + 1 + mn.length()
          && method.startsWith(cn) && method.endsWith(mn)) {
        pastMethod = true;
        continue;
      }
      if (startsWithAny(cn, AGENT) || startsWithAny(cn, JDK)) {
        continue;
      }
      if (startsWithAny(cn, FRAMEWORKS)) {
        return null;
      }
      // An application class that implements a blocking API (its own Future#get) is the method
      // itself; keep walking to its caller.
      if (!pastMethod && isSelf(f, method)) {
        pastMethod = true;
        continue;
      }
      return format(cn, mn, f.getFileName(), f.getLineNumber());
    }
    return null;
  }

  private static boolean isSelf(StackFrame f, String method) {
    return method != null && method.equals(f.getClassName() + "." + f.getMethodName());
  }

  /** The first application frame of a sampled stack, or null. */
  static String applicationFrame(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      if (isClassLoading(e.getClassName(), e.getMethodName())) {
        return null;
      }
      if (isApplication(e.getClassName())) {
        return format(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber());
      }
    }
    return null;
  }

  static String format(String className, String method, String file, int line) {
    return className + "." + method + "(" + (file == null ? "Unknown Source" : file + ":" + line) + ")";
  }
}
