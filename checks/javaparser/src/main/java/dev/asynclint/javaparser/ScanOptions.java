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
 * @param rules the options of the futures, publishers and loops rules, named as the Error Prone
 *     engine's {@code -XepOpt:AsyncLint:*} flags
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
    int maxDepth,
    RuleOptions rules) {

  public static final int DEFAULT_MAX_DEPTH = 8;

  /**
   * @param nettyFutures UnawaitedFuture also reports dropped Netty futures (AsyncLint:NettyFutures)
   * @param vertxWritesAndCloses UnawaitedFuture also reports dropped results of Vert.x writes and
   *     closes (AsyncLint:VertxWritesAndCloses)
   * @param loopBound NonYieldingLoopInEventLoop accepts loops with a constant trip count up to this
   *     (AsyncLint:LoopBound)
   */
  public record RuleOptions(boolean nettyFutures, boolean vertxWritesAndCloses, int loopBound) {
    public static final int DEFAULT_LOOP_BOUND = 1000;
    public static final RuleOptions DEFAULTS = new RuleOptions(false, false, DEFAULT_LOOP_BOUND);

    public RuleOptions {
      if (loopBound < 0) {
        throw new IllegalArgumentException("loopBound must not be negative, not " + loopBound);
      }
    }
  }

  public ScanOptions {
    rules = rules == null ? RuleOptions.DEFAULTS : rules;
    paths = List.copyOf(paths);
    classpath = List.copyOf(classpath);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth);
    }
  }

  /** The default transitive depth and rule options (the maven plugin's scan goal builds these). */
  public ScanOptions(List<Path> paths, List<Path> classpath, Optional<Path> catalogFile, Optional<Path> sarif,
      Optional<Path> json, boolean commonPool, int threads, boolean progress) {
    this(paths, classpath, catalogFile, sarif, json, commonPool, threads, progress, DEFAULT_MAX_DEPTH,
        RuleOptions.DEFAULTS);
  }

  /** Defaults: built-in catalog, common pool on, one thread per core (at most 4), no reports. */
  public static ScanOptions of(List<Path> paths, List<Path> classpath) {
    return new ScanOptions(paths, classpath, Optional.empty(), Optional.empty(), Optional.empty(),
        true, defaultThreads(), false, DEFAULT_MAX_DEPTH, RuleOptions.DEFAULTS);
  }

  static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(paths, classpath, catalogFile, sarif, json, commonPool, n, progress, maxDepth, rules);
  }

  public ScanOptions withMaxDepth(int depth) {
    return new ScanOptions(paths, classpath, catalogFile, sarif, json, commonPool, threads, progress, depth, rules);
  }

  public ScanOptions withRules(RuleOptions ruleOptions) {
    return new ScanOptions(paths, classpath, catalogFile, sarif, json, commonPool, threads, progress, maxDepth, ruleOptions);
  }
}
