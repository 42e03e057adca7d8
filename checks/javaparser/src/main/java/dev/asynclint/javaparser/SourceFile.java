package dev.asynclint.javaparser;

import dev.asynclint.core.BlockingCall;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.EventLoopContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed file and what the rules share about it: resolved calls, blocking calls and their
 * event-loop contexts, each computed once, on first use.
 */
final class SourceFile {
  /** A blocking call in code that runs on an event loop. */
  record BlockingSite(Node node, BlockingCall call, EventLoopContext context) {}

  private final String path;
  private final CompilationUnit unit;
  private final String text;
  private final Catalog catalog;
  private final CallResolver calls;
  private final ScanOptions options;
  private final ExpressionTypes expressionTypes;
  private final CatalogMatcher matcher;
  private final BlockingCallClassifier classifier;
  private final EventLoopContextResolver contexts;
  private Variables variables;
  private final TransitiveSummaries summaries;
  private List<BlockingSite> blockingSites;

  SourceFile(String path, CompilationUnit unit, String text, Catalog catalog, ScanOptions options,
      TypeHierarchy types, Set<String> blockingAnnotatedNames, OffLoopClasses offLoop,
      TransitiveSummaries summaries) {
    this.summaries = summaries;
    this.calls = new CallResolver(types);
    this.expressionTypes = new ExpressionTypes(calls);
    this.path = path;
    this.unit = unit;
    this.text = text;
    this.catalog = catalog;
    this.options = options;
    CatalogMatcher matcher = new CatalogMatcher(types);
    this.matcher = matcher;
    this.classifier = new BlockingCallClassifier(catalog, matcher, calls, text, blockingAnnotatedNames);
    this.contexts = new EventLoopContextResolver(catalog, options, matcher, calls, offLoop, path, classifier,
        this::variables);
  }

  String path() {
    return path;
  }

  CompilationUnit unit() {
    return unit;
  }

  Catalog catalog() {
    return catalog;
  }

  CallResolver calls() {
    return calls;
  }

  private java.util.Map<String, List<com.github.javaparser.ast.expr.NameExpr>> nameUses;

  /** Every simple name used as an expression in the file, by name, in source order (built once). */
  List<com.github.javaparser.ast.expr.NameExpr> uses(String name) {
    if (nameUses == null) {
      nameUses = new java.util.HashMap<>();
      for (com.github.javaparser.ast.expr.NameExpr use : unit.findAll(com.github.javaparser.ast.expr.NameExpr.class)) {
        nameUses.computeIfAbsent(use.getNameAsString(), n -> new ArrayList<>()).add(use);
      }
    }
    return nameUses.getOrDefault(name, List.of());
  }

  /** The file's source text, for cheap textual pre-filters. */
  String text() {
    return text;
  }

  ScanOptions options() {
    return options;
  }

  /** Static types of expressions, memoised for this file. */
  ExpressionTypes expressionTypes() {
    return expressionTypes;
  }

  /** Catalog patterns against resolved calls, and subtype questions. */
  CatalogMatcher matcher() {
    return matcher;
  }

  EventLoopContextResolver contexts() {
    return contexts;
  }

  Variables variables() {
    if (variables == null) {
      variables = new Variables(unit);
    }
    return variables;
  }

  /**
   * The chain from a call to a method of the sources that has a property a rule registered
   * ({@link SourceRule#followedProperty}), e.g. "contains a loop that never yields": for a loop
   * rule that reports such calls in event-loop code, as blocking calls are reported.
   */
  Optional<TransitiveSummaries.Reach> reachedProperty(Node call, String kind) {
    if (!summaries.mayReach(call)) {
      return Optional.empty();
    }
    return Optional.ofNullable(summaries.reaches(call, calls).get(kind));
  }

  /**
   * A method's declaration in the scanned sources, also when a jar on the classpath has its class
   * too (javac reads the source then, so the engines agree on what a method of the project does).
   */
  Optional<Node> sourceDeclaration(Callable method) {
    return summaries.declarationOf(method);
  }

  /** Every call, constructor call and method reference that blocks and runs on an event loop. */
  List<BlockingSite> blockingSites() {
    if (blockingSites == null) {
      List<BlockingSite> sites = new ArrayList<>();
      unit.walk(node -> {
        if (node instanceof MethodCallExpr || node instanceof ObjectCreationExpr
            || node instanceof MethodReferenceExpr) {
          // Where the code runs is memoised per enclosing lambda or method, and most code runs on no
          // event loop, so asking that first spares resolving most calls.
          boolean mayBlock = classifier.mayBlock(node);
          boolean mayReach = summaries.mayReach(node);
          if (mayBlock || mayReach) {
            try {
              Optional<EventLoopContext> context = contexts.resolve(node);
              if (context.isPresent()) {
                Optional<BlockingCall> direct = mayBlock ? classifier.classify(node) : Optional.empty();
                if (direct.isPresent()) {
                  sites.add(new BlockingSite(node, TransitiveSummaries.spliced(direct.get(), calls.resolve(node)),
                      context.get()));
                } else if (mayReach) {
                  // Reported here, at the call inside event-loop code, never in the helper: the
                  // helper may be fine on the other threads that call it.
                  for (TransitiveSummaries.Reach reach : summaries.reaches(node, calls).values()) {
                    if (reach.category() != null) {
                      sites.add(new BlockingSite(node, TransitiveSummaries.blockingCall(node, reach), context.get()));
                    }
                  }
                }
              }
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
              calls.countFailure(); // a solver failure on one call never stops the file
            }
          }
        }
      });
      blockingSites = sites;
    }
    return blockingSites;
  }
}
