package dev.asynclint.javaparser;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ClassLoaderTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks files on one thread. JavaParser's symbol solver is not thread-safe, so every
 * thread gets its own analyzer: its own parser, type solvers and memoised type hierarchy.
 */
final class FileAnalyzer {
  /** The newest Java syntax this JavaParser knows (it defaults to Java 11). */
  static final LanguageLevel LANGUAGE_LEVEL = newestLanguageLevel();

  /** What one file gave: findings, or a problem line when it could not be parsed or analysed. */
  record Outcome(List<Finding> findings, String problem, int callsResolved, int callsUnresolved) {}

  private final Catalog catalog;
  private final ScanOptions options;
  private final List<SourceRule> rules;
  private final Set<String> blockingAnnotatedNames;
  private final JavaParser parser;
  private final ParsedTrees trees;
  private final TypeHierarchy types;
  private final TransitiveSummaries summaries;

  FileAnalyzer(Catalog catalog, ScanOptions options, List<SourceRule> rules, ScannedSources scanned,
      Set<String> blockingAnnotatedNames, List<String> setupProblems,
      ProjectTypes project, TransitiveSummaries.Shared shared) {
    this(catalog, options, rules, scanned, blockingAnnotatedNames, setupProblems, project, shared, null);
  }

  /** As above, copying the trees of files another thread parsed from {@code pristine} (null: none). */
  FileAnalyzer(Catalog catalog, ScanOptions options, List<SourceRule> rules, ScannedSources scanned,
      Set<String> blockingAnnotatedNames, List<String> setupProblems,
      ProjectTypes project, TransitiveSummaries.Shared shared, PristineTrees pristine) {
    this.catalog = catalog;
    this.options = options;
    this.rules = rules;
    this.blockingAnnotatedNames = blockingAnnotatedNames;
    ParserConfiguration configuration = parserConfiguration();
    this.parser = new JavaParser(configuration);
    this.trees = new ParsedTrees(parser, scanned, pristine);
    SourceTypes source = new SourceTypes(scanned, trees);
    List<SourceTypes> sources = List.of(source);
    TypeSolver solver = typeSolver(options.classpath(), source, setupProblems);
    // Set once the solver exists; every tree parsed from here on can resolve its names.
    configuration.setSymbolResolver(new JavaSymbolSolver(solver));
    this.types = new TypeHierarchy(solver);
    java.util.Map<String, TransitiveSummaries.MethodProperty> properties = new java.util.LinkedHashMap<>();
    for (SourceRule rule : rules) {
      rule.followedProperty(types, options).ifPresent(property -> properties.put(rule.rule().id(), property));
    }
    this.summaries = new TransitiveSummaries(catalog, options.maxDepth(), project, trees, parser, types,
        blockingAnnotatedNames, properties, shared, source::mayDeclare, name -> {
          for (TypeSolver sourceSolver : sources) {
            try {
              var found = sourceSolver.tryToSolveType(name);
              if (found.isSolved()) {
                return java.util.Optional.of(found.getCorrespondingDeclaration());
              }
            } catch (RuntimeException | StackOverflowError e) {
              // not readable from source: the classpath's answer stands
            }
          }
          return java.util.Optional.empty();
        });
  }

  /**
   * The newest syntax, no comment attribution (no rule reads comments; attributing them is a tree
   * walk per file) and no validation: JavaParser checks every tree it builds against the language
   * level's rules (modifiers allowed where they are written, reserved words used as names...), a
   * quarter of the time of parsing. javac checks the same, and a scan wants the code read anyway
   * (the "code that does not compile yet"), so only the level's post-processors run; they
   * turn {@code var} into a var type, which the solver needs. JavaParser has no switch for this:
   * its language-level processor is swapped in the configuration's list. If this JavaParser has no
   * processor of the expected shape, validation stays on: slower, never wrong.
   */
  static ParserConfiguration parserConfiguration() {
    ParserConfiguration configuration = new ParserConfiguration()
        .setLanguageLevel(LANGUAGE_LEVEL)
        .setAttributeComments(false);
    PostProcessors postProcessors;
    try {
      java.lang.reflect.Field field = LanguageLevel.class.getDeclaredField("postProcessor");
      field.setAccessible(true);
      postProcessors = (PostProcessors) field.get(LANGUAGE_LEVEL);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return configuration;
    }
    List<java.util.function.Supplier<Processor>> processors = configuration.getProcessors();
    for (int i = 0; i < processors.size(); i++) {
      if (processors.get(i).get().getClass().getName().equals(LANGUAGE_LEVEL_PROCESSOR)) {
        Processor postProcessing = new Processor() {
          @Override
          public void postProcess(ParseResult<? extends Node> result, ParserConfiguration ignored) {
            if (postProcessors != null) {
              postProcessors.postProcess(result, configuration);
            }
          }
        };
        processors.set(i, () -> postProcessing);
        break;
      }
    }
    return configuration;
  }

  /** The class of JavaParser 3.28's processor that post-processes and validates per language level. */
  static final String LANGUAGE_LEVEL_PROCESSOR = ParserConfiguration.class.getName() + "$2";

  static LanguageLevel newestLanguageLevel() {
    return Arrays.stream(LanguageLevel.values())
        .filter(level -> level.name().matches("JAVA_\\d+"))
        .max(Comparator.comparingInt(level -> Integer.parseInt(level.name().substring(5))))
        .orElse(LanguageLevel.CURRENT);
  }

  private static TypeSolver typeSolver(List<Path> classpath, SourceTypes sources, List<String> problems) {
    CombinedTypeSolver solver = new CombinedTypeSolver();
    // jreOnly: the scanner's own libraries (JavaParser, Guava...) must not leak into the analysis.
    solver.add(new ReflectionTypeSolver(true));
    List<URL> folders = new ArrayList<>();
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        try {
          folders.add(entry.toUri().toURL());
        } catch (MalformedURLException e) {
          problems.add(entry + ": not a usable classpath entry: " + e.getMessage());
        }
      } else if (Files.isRegularFile(entry)) {
        try {
          solver.add(new JarTypeSolver(entry));
        } catch (IOException | RuntimeException e) {
          problems.add(entry + ": cannot read this classpath jar: " + e.getMessage());
        }
      }
    }
    if (!folders.isEmpty()) {
      solver.add(new ClassLoaderTypeSolver(new URLClassLoader(folders.toArray(URL[]::new), null)));
    }
    solver.add(sources);
    return solver;
  }

  /**
   * The classes this file deploys off the event loop (worker verticles, handlers with their own
   * executor group); read from every file before any rule runs, since the deployment and the
   * class are often in different files. A file that cannot be parsed deploys nothing.
   */
  Set<String> offLoopClasses(Path file, String displayPath, String text) {
    Set<String> out = new java.util.HashSet<>();
    try {
      ParseResult<CompilationUnit> parsed = trees.parse(file, text);
      if (parsed.isSuccessful() && parsed.getResult().isPresent()) {
        OffLoopClasses.collect(parsed.getResult().get(), displayPath, types, out);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // the rule pass reports problems with this file
    }
    return out;
  }

  Outcome analyze(String displayPath, String text, OffLoopClasses offLoop) {
    return analyze(null, displayPath, text, offLoop);
  }

  /** As {@link #analyze(String, String, OffLoopClasses)}, for a scanned file whose tree this thread may have. */
  Outcome analyze(Path file, String displayPath, String text, OffLoopClasses offLoop) {
    ParseResult<CompilationUnit> parsed = file == null ? parser.parse(text) : trees.parse(file, text);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return new Outcome(List.of(), parseProblem(displayPath, parsed.getProblems()), 0, 0);
    }
    SourceFile source = new SourceFile(displayPath, parsed.getResult().get(), text, catalog, options,
        types, blockingAnnotatedNames, offLoop, summaries);
    summaries.startFile(method -> source.contexts().isEventLoopMethod(method));
    List<Finding> findings = new ArrayList<>();
    try {
      for (SourceRule rule : rules) {
        rule.check(source, findings::add);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return new Outcome(findings, displayPath + ":1: warning: async-lint could not analyse the rest of this file ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "); please report it",
          source.calls().attempted(), source.calls().unresolved());
    }
    return new Outcome(findings, null, source.calls().attempted(), source.calls().unresolved());
  }

  static String parseProblem(String path, List<Problem> problems) {
    if (problems.isEmpty()) {
      return path + ":1: error: cannot parse: no compilation unit";
    }
    Problem first = problems.get(0);
    int line = first.getLocation().flatMap(range -> range.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
    String message = first.getMessage().lines().findFirst().orElse("").strip();
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return path + ":" + line + ": error: cannot parse: " + message + more;
  }
}
