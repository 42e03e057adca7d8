package dev.asynclint.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The agent's entry points: {@code -javaagent:async-lint-agent.jar[=options]} ({@link #premain})
 * and dynamic attach ({@link #agentmain}). Attaching again with {@code dump=true} writes the
 * reports now. This class must not touch {@code dev.asynclint.agent.bootstrap} types before
 * they are on the bootstrap search path, so the real work is in {@link Installation}.
 */
public final class AsyncLintAgent {
  static final String BOOTSTRAP_PACKAGE = "dev.asynclint.agent.bootstrap.";
  private static final String[] BOOTSTRAP_CLASSES = {"Hook", "ThreadState", "Sink", "BlockingCallError"};

  private static boolean started;

  private AsyncLintAgent() {}

  public static void premain(String options, Instrumentation inst) {
    start(options, inst);
  }

  public static void agentmain(String options, Instrumentation inst) {
    start(options, inst);
  }

  static synchronized void start(String text, Instrumentation inst) {
    try {
      AgentOptions options = AgentOptions.parse(text);
      if (started) {
        if (options.dump()) {
          Installation.current().writeReports(true);
        }
        return;
      }
      started = true;
      // The agent inlines its advice and defines no classes, so ByteBuddy needs no sun.misc.Unsafe
      // (whose use JDK 24+ warns about). The literal is relocated with ByteBuddy when shaded.
      if (System.getProperty("net.bytebuddy.safe") == null) {
        System.setProperty("net.bytebuddy.safe", "true");
      }
      injectBootstrapClasses(inst);
      Installation.install(inst, options);
    } catch (Throwable e) {
      System.err.println("async-lint agent: not installed: " + e);
    }
  }

  static synchronized boolean isStarted() {
    return started;
  }

  /**
   * Puts the hook classes on the bootstrap search path, so that advice inlined into JDK classes
   * can call them, and lets every boot-layer module read them.
   */
  private static void injectBootstrapClasses(Instrumentation inst) throws IOException, ClassNotFoundException {
    String hookName = BOOTSTRAP_PACKAGE + "Hook";
    if (!isOnBootstrap(hookName)) {
      Path jar = Files.createTempFile("async-lint-bootstrap", ".jar");
      jar.toFile().deleteOnExit();
      ClassLoader agentLoader = AsyncLintAgent.class.getClassLoader();
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        for (String simple : BOOTSTRAP_CLASSES) {
          String resource = (BOOTSTRAP_PACKAGE + simple).replace('.', '/') + ".class";
          try (InputStream in = agentLoader.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IOException(resource + " is missing from the agent jar");
            }
            out.putNextEntry(new JarEntry(resource));
            in.transferTo(out);
            out.closeEntry();
          }
        }
      }
      inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
    Class<?> hook = null;
    for (String simple : BOOTSTRAP_CLASSES) {
      Class<?> c = Class.forName(BOOTSTRAP_PACKAGE + simple, true, null);
      if (simple.equals("Hook")) {
        hook = c;
      }
    }
    if (Class.forName(hookName, false, AsyncLintAgent.class.getClassLoader()) != hook) {
      throw new IllegalStateException(hookName + " was loaded before the agent could install it");
    }
    Module hookModule = hook.getModule();
    for (Module module : ModuleLayer.boot().modules()) {
      if (inst.isModifiableModule(module) && !module.canRead(hookModule)) {
        inst.redefineModule(module, Set.of(hookModule), Map.of(), Map.of(), Set.of(), Map.of());
      }
    }
  }

  private static boolean isOnBootstrap(String className) {
    try {
      Class.forName(className, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
