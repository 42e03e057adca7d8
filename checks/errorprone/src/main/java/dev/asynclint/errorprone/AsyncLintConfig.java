package dev.asynclint.errorprone;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.CatalogException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Every {@code -XepOpt:AsyncLint:*} flag, read in one place (as NullAway's Config does):
 *
 * <ul>
 *   <li>{@code AsyncLint:CatalogFile=path} — a catalog file merged over the built-in one.
 *   <li>{@code AsyncLint:CommonPool=false} — do not treat {@code CompletableFuture} async callbacks
 *       without an executor (the common ForkJoin pool) as places that must not block.
 *   <li>{@code AsyncLint:NettyFutures=true} — UnawaitedFuture also reports dropped Netty futures
 *       ({@code ctx.writeAndFlush(msg)}), which Netty code drops idiomatically.
 *   <li>{@code AsyncLint:VertxWritesAndCloses=true} — UnawaitedFuture also reports dropped results of
 *       Vert.x writes and closes ({@code response.end()}, {@code socket.close()}), dropped just as
 *       idiomatically.
 *   <li>{@code AsyncLint:LoopBound=N} (default 1000) — NonYieldingLoopInEventLoop accepts loops
 *       with a constant trip count up to N.
 *   <li>{@code AsyncLint:MaxDepth=8} — how many of the project's own methods a transitive chain
 *       (handler → service → DAO → JDBC) may go through.
 *   <li>{@code AsyncLint:WriteSummaries=true} — write this module's blocking methods to {@value
 *       Catalog#LIBRARY_RESOURCE} in the class output, for modules compiled against it. Reading
 *       such files from the class path is always on.
 * </ul>
 *
 * A bad flag value never stops the compilation: it is reported once as a warning naming the flag,
 * and the default is used.
 */
public final class AsyncLintConfig {
  static final String PREFIX = "AsyncLint:";
  static final String CATALOG_FILE = PREFIX + "CatalogFile";
  static final String COMMON_POOL = PREFIX + "CommonPool";
  static final String NETTY_FUTURES = PREFIX + "NettyFutures";
  static final String VERTX_WRITES_AND_CLOSES = PREFIX + "VertxWritesAndCloses";
  static final String LOOP_BOUND = PREFIX + "LoopBound";
  static final String MAX_DEPTH = PREFIX + "MaxDepth";
  static final String WRITE_SUMMARIES = PREFIX + "WriteSummaries";
  static final int DEFAULT_LOOP_BOUND = 1000;
  static final int DEFAULT_MAX_DEPTH = 8;

  /** Parsed catalogs by file and modification time, shared by every check and compilation. */
  private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();

  /** The catalog each javac run uses; reported problems are remembered so they print once. */
  private static final PerCompilation<Catalog> PER_COMPILATION = new PerCompilation<>();

  /** Compilations in which a bad flag value was already reported. */
  private static final Map<Context, Boolean> REPORTED_FLAG_PROBLEMS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Optional<Path> catalogFile;
  private final boolean commonPool;
  private final boolean nettyFutures;
  private final boolean vertxWritesAndCloses;
  private final int loopBound;
  private final int maxDepth;
  private final boolean writeSummaries;
  private final List<String> flagProblems;

  public AsyncLintConfig(ErrorProneFlags flags) {
    List<String> problems = new ArrayList<>();
    this.catalogFile = flags.get(CATALOG_FILE).filter(s -> !s.isBlank()).map(Path::of);
    this.commonPool = lenientBoolean(flags, COMMON_POOL, true, problems);
    this.nettyFutures = lenientBoolean(flags, NETTY_FUTURES, false, problems);
    this.vertxWritesAndCloses = lenientBoolean(flags, VERTX_WRITES_AND_CLOSES, false, problems);
    this.writeSummaries = lenientBoolean(flags, WRITE_SUMMARIES, false, problems);
    this.loopBound = lenientCount(flags, LOOP_BOUND, DEFAULT_LOOP_BOUND, problems);
    this.maxDepth = lenientCount(flags, MAX_DEPTH, DEFAULT_MAX_DEPTH, problems);
    this.flagProblems = List.copyOf(problems);
  }

  /** A boolean flag; a value other than true/false is a problem to report, not a crash. */
  private static boolean lenientBoolean(
      ErrorProneFlags flags, String name, boolean fallback, List<String> problems) {
    Optional<String> value = flags.get(name).map(String::strip);
    if (value.isEmpty()) {
      return fallback;
    }
    if (value.get().equalsIgnoreCase("true") || value.get().isEmpty()) {
      return true;
    }
    if (value.get().equalsIgnoreCase("false")) {
      return false;
    }
    problems.add("async-lint: -XepOpt:" + name + "=" + value.get()
        + " is not true or false; using " + fallback);
    return fallback;
  }

  /** A non-negative whole number flag; anything else is a problem to report, not a crash. */
  private static int lenientCount(ErrorProneFlags flags, String name, int fallback, List<String> problems) {
    Optional<String> value = flags.get(name).map(String::strip).filter(s -> !s.isEmpty());
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get().replace("_", ""));
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("async-lint: -XepOpt:" + name + "=" + value.get()
        + " is not a non-negative whole number; using " + fallback);
    return fallback;
  }

  public boolean commonPool() {
    return commonPool;
  }

  public boolean nettyFutures() {
    return nettyFutures;
  }

  public boolean vertxWritesAndCloses() {
    return vertxWritesAndCloses;
  }

  /** The largest constant trip count a loop on the event loop may have. */
  public int loopBound(VisitorState state) {
    reportFlagProblems(state);
    return loopBound;
  }

  public int maxDepth() {
    return maxDepth;
  }

  public boolean writeSummaries() {
    return writeSummaries;
  }

  /** Bad flag values, once per compilation, as warnings naming the flag; analysis goes on. */
  void reportFlagProblems(VisitorState state) {
    if (!flagProblems.isEmpty() && REPORTED_FLAG_PROBLEMS.put(state.context, Boolean.TRUE) == null) {
      for (String problem : flagProblems) {
        JavacProcessingEnvironment.instance(state.context).getMessager()
            .printMessage(Diagnostic.Kind.WARNING, problem);
      }
    }
  }

  /**
   * The catalog for this compilation: built-in, plus the user's file, plus the summaries of
   * libraries on the compilation's class path ({@value Catalog#LIBRARY_RESOURCE}). A user file
   * that cannot be read is reported once as a compile error naming the file and line, and the
   * built-in catalog is used so the rest of the analysis goes on; a bad library line is a warning.
   */
  public Catalog catalog(VisitorState state) {
    Catalog known = PER_COMPILATION.ifLast(state.context);
    return known != null ? known : PER_COMPILATION.get(state.context, context -> load(state));
  }

  private Catalog load(VisitorState state) {
    reportFlagProblems(state);
    Catalog catalog;
    try {
      catalog = userCatalog();
    } catch (IOException | CatalogException e) {
      String what = e instanceof CatalogException
          ? "async-lint: the catalog file has errors:\n" + e.getMessage()
          : "async-lint: cannot read the catalog file " + catalogFile.orElseThrow()
              + " (-XepOpt:" + CATALOG_FILE + "): " + e;
      JavacProcessingEnvironment.instance(state.context).getMessager().printMessage(Diagnostic.Kind.ERROR, what);
      catalog = Catalog.builtIn();
    }
    return catalog.mergedWith(libraryCatalog(state.context));
  }

  /**
   * Library summaries on the class path of the code being compiled (not async-lint's own loader,
   * which only sees the processor path).
   */
  private static Catalog libraryCatalog(Context context) {
    JavaFileManager files = context.get(JavaFileManager.class);
    ClassLoader loader = files == null ? null : files.getClassLoader(StandardLocation.CLASS_PATH);
    if (loader == null) {
      return Catalog.empty();
    }
    List<String> problems = new ArrayList<>();
    Catalog found;
    try {
      found = Catalog.fromClasspath(loader, problems);
    } finally {
      if (loader instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException e) {
          // only the jars it opened stay open a little longer
        }
      }
    }
    for (String problem : problems) {
      JavacProcessingEnvironment.instance(context).getMessager().printMessage(Diagnostic.Kind.WARNING,
          "async-lint: skipped a bad line in a library's " + Catalog.LIBRARY_RESOURCE + ": " + problem);
    }
    return found;
  }

  private Catalog userCatalog() throws IOException, CatalogException {
    if (catalogFile.isEmpty()) {
      return Catalog.builtIn();
    }
    Path file = catalogFile.get().toAbsolutePath();
    String key = file + "@" + Files.getLastModifiedTime(file).toMillis();
    Catalog known = CATALOGS.get(key);
    if (known != null) {
      return known;
    }
    Catalog loaded = Catalog.builtInWith(Optional.of(file));
    CATALOGS.put(key, loaded);
    return loaded;
  }
}
