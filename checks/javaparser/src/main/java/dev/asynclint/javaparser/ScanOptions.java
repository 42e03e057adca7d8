package dev.asynclint.javaparser;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a scan is told, read in one place (the command line builds it, tests build it
 * directly).
 *
 * @param paths source files and folders to scan
 * @param classpath jars and class folders the code compiles against; types missing from it stay
 *     unresolved and their calls are counted, not guessed
 * @param catalogFile a catalog file merged over the built-in one
 * @param sarif where to write a SARIF 2.1.0 report
 * @param json where to write an async-lint.json report
 * @param commonPool whether CompletableFuture callbacks without an executor count as code that
 *     must not block (reported at WARNING)
 * @param threads parse-and-check threads; each has its own symbol solver
 * @param progress whether to print progress on stderr during long scans
 * @param maxDepth how many of the project's own methods a transitive chain may go through
 *     (as the Error Prone engine's {@code -XepOpt:AsyncLint:MaxDepth})
 */
public record ScanOptions(
    List<Path> paths,
    List<Path> classpath,
    Optional<Path> catalogFile,
    Optional<Path> sarif,
    Optional<Path> json,
    boolean commonPool,
    int threads,
    boolean progress,
    int maxDepth) {

  public static final int DEFAULT_MAX_DEPTH = 8;

  public ScanOptions {
    paths = List.copyOf(paths);
    classpath = List.copyOf(classpath);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth);
    }
  }

  /** The options with the default transitive depth (the maven plugin's scan goal builds these). */
  public ScanOptions(List<Path> paths, List<Path> classpath, Optional<Path> catalogFile, Optional<Path> sarif,
      Optional<Path> json, boolean commonPool, int threads, boolean progress) {
    this(paths, classpath, catalogFile, sarif, json, commonPool, threads, progress, DEFAULT_MAX_DEPTH);
  }

  /** Defaults: built-in catalog, common pool on, one thread per core (at most 4), no reports. */
  public static ScanOptions of(List<Path> paths, List<Path> classpath) {
    return new ScanOptions(paths, classpath, Optional.empty(), Optional.empty(), Optional.empty(),
        true, defaultThreads(), false, DEFAULT_MAX_DEPTH);
  }

  static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(paths, classpath, catalogFile, sarif, json, commonPool, n, progress, maxDepth);
  }

  public ScanOptions withMaxDepth(int depth) {
    return new ScanOptions(paths, classpath, catalogFile, sarif, json, commonPool, threads, progress, depth);
  }
}
