package dev.asynclint.errorprone;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.CatalogException;
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
 * </ul>
 */
public final class AsyncLintConfig {
  static final String PREFIX = "AsyncLint:";
  static final String CATALOG_FILE = PREFIX + "CatalogFile";
  static final String COMMON_POOL = PREFIX + "CommonPool";
  static final String NETTY_FUTURES = PREFIX + "NettyFutures";
  static final String VERTX_WRITES_AND_CLOSES = PREFIX + "VertxWritesAndCloses";
  static final String LOOP_BOUND = PREFIX + "LoopBound";
  static final int DEFAULT_LOOP_BOUND = 1000;

  /** Parsed catalogs by file and modification time, shared by every check and compilation. */
  private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();

  /** The catalog each javac run uses; reported problems are remembered so they print once. */
  private static final Map<Context, Catalog> PER_COMPILATION =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Compilations in which a bad flag value was already reported. */
  private static final Map<Context, Boolean> REPORTED_FLAG_PROBLEMS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Optional<Path> catalogFile;
  private final boolean commonPool;
  private final boolean nettyFutures;
  private final boolean vertxWritesAndCloses;
  private final int loopBound;
  private final List<String> flagProblems;

  public AsyncLintConfig(ErrorProneFlags flags) {
    this.catalogFile = flags.get(CATALOG_FILE).filter(s -> !s.isBlank()).map(Path::of);
    this.commonPool = flags.getBoolean(COMMON_POOL).orElse(true);
    List<String> problems = new ArrayList<>();
    this.nettyFutures = lenientBoolean(flags, NETTY_FUTURES, false, problems);
    this.vertxWritesAndCloses = lenientBoolean(flags, VERTX_WRITES_AND_CLOSES, false, problems);
    Optional<String> bound = flags.get(LOOP_BOUND).map(String::strip);
    int parsed = DEFAULT_LOOP_BOUND;
    if (bound.isPresent()) {
      try {
        parsed = Integer.parseInt(bound.get().replace("_", ""));
        if (parsed < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        parsed = DEFAULT_LOOP_BOUND;
        problems.add("async-lint: -XepOpt:" + LOOP_BOUND + "=" + bound.get()
            + " is not a non-negative whole number; using " + DEFAULT_LOOP_BOUND);
      }
    }
    this.loopBound = parsed;
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

  public boolean nettyFutures() {
    return nettyFutures;
  }

  public boolean vertxWritesAndCloses() {
    return vertxWritesAndCloses;
  }

  /**
   * The largest constant trip count a loop on the event loop may have. A bad flag value is
   * reported once per compilation as a warning naming the flag, and the default is used.
   */
  public int loopBound(VisitorState state) {
    reportFlagProblems(state);
    return loopBound;
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

  public boolean commonPool() {
    return commonPool;
  }

  /**
   * The catalog for this compilation: built-in, plus the user's file. A user file that cannot be
   * read is reported once as a compile error naming the file and line, and the built-in catalog is
   * used so the rest of the analysis goes on.
   */
  public Catalog catalog(VisitorState state) {
    Context context = state.context;
    Catalog cached = PER_COMPILATION.get(context);
    if (cached != null) {
      return cached;
    }
    Catalog catalog;
    try {
      catalog = userCatalog();
    } catch (IOException | CatalogException e) {
      String what = e instanceof CatalogException
          ? "async-lint: the catalog file has errors:\n" + e.getMessage()
          : "async-lint: cannot read the catalog file " + catalogFile.orElseThrow()
              + " (-XepOpt:" + CATALOG_FILE + "): " + e;
      JavacProcessingEnvironment.instance(context).getMessager().printMessage(Diagnostic.Kind.ERROR, what);
      catalog = Catalog.builtIn();
    }
    PER_COMPILATION.put(context, catalog);
    return catalog;
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
