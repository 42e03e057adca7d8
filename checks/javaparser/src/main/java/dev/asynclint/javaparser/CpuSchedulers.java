package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.asynclint.core.MethodPattern;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Schedulers that exist for CPU work — Reactor's {@code Schedulers.parallel()} and RxJava's
 * {@code Schedulers.computation()} — where a long CPU loop is the intended use, not a finding.
 * The same shapes as the Error Prone engine's {@code CpuSchedulers}; only the loop rule asks.
 */
final class CpuSchedulers {
  private static final List<MethodPattern> CPU_SCHEDULERS = List.of(
      MethodPattern.parse("reactor.core.scheduler.Schedulers#parallel,newParallel"),
      MethodPattern.parse("io.reactivex.rxjava3.schedulers.Schedulers#computation"));

  /** Operators after which the rest of the chain runs on the given scheduler. */
  private static final Set<String> EMIT_ON = Set.of("publishOn", "observeOn", "runOn");

  private static final Set<String> SUBSCRIBE_ON = Set.of("subscribeOn");

  /** Scheduler (and worker) methods that run a task on the scheduler. */
  private static final Set<String> SCHEDULE = Set.of(
      "schedule", "schedulePeriodically", "scheduleDirect", "schedulePeriodicallyDirect");

  private CpuSchedulers() {}

  /** Whether a lambda or method reference around {@code node} (inside its method) runs on a CPU scheduler. */
  static boolean enclosingCallableRunsOnCpu(Node node, CallResolver calls) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>
          || (current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent())) {
        return false;
      }
      if ((current instanceof LambdaExpr || current instanceof MethodReferenceExpr)
          && runsOnCpuScheduler(current, calls)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the lambda or method reference runs on a CPU scheduler: scheduled on one, or an
   * operator argument in a chain whose nearest upstream publishOn/observeOn/runOn names one, or,
   * with no such operator upstream, a subscribeOn of the chain does.
   */
  static boolean runsOnCpuScheduler(Node callable, CallResolver calls) {
    Node parent = callable.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    if (!(parent instanceof MethodCallExpr operator)) {
      return false;
    }
    String name = operator.getNameAsString();
    Optional<Expression> receiver = operator.getScope();
    if (SCHEDULE.contains(name) && receiver.isPresent()) {
      Expression scheduler = strip(receiver.get());
      if (scheduler instanceof MethodCallExpr worker && worker.getNameAsString().equals("createWorker")
          && worker.getScope().isPresent()) {
        scheduler = worker.getScope().get();
      }
      if (isCpuScheduler(scheduler, calls)) {
        return true;
      }
    }
    Boolean subscribedOnCpu = null;
    for (Expression upstream = receiver.orElse(null); upstream instanceof MethodCallExpr call;
        upstream = call.getScope().orElse(null)) {
      String step = call.getNameAsString();
      if (EMIT_ON.contains(step)) {
        return call.getArguments().isNonEmpty() && isCpuScheduler(call.getArgument(0), calls);
      }
      if (SUBSCRIBE_ON.contains(step) && subscribedOnCpu == null && call.getArguments().isNonEmpty()) {
        subscribedOnCpu = isCpuScheduler(call.getArgument(0), calls);
      }
    }
    // Downstream: the calls this operator's result is the receiver of.
    Node current = operator;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr next
        && next.getScope().orElse(null) == current) {
      String step = next.getNameAsString();
      if (EMIT_ON.contains(step)) {
        break; // later operators move; this one still runs where the chain is subscribed
      }
      if (SUBSCRIBE_ON.contains(step) && subscribedOnCpu == null && next.getArguments().isNonEmpty()) {
        subscribedOnCpu = isCpuScheduler(next.getArgument(0), calls);
      }
      current = next;
    }
    return Boolean.TRUE.equals(subscribedOnCpu);
  }

  private static boolean isCpuScheduler(Expression expression, CallResolver calls) {
    if (!(strip(expression) instanceof MethodCallExpr call)) {
      return false;
    }
    Optional<Callable> callee = calls.resolve(call);
    if (callee.isEmpty()) {
      return false;
    }
    for (MethodPattern pattern : CPU_SCHEDULERS) {
      if (pattern.matchesName(callee.get().name()) && pattern.owner().equals(callee.get().declaringType())) {
        return true;
      }
    }
    return false;
  }

  private static Expression strip(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr enclosed) {
      current = enclosed.getInner();
    }
    return current;
  }
}
