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

  private static final String[] NOT_APPLICATION = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.netty.", "io.vertx.", "reactor.",
    "io.reactivex.", "io.smallrye.mutiny.", "kotlin.", "kotlinx.coroutines.", "dev.asynclint.agent.",
    "net.bytebuddy.", "org.HdrHistogram.", "org.junit.", "com.google.common.util.concurrent.",
  };

  private static final StackWalker WALKER = StackWalker.getInstance();

  private Frames() {}

  static boolean isApplication(String className) {
    for (String prefix : NOT_APPLICATION) {
      if (className.startsWith(prefix)) {
        return false;
      }
    }
    return true;
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

  private static String siteIn(Stream<StackFrame> frames, String method) {
    boolean pastMethod = false;
    String fallback = null;
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
      if (isApplication(cn)) {
        String site = format(cn, mn, f.getFileName(), f.getLineNumber());
        if (pastMethod || method == null) {
          return site;
        }
        if (fallback == null) {
          fallback = site;
        }
      }
    }
    return fallback;
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
