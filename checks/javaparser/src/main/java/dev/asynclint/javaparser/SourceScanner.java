package dev.asynclint.javaparser;

import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans source files and folders without compiling them: parse each file with JavaParser at the
 * newest language level, resolve only the calls the catalog could care about, and run every
 * {@link SourceRule}. Files are spread over threads, each with its own symbol solver; the
 * solver's static caches are cleared when the scan ends.
 */
public final class SourceScanner {
  /** Bytes of stack per scanning thread (reserved, used only as deep as the solver goes). */
  static final long SCAN_THREAD_STACK = 16L << 20;

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern BLOCKING_ANNOTATION = Pattern.compile("@(?:[\\w$]+\\.)*Blocking\\b");
  private static final Pattern METHOD_NAME = Pattern.compile("(\\w+)\\s*\\(");
  private static final long PROGRESS_EVERY_MILLIS = 2000;

  private SourceScanner() {}

  /** The rules this engine runs, one class each. */
  static List<SourceRule> rules() {
    return List.of(new SleepInEventLoop(), new BlockingIoInEventLoop(), new BlockingWaitInEventLoop(),
        new NonYieldingLoopInEventLoop(), new UnawaitedFuture(), new UnsubscribedPublisher());
  }

  /** The {@code .java} files under the given paths, in a stable order. */
  public static List<Path> javaFiles(List<Path> paths) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return new ArrayList<>(files);
  }

  public static ScanResult scan(ScanOptions options, Catalog catalog, PrintStream progress) throws IOException {
    long start = System.nanoTime();
    List<Path> files = javaFiles(options.paths());
    List<String> texts = new ArrayList<>(files.size());
    Set<String> blockingAnnotated = new TreeSet<>();
    ScannedSources.Builder scannedSources = new ScannedSources.Builder();
    for (Path file : files) {
      String text = read(file);
      texts.add(text);
      java.util.Optional<Path> root = sourceRoot(file, text);
      scannedSources.add(file, text, root.map(r -> {
        String relative = r.relativize(file.toAbsolutePath().normalize()).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace(java.io.File.separatorChar, '.');
      }));
      blockingAnnotatedNames(text, blockingAnnotated);
    }
    ScannedSources scanned = scannedSources.build();

    List<SourceRule> rules = rules();
    List<String> setupProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    catalog = withLibrarySummaries(catalog, options.classpath(), setupProblems);
    Catalog scanCatalog = catalog;
    ProjectTypes project = new ProjectTypes(files, texts);
    TransitiveSummaries.Shared summaries = new TransitiveSummaries.Shared();
    PristineTrees trees = new PristineTrees();
    ThreadLocal<FileAnalyzer> analyzers = ThreadLocal.withInitial(
        () -> new FileAnalyzer(scanCatalog, options, rules, scanned, blockingAnnotated, setupProblems,
            project, summaries, trees));
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
      // The solver recurses deeply on long call chains (builders, fluent APIs): with the default
      // stack it overflowed on some of them, and whether it did depended on how much of the solver
      // was compiled yet (interpreted frames are larger), so a finding came and went between runs.
      Thread thread = new Thread(null, runnable, "async-lint-scan", SCAN_THREAD_STACK);
      thread.setDaemon(true);
      return thread;
    });
    List<Future<FileAnalyzer.Outcome>> outcomes = new ArrayList<>(files.size());
    try {
      OffLoopClasses offLoop = offLoopClasses(files, texts, pool, analyzers);
      // A folder's files go to one thread, in order: files of a package use the same types, and
      // each thread parses and resolves them for itself, so spreading a package over every thread
      // made every thread parse and resolve most of the code base.
      List<java.util.concurrent.CompletableFuture<FileAnalyzer.Outcome>> pending = new ArrayList<>(files.size());
      for (int i = 0; i < files.size(); i++) {
        pending.add(new java.util.concurrent.CompletableFuture<>());
      }
      List<String> allTexts = texts;
      for (List<Integer> folder : byFolder(files)) {
        pool.submit(() -> {
          for (int i : folder) {
            Path file = files.get(i);
            try {
              pending.get(i).complete(analyzers.get().analyze(file, file.toString(), allTexts.get(i), offLoop));
            } catch (RuntimeException | Error e) {
              pending.get(i).completeExceptionally(e);
            }
          }
        });
      }
      outcomes.addAll(pending);

      List<Finding> findings = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      int resolved = 0;
      int unresolved = 0;
      long lastProgress = System.nanoTime();
      for (int i = 0; i < outcomes.size(); i++) {
        FileAnalyzer.Outcome outcome = await(outcomes.get(i), files.get(i));
        findings.addAll(outcome.findings());
        if (outcome.problem() != null) {
          problems.add(outcome.problem());
        }
        resolved += outcome.callsResolved();
        unresolved += outcome.callsUnresolved();
        if (options.progress() && progress != null
            && System.nanoTime() - lastProgress > TimeUnit.MILLISECONDS.toNanos(PROGRESS_EVERY_MILLIS)) {
          lastProgress = System.nanoTime();
          progress.printf("async-lint: scanned %d of %d files, %d findings so far%n", i + 1, files.size(), findings.size());
        }
      }
      synchronized (setupProblems) {
        for (String problem : new LinkedHashSet<>(setupProblems)) {
          problems.add(0, "async-lint: warning: " + problem);
        }
      }
      findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
          .thenComparingInt(Finding::column).thenComparing(Finding::rule));
      return new ScanResult(findings, problems, files.size(), resolved, unresolved,
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
      JavaParserFacade.clearInstances();
    }
  }

  /**
   * Indexes of the files, grouped by folder, the largest folders first so that the threads
   * finish together (ties in the order the folders first appear).
   */
  static List<List<Integer>> byFolder(List<Path> files) {
    java.util.Map<Path, List<Integer>> folders = new java.util.LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Path parent = files.get(i).toAbsolutePath().normalize().getParent();
      folders.computeIfAbsent(parent, p -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> out = new ArrayList<>(folders.values());
    out.sort(Comparator.comparingInt((List<Integer> folder) -> folder.size()).reversed());
    return out;
  }

  /** The first pass: only files that may deploy verticles or add pipeline handlers are parsed for it. */
  private static OffLoopClasses offLoopClasses(List<Path> files, List<String> texts, ExecutorService pool,
      ThreadLocal<FileAnalyzer> analyzers) {
    List<Future<Set<String>>> found = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String text = texts.get(i);
      if (OffLoopClasses.mayDeploy(text)) {
        Path file = files.get(i);
        String display = file.toString();
        found.add(pool.submit(() -> analyzers.get().offLoopClasses(file, display, text)));
      }
    }
    Set<String> keys = new java.util.HashSet<>();
    for (Future<Set<String>> future : found) {
      try {
        keys.addAll(future.get());
      } catch (ExecutionException e) {
        // that file deploys nothing we can see; the rule pass reports its problem
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      }
    }
    return keys.isEmpty() ? OffLoopClasses.NONE : new OffLoopClasses(keys);
  }

  /**
   * The catalog with the summaries that libraries on the classpath publish
   * ({@value Catalog#LIBRARY_RESOURCE}, written by the Error Prone engine with
   * {@code -XepOpt:AsyncLint:WriteSummaries}), so a call into such a library is blocking without
   * its source, and its chain carries on, as in the Error Prone engine.
   */
  static Catalog withLibrarySummaries(Catalog catalog, List<Path> classpath, List<String> problems) {
    List<java.net.URL> urls = new ArrayList<>();
    for (Path entry : classpath) {
      try {
        urls.add(entry.toUri().toURL());
      } catch (java.net.MalformedURLException e) {
        // reported when the type solver reads the classpath
      }
    }
    if (urls.isEmpty()) {
      return catalog;
    }
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), null)) {
      List<String> found = new ArrayList<>();
      Catalog libraries = Catalog.fromClasspath(loader, found);
      for (String problem : found) {
        problems.add("skipped a bad line in a library's " + Catalog.LIBRARY_RESOURCE + ": " + problem);
      }
      return libraries.size() == 0 ? catalog : catalog.mergedWith(libraries);
    } catch (IOException e) {
      return catalog;
    }
  }

  private static FileAnalyzer.Outcome await(Future<FileAnalyzer.Outcome> outcome, Path file) {
    while (true) {
      try {
        return outcome.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        // keep waiting; progress is printed between files
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        return new FileAnalyzer.Outcome(List.of(), file + ":1: warning: async-lint could not analyse this file ("
            + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "); please report it", 0, 0);
      }
    }
  }

  static String read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1); // legacy-encoded sources still parse
    }
  }

  /** The folder that holds the file's package tree, so other files' types resolve from source. */
  static java.util.Optional<Path> sourceRoot(Path file, String text) {
    Matcher matcher = PACKAGE.matcher(text);
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (dir == null) {
      return java.util.Optional.empty();
    }
    if (!matcher.find()) {
      return java.util.Optional.of(dir);
    }
    String[] parts = matcher.group(1).split("\\.");
    Path current = dir;
    for (int i = parts.length - 1; i >= 0; i--) {
      if (current == null || current.getFileName() == null || !current.getFileName().toString().equals(parts[i])) {
        return java.util.Optional.empty(); // the file is not where its package says
      }
      current = current.getParent();
    }
    return java.util.Optional.ofNullable(current);
  }

  /** Names of methods declared {@code @Blocking} in this source (a cheap over-approximation). */
  static void blockingAnnotatedNames(String text, Set<String> names) {
    if (!text.contains("Blocking")) {
      return;
    }
    Matcher annotation = BLOCKING_ANNOTATION.matcher(text);
    while (annotation.find()) {
      Matcher name = METHOD_NAME.matcher(text);
      if (name.find(annotation.end())) {
        names.add(name.group(1));
      }
    }
  }

}
