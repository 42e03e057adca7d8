package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.asynclint.core.MethodPattern;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Schedulers that exist for CPU work — Reactor's {@code Schedulers.parallel()} and RxJava's
 * {@code Schedulers.computation()} — where a long CPU loop is the intended use, not a finding.
 * Blocking there is still wrong (the blocking rules do not ask this class); only the loop rule does.
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

  /**
   * Whether the lambda or method reference at {@code callablePath} runs on a CPU scheduler: it is
   * scheduled on one ({@code Schedulers.parallel().schedule(...)}), or it is an operator argument
   * in a chain whose nearest upstream {@code publishOn}/{@code observeOn}/{@code runOn} names one,
   * or, with no such operator upstream, a {@code subscribeOn} of the chain does.
   */
  static boolean runsOnCpuScheduler(TreePath callablePath, VisitorState state) {
    TreePath parentPath = callablePath.getParentPath();
    while (parentPath != null
        && (parentPath.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
            || parentPath.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
      parentPath = parentPath.getParentPath();
    }
    if (parentPath == null || !(parentPath.getLeaf() instanceof MethodInvocationTree operator)) {
      return false;
    }
    String name = name(operator);
    ExpressionTree receiver = ASTHelpers.getReceiver(operator);
    if (SCHEDULE.contains(name) && receiver != null) {
      ExpressionTree scheduler = ASTHelpers.stripParentheses(receiver);
      if (scheduler instanceof MethodInvocationTree worker && name(worker).equals("createWorker")) {
        scheduler = ASTHelpers.getReceiver(worker);
      }
      if (isCpuScheduler(scheduler, state)) {
        return true;
      }
    }
    Boolean subscribedOnCpu = null;
    for (ExpressionTree upstream = receiver; upstream instanceof MethodInvocationTree call;
        upstream = ASTHelpers.getReceiver(call)) {
      String step = name(call);
      if (EMIT_ON.contains(step)) {
        return !call.getArguments().isEmpty() && isCpuScheduler(call.getArguments().get(0), state);
      }
      if (SUBSCRIBE_ON.contains(step) && subscribedOnCpu == null && !call.getArguments().isEmpty()) {
        subscribedOnCpu = isCpuScheduler(call.getArguments().get(0), state);
      }
    }
    // Downstream: the calls this operator's result is the receiver of.
    TreePath path = parentPath;
    while (path.getParentPath() != null
        && path.getParentPath().getLeaf() instanceof MemberSelectTree select
        && select.getExpression() == path.getLeaf()
        && path.getParentPath().getParentPath() != null
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree next) {
      String step = name(next);
      if (EMIT_ON.contains(step)) {
        break; // later operators move; this one still runs where the chain is subscribed
      }
      if (SUBSCRIBE_ON.contains(step) && subscribedOnCpu == null && !next.getArguments().isEmpty()) {
        subscribedOnCpu = isCpuScheduler(next.getArguments().get(0), state);
      }
      path = path.getParentPath().getParentPath();
    }
    return Boolean.TRUE.equals(subscribedOnCpu);
  }

  /** Whether the expression is {@code Schedulers.parallel()}, {@code newParallel(...)} or Rx {@code computation()}. */
  static boolean isCpuScheduler(@Nullable ExpressionTree expression, VisitorState state) {
    if (expression == null) {
      return false;
    }
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    if (!(stripped instanceof MethodInvocationTree call)
        || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return false;
    }
    for (MethodPattern pattern : CPU_SCHEDULERS) {
      if (CatalogLookup.matches(pattern, method, null, state)) {
        return true;
      }
    }
    return false;
  }

  private static String name(MethodInvocationTree call) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    return symbol == null ? "" : symbol.getSimpleName().toString();
  }
}
