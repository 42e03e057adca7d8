package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.DoWhileLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.EnhancedForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.WhileLoopTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.NonYieldingLoop;
import java.util.Optional;
import javax.inject.Inject;

/**
 * A CPU loop on event-loop code that never gives the loop back. Spin loops and endless loops are
 * definite (ERROR when the context is definite); data-sized loops doing real work per iteration,
 * and calls to self-recursive methods, are likely (WARNING). The loop shapes are decided by
 * {@link NonYieldingLoops}, where the code runs by {@link EventLoopContextResolver}. See {@code
 * docs/rules/NonYieldingLoopInEventLoop.md}.
 */
@BugPattern(
    summary = "A CPU loop that never yields holds the event loop for as long as it runs",
    severity = WARNING,
    linkType = CUSTOM,
    link = "https://github.com/async-lint/async-lint/blob/main/docs/rules/NonYieldingLoopInEventLoop.md")
public final class NonYieldingLoopInEventLoop extends BugChecker
    implements WhileLoopTreeMatcher,
        DoWhileLoopTreeMatcher,
        ForLoopTreeMatcher,
        EnhancedForLoopTreeMatcher,
        MethodInvocationTreeMatcher {

  private final AsyncLintConfig config;

  /** Used when Error Prone runs with no flags. */
  public NonYieldingLoopInEventLoop() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public NonYieldingLoopInEventLoop(ErrorProneFlags flags) {
    this.config = new AsyncLintConfig(flags);
    // A handler that calls a helper with such a loop is reported at the call, with the chain.
    TransitiveSummaries.registerProperty(RULE_ID, (method, state) -> {
      var loops = NonYieldingLoops.find(method, state, config.loopBound(state));
      return loops.isEmpty() ? null : loops.get(0).shape().reachedBy();
    });
  }

  static final String RULE_ID = "NonYieldingLoopInEventLoop";

  @Override
  public Description matchWhileLoop(WhileLoopTree tree, VisitorState state) {
    return checkLoop(tree, state);
  }

  @Override
  public Description matchDoWhileLoop(DoWhileLoopTree tree, VisitorState state) {
    return checkLoop(tree, state);
  }

  @Override
  public Description matchForLoop(ForLoopTree tree, VisitorState state) {
    return checkLoop(tree, state);
  }

  @Override
  public Description matchEnhancedForLoop(EnhancedForLoopTree tree, VisitorState state) {
    return checkLoop(tree, state);
  }

  /**
   * {@code items.forEach(x -> ...)} doing real work per element, or a call from event-loop code
   * to a method of this compilation that calls itself.
   */
  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    try {
      // Only a forEach call or a call into the compilation's own code can be reported (a
      // self-recursive callee is in the compilation too): most calls stop here, before any type
      // work or the question where the code runs.
      if (!(NonYieldingLoops.mayBeForEach(tree) || TransitiveSummaries.of(state, config.catalog(state), config).mayReach(tree))) {
        return Description.NO_MATCH;
      }
      // Where the code runs is cached per enclosing callable; the loop shapes are not, so ask first.
      EventLoopContext context = contextOf(tree, state);
      if (context == null) {
        return Description.NO_MATCH;
      }
      Tree scope = localScope(state.getPath());
      int bound = config.loopBound(state);
      Optional<NonYieldingLoops.Loop> forEach = NonYieldingLoops.classifyForEach(tree, scope, state, bound);
      if (forEach.isPresent()) {
        return insideReportedLoop(state.getPath(), scope, state, bound)
            ? Description.NO_MATCH : report(tree, forEach.get(), context, state, "");
      }
      if (ASTHelpers.getSymbol(tree) instanceof MethodSymbol callee) {
        MethodTree enclosing = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
        if (enclosing != null && ASTHelpers.getSymbol(enclosing) == callee) {
          return Description.NO_MATCH; // the recursive call itself: reported where it is entered
        }
        Optional<NonYieldingLoops.Loop> recursion = recursion(callee, state,
            TransitiveSummaries.of(state, config.catalog(state), config));
        if (recursion.isPresent()) {
          return report(tree, recursion.get(), context, state,
              "`" + NonYieldingLoops.sourceOf(tree, state) + "` recurses: ");
        }
      }
      return reportReachedLoop(tree, context, state);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  /** Self-recursion of a method of this compilation, scanned once per method (callers repeat). */
  private static Optional<NonYieldingLoops.Loop> recursion(
      MethodSymbol callee, VisitorState state, TransitiveSummaries summaries) {
    if (callee.getParameters().isEmpty()) {
      return Optional.empty();
    }
    java.util.Map<MethodSymbol, Optional<NonYieldingLoops.Loop>> known = RECURSION.get(state.context, c -> new java.util.HashMap<>());
    Optional<NonYieldingLoops.Loop> found = known.get(callee);
    if (found == null) {
      // The summaries' index of declarations first: javac's own lookup searches the whole class.
      MethodTree source = summaries.declaration(callee) instanceof MethodTree m ? m : NonYieldingLoops.sourceOf(callee, state);
      found = source == null ? Optional.empty() : NonYieldingLoops.recursion(source);
      known.put(callee, found);
    }
    return found;
  }

  private static final PerCompilation<java.util.Map<MethodSymbol, Optional<NonYieldingLoops.Loop>>> RECURSION =
      new PerCompilation<>();

  /** The event-loop context of the code at the current path, shared with the other checks. */
  private @org.jspecify.annotations.Nullable EventLoopContext contextOf(Tree tree, VisitorState state) {
    Catalog catalog = config.catalog(state);
    return TransitiveSummaries.of(state, catalog, config).contextOf(tree, state,
        () -> new EventLoopContextResolver(catalog, config).resolve(state.getPath(), state));
  }

  /** A call from event-loop code to a method of the compilation that (transitively) holds such a loop. */
  private Description reportReachedLoop(
      MethodInvocationTree tree, EventLoopContext context, VisitorState state) {
    Catalog catalog = config.catalog(state);
    TransitiveSummaries summaries = TransitiveSummaries.of(state, catalog, config);
    if (!summaries.mayReach(tree) || onCpuScheduler(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    Optional<TransitiveSummaries.Reach> reach = summaries.reachProperty(tree, RULE_ID, state);
    if (reach.isEmpty()) {
      return Description.NO_MATCH;
    }
    String message = NonYieldingLoop.reachedMessage(BlockingCallClassifier.shown(tree, state),
        reach.get().chain(), reach.get().reason(), context, catalog);
    return buildDescription(tree).setMessage(message).build();
  }

  private Description checkLoop(Tree loop, VisitorState state) {
    try {
      EventLoopContext context = contextOf(loop, state);
      if (context == null) {
        return Description.NO_MATCH;
      }
      Tree scope = localScope(state.getPath());
      int bound = config.loopBound(state);
      Optional<NonYieldingLoops.Loop> found = NonYieldingLoops.classify(loop, scope, state, bound);
      if (found.isEmpty() || insideReportedLoop(state.getPath(), scope, state, bound)) {
        return Description.NO_MATCH;
      }
      return report(loop, found.get(), context, state, "");
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, loop, e);
    }
  }

  private Description report(
      Tree tree, NonYieldingLoops.Loop loop, EventLoopContext context, VisitorState state, String prefix) {
    if (onCpuScheduler(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    Catalog catalog = config.catalog(state);
    Description.Builder description =
        buildDescription(tree).setMessage(loop.shape().message(prefix, context, catalog));
    if (loop.definite() && context.definite()) {
      description.overrideSeverity(SeverityLevel.ERROR);
    }
    return description.build();
  }

  /** Whether an enclosing lambda is passed to a CPU scheduler (Reactor parallel(), Rx computation()). */
  private static boolean onCpuScheduler(TreePath path, VisitorState state) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      if ((leaf instanceof LambdaExpressionTree || leaf instanceof MemberReferenceTree)
          && CpuSchedulers.runsOnCpuScheduler(current, state)) {
        return true;
      }
    }
    return false;
  }

  /** A loop nested in a loop that is itself reported: one finding per nest. */
  private static boolean insideReportedLoop(TreePath path, Tree scope, VisitorState state, int bound) {
    for (TreePath current = path.getParentPath(); current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      if (leaf instanceof LambdaExpressionTree) {
        // Only the body of a forEach loop belongs to an enclosing loop.
        TreePath parent = current.getParentPath();
        if (parent == null || !(parent.getLeaf() instanceof MethodInvocationTree call)
            || NonYieldingLoops.classifyForEach(call, scope, state, bound).isEmpty()) {
          return false;
        }
        return true;
      }
      if (NonYieldingLoops.isLoop(leaf) && NonYieldingLoops.classify(leaf, scope, state, bound).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Where local declarations are looked up: the enclosing method, or the class for initialisers. */
  private static Tree localScope(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree || current.getLeaf() instanceof ClassTree) {
        return current.getLeaf();
      }
    }
    return path.getCompilationUnit();
  }
}
