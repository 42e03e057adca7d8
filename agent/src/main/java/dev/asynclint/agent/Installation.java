package dev.asynclint.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.asynclint.agent.bootstrap.Hook;
import dev.asynclint.agent.bootstrap.ThreadState;
import dev.asynclint.core.BlockingApi;
import dev.asynclint.core.Catalog;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/** One installed agent: the catalog, the recorder, the instrumentation and the reports. */
final class Installation {
  private static volatile Installation current;
  private static final boolean DEBUG = Boolean.getBoolean("asynclint.agent.debug");

  final AgentOptions options;
  final StallRecorder recorder;
  private final StaticFindings staticFindings;
  private final List<String> notInstrumented = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> failedTypes = Collections.synchronizedSet(new LinkedHashSet<>());

  private Installation(AgentOptions options, StallRecorder recorder, StaticFindings staticFindings) {
    this.options = options;
    this.recorder = recorder;
    this.staticFindings = staticFindings;
  }

  static Installation current() {
    Installation i = current;
    if (i == null) {
      throw new IllegalStateException("the async-lint agent is not installed");
    }
    return i;
  }

  static boolean isInstalled() {
    return current != null;
  }

  static synchronized Installation install(Instrumentation inst, AgentOptions options) {
    if (current != null) {
      return current;
    }
    List<String> problems = new ArrayList<>(options.problems());
    Catalog catalog;
    try {
      catalog = Catalog.builtInWith(Optional.ofNullable(options.catalog()));
    } catch (Exception e) {
      problems.add("catalog=" + options.catalog() + ": " + e.getMessage() + " (using the built-in catalog)");
      catalog = Catalog.builtIn();
    }
    StaticFindings findings =
        options.sarif() == null ? StaticFindings.NONE : StaticFindings.read(options.sarif(), problems);
    for (String problem : problems) {
      System.err.println("async-lint agent: " + problem);
    }
    List<BlockingApi> apis = catalog.blockingApis();
    StallRecorder recorder = new StallRecorder(
        apis, new EventLoopThreads(options.threads(), options.commonPool()), options);
    Installation installation = new Installation(options, recorder, findings);
    long t0 = System.nanoTime();
    installation.instrument(inst, apis, recorder);
    long t1 = System.nanoTime();
    Hook.sink = recorder;
    installation.selfTest();
    if (DEBUG) {
      System.err.printf("async-lint agent: instrumented in %d ms, self-test %d ms%n",
          (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }
    new TaskWatchdog(recorder).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> installation.writeReports(!options.quiet()),
        "async-lint-report"));
    current = installation;
    return installation;
  }

  private void instrument(Instrumentation inst, List<BlockingApi> apis, StallRecorder recorder) {
    BlockingTypes blockingTypes = new BlockingTypes(apis);
    Hook.threadSleepApi = blockingTypes.indexOf("java.lang.Thread", "sleep");
    Hook.objectWaitApi = blockingTypes.indexOf("java.lang.Object", "wait");
    boolean nativeSleep = isNativeSleep();

    AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy()
            .with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        // Classes loaded while ByteBuddy itself works are not seen by its transformer; look again.
        .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
        .with(new AgentBuilder.Listener.Adapter() {
          @Override
          public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
              boolean loaded, DynamicType dynamicType) {
            if (DEBUG) {
              System.err.println("async-lint agent: instrumented " + type.getName());
            }
          }

          @Override
          public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
              Throwable throwable) {
            if (failedTypes.size() < 50) {
              failedTypes.add(typeName + ": " + throwable);
            }
          }
        })
        .ignore(nameStartsWith("dev.asynclint.agent.")
            .or(nameStartsWith("dev.asynclint.core."))
            .or(nameStartsWith("net.bytebuddy."))
            .or(ElementMatchers.isSynthetic()))
        .type(blockingTypes)
        .transform((b, type, loader, module, pd) -> blockingTypes.advise(b, type))
        .type(namedOneOf(NETTY_TASK_TYPES))
        .transform((b, type, loader, module, pd) -> b.visit(Advice.to(BlockingCallAdvice.OnTask.class)
            .on(namedOneOf("safeExecute", "processSelectedKeys").and(not(ElementMatchers.isAbstract())))))
        .type(namedOneOf(SCHEDULER_TASK_TYPES))
        .transform((b, type, loader, module, pd) -> b.visit(Advice.to(BlockingCallAdvice.OnTask.class)
            .on(namedOneOf("call", "run").and(ElementMatchers.takesArguments(0))
                .and(not(ElementMatchers.isAbstract())))))
        .type(namedOneOf(IDLE_TYPES))
        .transform((b, type, loader, module, pd) -> b.visit(Advice.to(BlockingCallAdvice.OnIdle.class)
            .on(namedOneOf(IDLE_METHODS).and(not(ElementMatchers.isAbstract())))));
    int socketApi = blockingTypes.indexOf("java.net.Socket", "getInputStream");
    if (socketApi >= 0) {
      // The catalog names Socket#getInputStream/getOutputStream, which return at once; the wait
      // is in the streams' reads and writes, which are JDK-private classes the static checks
      // never see, so they are the agent's own knowledge, under the same catalog entry.
      builder = builder.type(namedOneOf(SOCKET_STREAM_TYPES))
          .transform((b, type, loader, module, pd) -> b.visit(Advice.withCustomMapping()
              .bind(ApiId.class, socketApi)
              .to(BlockingCallAdvice.class)
              .on(namedOneOf("read", "write").and(ElementMatchers.isPublic()))));
    }
    builder.installOn(inst);
    if (Hook.objectWaitApi >= 0 || (nativeSleep && Hook.threadSleepApi >= 0)) {
      // Native blocking methods are not wrapped (that needs a JVM flag); their call sites in
      // application and framework classes are pointed at the hook's bridges instead.
      new NativeCallSites(Hook.objectWaitApi >= 0, nativeSleep && Hook.threadSleepApi >= 0, recorder)
          .install(inst);
    }
  }

  private static boolean isNativeSleep() {
    try {
      return Modifier.isNative(Thread.class.getDeclaredMethod("sleep", long.class).getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  // safeExecute runs each Netty task (Vert.x handlers are Netty tasks too); processSelectedKeys
  // is one round of I/O handling. NioEventLoop.run is the loop itself, never a task.
  static final String[] NETTY_TASK_TYPES = {
    "io.netty.util.concurrent.AbstractEventExecutor", "io.netty.channel.nio.NioEventLoop",
  };
  // Where an event loop waits for its next piece of work: Netty's select (4.1 NioEventLoop, 4.2
  // NioIoHandler), a pool worker's next-task wait (Reactor and RxJava schedulers run on
  // ThreadPoolExecutors), an idle common-pool worker. The blocking calls inside are not stalls.
  static final String[] IDLE_TYPES = {
    "io.netty.channel.nio.NioEventLoop", "io.netty.channel.nio.NioIoHandler",
    "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
  };
  static final String[] IDLE_METHODS = {"select", "getTask", "awaitWork"};
  // What Socket#getInputStream/getOutputStream return on JDK 17-25 (NioSocketImpl underneath).
  static final String[] SOCKET_STREAM_TYPES = {
    "java.net.Socket$SocketInputStream", "java.net.Socket$SocketOutputStream",
  };
  static final String[] SCHEDULER_TASK_TYPES = {
    "reactor.core.scheduler.SchedulerTask",
    "reactor.core.scheduler.WorkerTask",
    "reactor.core.scheduler.PeriodicSchedulerTask",
    "reactor.core.scheduler.PeriodicWorkerTask",
    "reactor.core.scheduler.InstantPeriodicWorkerTask",
    "io.reactivex.rxjava3.internal.schedulers.ScheduledRunnable",
    "io.reactivex.rxjava3.internal.schedulers.ScheduledDirectTask",
    "io.reactivex.rxjava3.internal.schedulers.ScheduledDirectPeriodicTask",
  };

  /** Runs one blocking call of each kind as if on an event loop and checks the hooks saw it. */
  private void selfTest() {
    ThreadState s = Hook.state();
    List<String> missing = new ArrayList<>();
    s.kind = ThreadState.EVENT_LOOP;
    s.framework = "self-test";
    s.probe = true;
    try {
      Thread.sleep(0, 1);
      Files.exists(Path.of("."));
      new CountDownLatch(0).await();
    } catch (Throwable e) {
      recorder.internalError(e);
    } finally {
      s.kind = ThreadState.UNKNOWN;
      s.probe = false;
      s.blockingDepth = 0;
    }
    for (String method : new String[] {
        "java.lang.Thread.sleep", "java.nio.file.Files.exists", "java.util.concurrent.CountDownLatch.await"}) {
      if (!recorder.probeHits.containsKey(method)) {
        missing.add(method);
      }
    }
    notInstrumented.addAll(missing);
    synchronized (failedTypes) {
      notInstrumented.addAll(failedTypes);
    }
    if (!missing.isEmpty() || !failedTypes.isEmpty()) {
      System.err.println("async-lint agent: could not instrument "
          + (missing.isEmpty() ? "" : String.join(", ", missing) + (failedTypes.isEmpty() ? "" : "; "))
          + (failedTypes.isEmpty() ? "" : failedTypes.size() + " type(s), first: " + failedTypes.iterator().next())
          + " (the rest is measured)");
    }
  }

  StallReport report() {
    return new StallReport(recorder.callSites(staticFindings), recorder.taskSummary(),
        recorder.droppedSites(), recorder.droppedCalls(), recorder.frameworkInternalCalls(),
        recorder.classLoadingCalls(), recorder.internalErrors(), recorder.firstInternalError(),
        List.copyOf(notInstrumented));
  }

  /** Writes the JSON and HTML files that were asked for, and the text table to stderr. */
  synchronized void writeReports(boolean table) {
    ThreadState s = Hook.state();
    boolean wasBusy = s.busy;
    s.busy = true;
    try {
      StallReport report = report();
      write(options.report(), report.toJson());
      write(options.html(), report.toHtml());
      if (table) {
        System.err.print(report.toText());
      }
    } catch (Throwable e) {
      recorder.internalError(e);
    } finally {
      s.busy = wasBusy;
    }
  }

  private static void write(Path file, String text) {
    if (file == null) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("async-lint agent: cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Which catalog entries apply to a type (its own or its supertypes'), and their advice. */
  static final class BlockingTypes extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
    private final List<BlockingApi> apis;

    BlockingTypes(List<BlockingApi> apis) {
      this.apis = apis;
    }

    int indexOf(String owner, String name) {
      for (int i = 0; i < apis.size(); i++) {
        if (apis.get(i).method().owner().equals(owner) && apis.get(i).method().names().contains(name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public boolean matches(TypeDescription type) {
      return !entriesFor(type).isEmpty();
    }

    List<Integer> entriesFor(TypeDescription type) {
      Set<String> supertypes = new LinkedHashSet<>();
      try {
        collect(type, supertypes);
      } catch (RuntimeException e) {
        // A supertype that cannot be resolved: match on what we could see.
      }
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < apis.size(); i++) {
        var pattern = apis.get(i).method();
        if (pattern.owner().equals("java.lang.Object")) {
          continue; // wait() is native or final there: handled at call sites
        }
        if (pattern.ownerIsPackage() ? pattern.packageContains(type.getName()) : supertypes.contains(pattern.owner())) {
          out.add(i);
        }
      }
      return out;
    }

    private static void collect(TypeDescription type, Set<String> out) {
      if (type == null || !out.add(type.getName())) {
        return;
      }
      TypeDescription.Generic superClass = type.getSuperClass();
      if (superClass != null) {
        collect(superClass.asErasure(), out);
      }
      for (TypeDescription.Generic i : type.getInterfaces()) {
        collect(i.asErasure(), out);
      }
    }

    private static boolean isSelectableChannel(TypeDescription type) {
      try {
        return type.isAssignableTo(java.nio.channels.SelectableChannel.class);
      } catch (RuntimeException e) {
        return false; // a supertype that cannot be resolved: the plain advice is still correct
      }
    }

    DynamicType.Builder<?> advise(DynamicType.Builder<?> builder, TypeDescription type) {
      for (int id : entriesFor(type)) {
        BlockingApi api = apis.get(id);
        ElementMatcher.Junction<MethodDescription> declared = ElementMatchers.<MethodDescription>not(
                ElementMatchers.isAbstract())
            .and(not(ElementMatchers.isNative()))
            .and(not(ElementMatchers.isBridge()))
            .and(not(ElementMatchers.isSynthetic()))
            .and(new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
              @Override
              public boolean matches(MethodDescription m) {
                if (m.isTypeInitializer()) {
                  return false;
                }
                String name = m.isConstructor() ? "<init>" : m.getName();
                if (!api.method().matchesName(name)) {
                  return false;
                }
                List<String> params = api.method().params();
                if (params == null) {
                  return true;
                }
                List<String> actual = new ArrayList<>();
                for (TypeDescription p : m.getParameters().asTypeList().asErasures()) {
                  actual.add(p.getActualName());
                }
                return params.equals(actual);
              }
            });
        // A selectable channel in non-blocking mode never waits: Netty's own socket reads and
        // writes are not blocking calls, and an application's non-blocking channel is not either.
        Class<?> methodAdvice = isSelectableChannel(type)
            ? BlockingCallAdvice.OnChannel.class : BlockingCallAdvice.class;
        builder = builder
            .visit(Advice.withCustomMapping().bind(ApiId.class, id)
                .to(methodAdvice).on(declared.and(ElementMatchers.isMethod())))
            .visit(Advice.withCustomMapping().bind(ApiId.class, id)
                .to(BlockingCallAdvice.OnConstructor.class).on(declared.and(ElementMatchers.isConstructor())));
      }
      return builder;
    }
  }

}
