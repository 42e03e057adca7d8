package dev.asynclint.javaparser;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.CatalogException;
import dev.asynclint.core.Finding;
import dev.asynclint.reports.JsonReport;
import dev.asynclint.reports.SarifReport;
import dev.asynclint.reports.SourceFiles;
import dev.asynclint.reports.ToolInfo;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code java -jar async-lint-javaparser-<version>-cli.jar [options] PATH...}: scans sources
 * without compiling them and prints findings as javac does. Exit status: 0 without findings, 1
 * with findings, 2 for bad usage.
 */
public final class Main {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT = """
      Usage: java -jar async-lint-javaparser-cli.jar [options] PATH...
      Scans Java sources (files or folders) for blocking calls on event loops, without compiling.
        --classpath CP    jars and class folders the code compiles against, separated by '%s'
                          (framework types resolve from it; calls that do not resolve are counted)
        --catalog FILE    a catalog file merged over the built-in one
        --sarif FILE      also write a SARIF 2.1.0 report
        --json FILE       also write an async-lint.json report
        --threads N       parse-and-check threads (default: cores, at most 4)
        --max-depth N     how many of the project's own methods a transitive chain may go
                          through (default 8)
        --no-common-pool  do not report blocking in CompletableFuture callbacks on the common pool
        --NettyFutures    UnawaitedFuture also reports dropped Netty futures (ctx.writeAndFlush(msg))
        --VertxWritesAndCloses
                          UnawaitedFuture also reports dropped results of Vert.x writes and closes
        --LoopBound N     NonYieldingLoopInEventLoop accepts loops with a constant trip count up
                          to N (default 1000)
                          (the three also read as --Name=value, like -XepOpt:AsyncLint:Name=value)
        --quiet           no progress on stderr
        --help            this text
      Exit status: 0 no findings, 1 findings, 2 bad usage.""".formatted(File.pathSeparator);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Everything {@link #main} does, with the streams given; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ScanOptions options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("async-lint: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (options == null) {
      out.println(USAGE_TEXT);
      return OK;
    }
    Catalog catalog;
    try {
      catalog = Catalog.builtInWith(options.catalogFile());
    } catch (CatalogException e) {
      err.println("async-lint: the catalog file has errors:");
      e.problems().forEach(p -> err.println("  " + p));
      return USAGE;
    } catch (IOException e) {
      err.println("async-lint: cannot read the catalog file " + options.catalogFile().orElseThrow()
          + " (--catalog): " + e.getMessage());
      return USAGE;
    }
    ScanResult result;
    try {
      result = SourceScanner.scan(options, catalog, err);
    } catch (IOException e) {
      err.println("async-lint: cannot read the sources: " + e);
      return USAGE;
    }
    for (String problem : result.problems()) {
      out.println(problem);
    }
    for (Finding finding : result.findings()) {
      out.println(line(finding));
    }
    out.println(result.summary());
    try {
      ToolInfo tool = new ToolInfo("javaparser", version());
      if (options.sarif().isPresent()) {
        SarifReport.write(result.findings(), tool, new SourceFiles(Path.of("")), options.sarif().get());
      }
      if (options.json().isPresent()) {
        JsonReport.write(result.findings(), tool, options.json().get());
      }
    } catch (IOException | RuntimeException e) {
      err.println("async-lint: cannot write the report: " + e.getMessage());
      return USAGE;
    }
    return result.findings().isEmpty() ? OK : FINDINGS;
  }

  /** javac's format, so editors and CI annotate the line: {@code path:12: error: [Rule] message}. */
  static String line(Finding finding) {
    return finding.path() + ":" + finding.line() + ": "
        + finding.severity().name().toLowerCase(Locale.ROOT).replace("note", "warning")
        + ": [" + finding.rule() + "] " + finding.message();
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The options, or null when only help was asked for. */
  static ScanOptions parse(String[] args) throws UsageException {
    List<Path> paths = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    Optional<Path> catalog = Optional.empty();
    Optional<Path> sarif = Optional.empty();
    Optional<Path> json = Optional.empty();
    boolean commonPool = true;
    boolean progress = true;
    int threads = ScanOptions.defaultThreads();
    int maxDepth = ScanOptions.DEFAULT_MAX_DEPTH;
    boolean nettyFutures = false;
    boolean vertxWritesAndCloses = false;
    int loopBound = ScanOptions.RuleOptions.DEFAULT_LOOP_BOUND;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      // --Name=value, as the Error Prone engine's -XepOpt:AsyncLint:Name=value
      String inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 2) {
        inlineValue = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      if (inlineValue != null && !RULE_OPTIONS.contains(arg)) {
        throw new UsageException("unknown option " + args[i]);
      }
      switch (arg) {
        case "--help", "-h" -> {
          return null;
        }
        case "--classpath", "-cp", "--class-path" -> {
          for (String entry : value(args, ++i, arg).split(File.pathSeparator)) {
            if (!entry.isBlank()) {
              Path path = Path.of(entry);
              if (!Files.exists(path)) {
                throw new UsageException("--classpath entry " + entry + " does not exist");
              }
              classpath.add(path);
            }
          }
        }
        case "--catalog" -> catalog = Optional.of(existingFile(value(args, ++i, arg), arg));
        case "--sarif" -> sarif = Optional.of(Path.of(value(args, ++i, arg)));
        case "--json" -> json = Optional.of(Path.of(value(args, ++i, arg)));
        case "--threads" -> {
          String value = value(args, ++i, arg);
          try {
            threads = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            threads = 0;
          }
          if (threads < 1 || threads > 64) {
            throw new UsageException("--threads needs a number from 1 to 64, not '" + value + "'");
          }
        }
        case "--max-depth" -> {
          String value = value(args, ++i, arg);
          try {
            maxDepth = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            maxDepth = 0;
          }
          if (maxDepth < 1 || maxDepth > 64) {
            throw new UsageException("--max-depth needs a number from 1 to 64, not '" + value + "'");
          }
        }
        case "--no-common-pool" -> commonPool = false;
        case "--NettyFutures" -> nettyFutures = flag(arg, inlineValue);
        case "--VertxWritesAndCloses" -> vertxWritesAndCloses = flag(arg, inlineValue);
        case "--LoopBound" -> {
          String value = inlineValue != null ? inlineValue : value(args, ++i, arg);
          try {
            loopBound = Integer.parseInt(value.strip().replace("_", ""));
          } catch (NumberFormatException e) {
            loopBound = -1;
          }
          if (loopBound < 0) {
            throw new UsageException("--LoopBound needs a non-negative whole number, not '" + value + "'");
          }
        }
        case "--quiet", "-q" -> progress = false;
        default -> {
          if (arg.startsWith("-") && arg.length() > 1) {
            throw new UsageException("unknown option " + arg);
          }
          Path path = Path.of(arg);
          if (!Files.exists(path)) {
            throw new UsageException("no such file or folder: " + arg);
          }
          paths.add(path);
        }
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("no files or folders to scan");
    }
    return new ScanOptions(paths, classpath, catalog, sarif, json, commonPool, threads, progress, maxDepth,
        new ScanOptions.RuleOptions(nettyFutures, vertxWritesAndCloses, loopBound));
  }

  /** The rule options, named as the Error Prone engine's flags, which also take {@code =value}. */
  private static final java.util.Set<String> RULE_OPTIONS =
      java.util.Set.of("--NettyFutures", "--VertxWritesAndCloses", "--LoopBound");

  /** A switch that is on when given alone, or set by {@code =true}/{@code =false}. */
  private static boolean flag(String option, String value) throws UsageException {
    if (value == null || value.strip().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.strip().equalsIgnoreCase("false")) {
      return false;
    }
    throw new UsageException(option + " takes true or false, not '" + value + "'");
  }

  private static String value(String[] args, int index, String option) throws UsageException {
    if (index >= args.length || args[index].isBlank()) {
      throw new UsageException(option + " needs a value");
    }
    return args[index];
  }

  private static Path existingFile(String value, String option) throws UsageException {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      throw new UsageException(option + " " + value + ": no such file");
    }
    return path;
  }

  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
