package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.Finding;
import dev.asynclint.core.NonYieldingLoop;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A CPU loop on event-loop code that never gives the loop back: spin loops and endless loops are
 * definite (ERROR when the context is definite); data-sized loops doing real work per iteration,
 * calls to self-recursive methods of the sources, and calls that reach such a loop through the
 * sources' methods (with the chain, as the blocking rules report) are likely (WARNING). Loop shapes come from
 * {@link NonYieldingLoops}, where the code runs from the {@link EventLoopContextResolver} the
 * blocking rules use. See {@code docs/rules/NonYieldingLoopInEventLoop.md}.
 */
final class NonYieldingLoopInEventLoop implements SourceRule {
  @Override
  public Rule rule() {
    return Rule.NON_YIELDING_LOOP_IN_EVENT_LOOP;
  }

  /**
   * "Contains a loop that never yields", followed through calls by the transitive summaries as the
   * Error Prone engine does: a handler that calls a helper with such a loop is reported at the call.
   */
  @Override
  public Optional<TransitiveSummaries.MethodProperty> followedProperty(TypeHierarchy types, ScanOptions options) {
    int bound = options.rules().loopBound();
    return Optional.of(method -> {
      try {
        CallResolver calls = new CallResolver(); // the method may be in any file: no file's state
        List<NonYieldingLoops.Loop> loops = new NonYieldingLoops(calls, new ExpressionTypes(calls), types, bound)
            .find(method);
        return loops.isEmpty() ? null : loops.get(0).shape().reachedBy();
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return null; // never lose the method's blocking summary to a loop the solver chokes on
      }
    });
  }

  @Override
  public void check(SourceFile file, Consumer<Finding> findings) {
    NonYieldingLoops loops = new NonYieldingLoops(file);
    file.unit().walk(node -> {
      if (!NonYieldingLoops.isLoop(node) && !(node instanceof MethodCallExpr)) {
        return;
      }
      try {
        // Where the code runs is memoised per enclosing callable, and most code runs on no event
        // loop, so asking that first spares classifying most loops and calls.
        Optional<EventLoopContext> context = file.contexts().resolve(node);
        if (context.isEmpty() || Annotations.suppressed(node, rule().id())
            || CpuSchedulers.enclosingCallableRunsOnCpu(node, file.calls())) {
          return; // parallel() and computation() are where CPU work belongs
        }
        found(node, loops, file).ifPresent(found -> findings.accept(finding(file, found, context.get())));
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        file.calls().countFailure(); // one shape the solver chokes on never stops the file
      }
    });
  }

  /** A loop here ({@code loop}), or a {@code call} that reaches one through the sources' methods. */
  private record Found(Node at, NonYieldingLoop loop, String prefix, MethodCallExpr call,
      TransitiveSummaries.Reach reached) {
    Found(Node at, NonYieldingLoop loop, String prefix) {
      this(at, loop, prefix, null, null);
    }
  }

  private static Optional<Found> found(Node node, NonYieldingLoops loops, SourceFile file) {
    Node scope = NonYieldingLoops.localScope(node);
    if (NonYieldingLoops.isLoop(node)) {
      return loops.classify(node, scope)
          .filter(loop -> !insideReportedLoop(node, scope, loops))
          .map(loop -> new Found(node, loop.shape(), ""));
    }
    MethodCallExpr call = (MethodCallExpr) node;
    Optional<NonYieldingLoops.Loop> forEach = loops.classifyForEach(call, scope);
    if (forEach.isPresent()) {
      return insideReportedLoop(node, scope, loops) ? Optional.empty()
          : Optional.of(new Found(call.getName(), forEach.get().shape(), ""));
    }
    Optional<Found> recursion = recursion(call, loops).map(loop -> new Found(call.getName(), loop.shape(),
        "`" + NonYieldingLoops.source(call) + "` recurses: "));
    return recursion.isPresent() ? recursion : reached(call, loops, file);
  }

  /** A call to a method of the sources that (through others) holds a loop that never yields. */
  private static Optional<Found> reached(MethodCallExpr call, NonYieldingLoops loops, SourceFile file) {
    Optional<CallableDeclaration> enclosing = call.findAncestor(CallableDeclaration.class);
    if (enclosing.isPresent() && enclosing.get().getNameAsString().equals(call.getNameAsString())
        && loops.resolvesTo(call, enclosing.get())) {
      return Optional.empty(); // a method calling itself: its recursion is reported where it is entered
    }
    return file.reachedProperty(call, Rule.NON_YIELDING_LOOP_IN_EVENT_LOOP.id())
        .map(reach -> new Found(call.getName(), null, "", call, reach));
  }

  /** A call from event-loop code to a method of the sources that calls itself. */
  private static Optional<NonYieldingLoops.Loop> recursion(MethodCallExpr call, NonYieldingLoops loops) {
    if (call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Optional<CallableDeclaration> enclosing = call.findAncestor(CallableDeclaration.class);
    if (enclosing.isPresent() && enclosing.get().getNameAsString().equals(call.getNameAsString())
        && loops.resolvesTo(call, enclosing.get())) {
      return Optional.empty(); // the recursive call itself: reported where it is entered
    }
    if (!loops.mayRecurse(call)) {
      return Optional.empty();
    }
    Optional<Callable> callee = loops.callee(call);
    if (callee.isEmpty()) {
      return Optional.empty();
    }
    Optional<Node> source = callee.get().declaration().toAst();
    return source.isPresent() && source.get() instanceof CallableDeclaration<?> method
        ? loops.recursion(method) : Optional.empty();
  }

  /** A loop nested in a loop that is itself reported: one finding per nest. */
  private static boolean insideReportedLoop(Node node, Node scope, NonYieldingLoops loops) {
    for (Node current = node.getParentNode().orElse(null); current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>
          || (current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent())) {
        return false;
      }
      if (current instanceof LambdaExpr) {
        // Only the body of a forEach loop belongs to an enclosing loop.
        return current.getParentNode().orElse(null) instanceof MethodCallExpr call
            && loops.classifyForEach(call, scope).isPresent();
      }
      if (NonYieldingLoops.isLoop(current) && loops.classify(current, scope).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Finding finding(SourceFile file, Found found, EventLoopContext context) {
    if (found.reached() != null) {
      TransitiveSummaries.Reach reach = found.reached();
      return new Finding(Rule.NON_YIELDING_LOOP_IN_EVENT_LOOP.id(), Severity.WARNING, file.path(),
          found.at().getBegin().map(p -> p.line).orElse(0), found.at().getBegin().map(p -> p.column).orElse(0),
          NonYieldingLoop.reachedMessage(BlockingCallClassifier.shown(found.call()),
              reach.chain(), reach.reason(), context, file.catalog()),
          context.reason(), reach.chain(), NonYieldingLoop.fix(context, file.catalog()));
    }
    NonYieldingLoop loop = found.loop();
    Severity severity = loop.definite() && context.definite() ? Severity.ERROR : Severity.WARNING;
    String fix = loop.kind() == NonYieldingLoop.Kind.SPIN
        ? "react to the change instead of polling (a listener: addListener, onComplete, whenComplete), or schedule a re-check with a timer"
        : NonYieldingLoop.fix(context, file.catalog());
    return new Finding(Rule.NON_YIELDING_LOOP_IN_EVENT_LOOP.id(), severity, file.path(),
        found.at().getBegin().map(p -> p.line).orElse(0), found.at().getBegin().map(p -> p.column).orElse(0),
        loop.message(found.prefix(), context, file.catalog()), context.reason(), List.of(), fix);
  }
}
