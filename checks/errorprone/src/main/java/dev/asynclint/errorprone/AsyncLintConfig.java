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
 *   <li>{@code AsyncLint:MaxDepth=8} — how many of the project's own methods a transitive chain
 *       (handler → service → DAO → JDBC) may go through.
 *   <li>{@code AsyncLint:WriteSummaries=true} — write this module's blocking methods to {@value
 *       Catalog#LIBRARY_RESOURCE} in the class output, for modules compiled against it. Reading
 *       such files from the class path is always on.
 * </ul>
 */
public final class AsyncLintConfig {
  static final String PREFIX = "AsyncLint:";
  static final String CATALOG_FILE = PREFIX + "CatalogFile";
  static final String COMMON_POOL = PREFIX + "CommonPool";
  static final String MAX_DEPTH = PREFIX + "MaxDepth";
  static final String WRITE_SUMMARIES = PREFIX + "WriteSummaries";
  static final int DEFAULT_MAX_DEPTH = 8;

  /** Parsed catalogs by file and modification time, shared by every check and compilation. */
  private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();

  /** The catalog each javac run uses; reported problems are remembered so they print once. */
  private static final Map<Context, Catalog> PER_COMPILATION =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Optional<Path> catalogFile;
  private final boolean commonPool;
  private final int maxDepth;
  private final boolean writeSummaries;
  private final String flagProblem;

  public AsyncLintConfig(ErrorProneFlags flags) {
    this.catalogFile = flags.get(CATALOG_FILE).filter(s -> !s.isBlank()).map(Path::of);
    this.commonPool = flags.getBoolean(COMMON_POOL).orElse(true);
    int depth = DEFAULT_MAX_DEPTH;
    String problem = null;
    String given = flags.get(MAX_DEPTH).orElse("").strip();
    if (!given.isEmpty()) {
      try {
        depth = Integer.parseInt(given);
      } catch (NumberFormatException e) {
        problem = "async-lint: -XepOpt:" + MAX_DEPTH + "=" + given + " is not a whole number;"
            + " using " + DEFAULT_MAX_DEPTH;
      }
    }
    this.maxDepth = Math.max(0, depth);
    this.flagProblem = problem;
    this.writeSummaries = flags.getBoolean(WRITE_SUMMARIES).orElse(false);
  }

  public int maxDepth() {
    return maxDepth;
  }

  public boolean writeSummaries() {
    return writeSummaries;
  }

  public boolean commonPool() {
    return commonPool;
  }

  /**
   * The catalog for this compilation: built-in, plus the user's file, plus the summaries of
   * libraries on the compilation's class path ({@value Catalog#LIBRARY_RESOURCE}). A user file
   * that cannot be read is reported once as a compile error naming the file and line, and the
   * built-in catalog is used so the rest of the analysis goes on; a bad library line is a warning.
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
    if (flagProblem != null) {
      JavacProcessingEnvironment.instance(context).getMessager().printMessage(Diagnostic.Kind.WARNING, flagProblem);
    }
    catalog = catalog.mergedWith(libraryCatalog(context));
    PER_COMPILATION.put(context, catalog);
    return catalog;
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
