package dev.asynclint.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What blocks, where event loops run, what moves work off them, and how to fix each case: the one
 * body of knowledge every engine reads. Built from the built-in catalog file merged with user
 * files; see {@link CatalogParser} for the line format. Immutable.
 */
public final class Catalog {
  /** The built-in catalog's classpath resource. */
  public static final String BUILT_IN_RESOURCE = "/dev/asynclint/core/builtin.catalog";

  /** Libraries ship extra entries under this resource name (read from the classpath). */
  public static final String LIBRARY_RESOURCE = "META-INF/async-lint/blocking-methods";

  private static volatile Catalog builtIn;

  private final List<BlockingApi> blockingApis;
  private final List<NonBlockingApi> nonBlockingApis;
  private final List<EventLoopEntry> eventLoopEntries;
  private final List<OffloadPoint> offloadPoints;
  private final List<String> blockingAnnotations;
  private final Map<String, String> fixes;
  private final List<AsyncResultType> asyncResultTypes;
  private final List<KnownScheduler> knownSchedulers;
  private final List<SchedulerShift> schedulerShifts;
  private final List<InlineCallback> inlineCallbacks;
  private final Map<String, List<BlockingApi>> blockingByName;
  private final List<BlockingApi> blockingByGlob;
  /** Engines ask per call; the answers are cached (names repeat a lot in a code base). */
  private final Map<String, List<BlockingApi>> candidatesByName = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<EventLoopEntry.Kind, List<EventLoopEntry>> eventLoopEntriesByKind;

  Catalog(
      List<BlockingApi> blockingApis,
      List<NonBlockingApi> nonBlockingApis,
      List<EventLoopEntry> eventLoopEntries,
      List<OffloadPoint> offloadPoints,
      List<String> blockingAnnotations,
      Map<String, String> fixes,
      List<AsyncResultType> asyncResultTypes) {
    this(blockingApis, nonBlockingApis, eventLoopEntries, offloadPoints, blockingAnnotations, fixes,
        asyncResultTypes, List.of(), List.of());
  }

  Catalog(
      List<BlockingApi> blockingApis,
      List<NonBlockingApi> nonBlockingApis,
      List<EventLoopEntry> eventLoopEntries,
      List<OffloadPoint> offloadPoints,
      List<String> blockingAnnotations,
      Map<String, String> fixes,
      List<AsyncResultType> asyncResultTypes,
      List<KnownScheduler> knownSchedulers,
      List<SchedulerShift> schedulerShifts) {
    this(blockingApis, nonBlockingApis, eventLoopEntries, offloadPoints, blockingAnnotations, fixes,
        asyncResultTypes, knownSchedulers, schedulerShifts, List.of());
  }

  Catalog(
      List<BlockingApi> blockingApis,
      List<NonBlockingApi> nonBlockingApis,
      List<EventLoopEntry> eventLoopEntries,
      List<OffloadPoint> offloadPoints,
      List<String> blockingAnnotations,
      Map<String, String> fixes,
      List<AsyncResultType> asyncResultTypes,
      List<KnownScheduler> knownSchedulers,
      List<SchedulerShift> schedulerShifts,
      List<InlineCallback> inlineCallbacks) {
    this.inlineCallbacks = List.copyOf(inlineCallbacks);
    this.knownSchedulers = List.copyOf(knownSchedulers);
    this.schedulerShifts = List.copyOf(schedulerShifts);
    this.asyncResultTypes = List.copyOf(asyncResultTypes);
    this.blockingApis = List.copyOf(blockingApis);
    this.nonBlockingApis = List.copyOf(nonBlockingApis);
    this.eventLoopEntries = List.copyOf(eventLoopEntries);
    this.offloadPoints = List.copyOf(offloadPoints);
    this.blockingAnnotations = List.copyOf(blockingAnnotations);
    this.fixes = Collections.unmodifiableMap(new LinkedHashMap<>(fixes));
    Map<String, List<BlockingApi>> byName = new HashMap<>();
    List<BlockingApi> byGlob = new ArrayList<>();
    for (BlockingApi api : this.blockingApis) {
      if (api.method().hasOnlyExactNames()) {
        for (String name : api.method().names()) {
          byName.computeIfAbsent(name, n -> new ArrayList<>()).add(api);
        }
      } else {
        byGlob.add(api);
      }
    }
    byName.replaceAll((k, v) -> List.copyOf(v));
    this.blockingByName = Map.copyOf(byName);
    this.blockingByGlob = List.copyOf(byGlob);
    Map<EventLoopEntry.Kind, List<EventLoopEntry>> byKind = new java.util.EnumMap<>(EventLoopEntry.Kind.class);
    for (EventLoopEntry.Kind kind : EventLoopEntry.Kind.values()) {
      byKind.put(kind, this.eventLoopEntries.stream().filter(e -> e.kind() == kind).toList());
    }
    this.eventLoopEntriesByKind = byKind;
  }

  /** The catalog that ships with async-lint. */
  public static Catalog builtIn() {
    Catalog c = builtIn;
    if (c == null) {
      synchronized (Catalog.class) {
        c = builtIn;
        if (c == null) {
          try (InputStream in = Catalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("async-lint's built-in catalog is missing from the jar");
            }
            c = CatalogParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "builtin.catalog");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (CatalogException e) {
            throw new IllegalStateException("async-lint's built-in catalog is broken: " + e.getMessage(), e);
          }
          builtIn = c;
        }
      }
    }
    return c;
  }

  /** Reads a user catalog file (the same format as the built-in one). */
  public static Catalog load(Path file) throws IOException, CatalogException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CatalogParser.parse(reader, file.toString());
    }
  }

  /** The built-in catalog merged with a user file, when one is given. */
  public static Catalog builtInWith(Optional<Path> userFile) throws IOException, CatalogException {
    Catalog base = builtIn();
    return userFile.isPresent() ? base.mergedWith(load(userFile.get())) : base;
  }

  /**
   * Entries that libraries on the classpath declare in {@value #LIBRARY_RESOURCE}; bad lines are
   * passed to {@code problems} and skipped, so one broken jar does not stop the analysis.
   */
  public static Catalog fromClasspath(ClassLoader loader, List<String> problems) {
    Catalog result = empty();
    try {
      Enumeration<URL> urls = loader.getResources(LIBRARY_RESOURCE);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
          result = result.mergedWith(CatalogParser.parse(reader, url.toString()));
        } catch (CatalogException e) {
          problems.addAll(e.problems());
        } catch (IOException e) {
          problems.add(url + ": cannot read: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      problems.add(LIBRARY_RESOURCE + ": cannot list: " + e.getMessage());
    }
    return result;
  }

  public static Catalog empty() {
    return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
  }

  /** This catalog with {@code other}'s entries added; {@code other}'s fixes replace ours. */
  public Catalog mergedWith(Catalog other) {
    Map<String, String> mergedFixes = new LinkedHashMap<>(fixes);
    mergedFixes.putAll(other.fixes);
    return new Catalog(
        concat(blockingApis, other.blockingApis),
        concat(nonBlockingApis, other.nonBlockingApis),
        concat(eventLoopEntries, other.eventLoopEntries),
        concat(offloadPoints, other.offloadPoints),
        concat(blockingAnnotations, other.blockingAnnotations),
        mergedFixes,
        concat(asyncResultTypes, other.asyncResultTypes),
        concat(knownSchedulers, other.knownSchedulers),
        concat(schedulerShifts, other.schedulerShifts),
        concat(inlineCallbacks, other.inlineCallbacks));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  public List<BlockingApi> blockingApis() {
    return blockingApis;
  }

  /** The blocking entries that could match a method of this name (cheap pre-filter for engines). */
  public List<BlockingApi> blockingCandidates(String methodName) {
    List<BlockingApi> exact = blockingByName.getOrDefault(methodName, List.of());
    if (blockingByGlob.isEmpty()) {
      return exact;
    }
    return candidatesByName.computeIfAbsent(methodName, name -> {
      List<BlockingApi> out = new ArrayList<>(exact);
      for (BlockingApi api : blockingByGlob) {
        if (api.method().matchesName(name)) {
          out.add(api);
        }
      }
      return List.copyOf(out);
    });
  }

  public List<NonBlockingApi> nonBlockingApis() {
    return nonBlockingApis;
  }

  public List<EventLoopEntry> eventLoopEntries() {
    return eventLoopEntries;
  }

  public List<EventLoopEntry> eventLoopEntries(EventLoopEntry.Kind kind) {
    return eventLoopEntriesByKind.get(kind);
  }

  public List<OffloadPoint> offloadPoints() {
    return offloadPoints;
  }

  /** Annotation types that mark a method as blocking (JetBrains', SmallRye's, ... {@code @Blocking}). */
  public List<String> blockingAnnotations() {
    return blockingAnnotations;
  }

  /** Async result types: hot ones whose failure can be lost, cold ones that must be subscribed. */
  public List<AsyncResultType> asyncResultTypes() {
    return asyncResultTypes;
  }

  public List<AsyncResultType> asyncResultTypes(AsyncResultType.Temperature temperature) {
    // Engines ask per expression statement: filter once.
    return asyncResultTypesByTemperature.computeIfAbsent(temperature,
        t -> asyncResultTypes.stream().filter(type -> type.temperature() == t).toList());
  }

  private final Map<AsyncResultType.Temperature, List<AsyncResultType>> asyncResultTypesByTemperature =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Scheduler and executor factories whose threads we know (blocking allowed or not). */
  public List<KnownScheduler> knownSchedulers() {
    return knownSchedulers;
  }

  /** The APIs that run a callable at once on the caller's thread (it runs where its caller runs). */
  public List<InlineCallback> inlineCallbacks() {
    return inlineCallbacks;
  }

  /** The operators that move a reactive chain onto another scheduler. */
  public List<SchedulerShift> schedulerShifts() {
    return schedulerShifts;
  }

  /** The framework's fix for a category ("schedule it with ctx.executor().schedule(...)"), if any. */
  public Optional<String> fix(String framework, Category category) {
    return Optional.ofNullable(fixes.get(fixKey(framework, category)));
  }

  static String fixKey(String framework, Category category) {
    return framework + " " + category;
  }

  public int size() {
    return blockingApis.size() + nonBlockingApis.size() + eventLoopEntries.size()
        + offloadPoints.size() + blockingAnnotations.size() + fixes.size() + asyncResultTypes.size()
        + knownSchedulers.size() + schedulerShifts.size() + inlineCallbacks.size();
  }
}
