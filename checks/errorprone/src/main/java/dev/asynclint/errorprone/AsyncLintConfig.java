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
import java.util.Collections;
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
 * </ul>
 */
public final class AsyncLintConfig {
  static final String PREFIX = "AsyncLint:";
  static final String CATALOG_FILE = PREFIX + "CatalogFile";
  static final String COMMON_POOL = PREFIX + "CommonPool";

  /** Parsed catalogs by file and modification time, shared by every check and compilation. */
  private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();

  /** The catalog each javac run uses; reported problems are remembered so they print once. */
  private static final Map<Context, Catalog> PER_COMPILATION =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Optional<Path> catalogFile;
  private final boolean commonPool;

  public AsyncLintConfig(ErrorProneFlags flags) {
    this.catalogFile = flags.get(CATALOG_FILE).filter(s -> !s.isBlank()).map(Path::of);
    this.commonPool = flags.getBoolean(COMMON_POOL).orElse(true);
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
