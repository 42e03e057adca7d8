package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EmptyStatementTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import dev.asynclint.core.MethodPattern;
import dev.asynclint.core.LoopWork;
import dev.asynclint.core.NonYieldingLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Finds CPU loops that never give the thread back: spin loops and busy-waits, {@code while (true)}
 * with no way out (both definite), and loops whose trip count comes from data and that do real
 * work on every iteration, and self-recursion over data (both likely). It does not decide where
 * the code runs: {@link NonYieldingLoopInEventLoop} asks {@link EventLoopContextResolver}, and
 * transitive summaries can call {@link #find} on any method a loop-bound call reaches.
 */
final class NonYieldingLoops {
  private static final int MAX_DEPTH = 4;

  private NonYieldingLoops() {}

  /**
   * A loop (or a self-recursive method) that holds its thread for as long as it runs; its shape
   * and wording are {@link NonYieldingLoop}'s, shared with the source scanner.
   */
  record Loop(Tree tree, NonYieldingLoop.Kind kind, String bound, String work) {
    NonYieldingLoop shape() {
      return new NonYieldingLoop(kind, bound, work);
    }

    boolean definite() {
      return shape().definite();
    }

    /** "This loop busy-waits on `!f.isDone()` doing nothing but `Thread.onSpinWait()`". */
    String describe() {
      return shape().describe();
    }
  }

  /**
   * The non-yielding loops directly in {@code method}'s body, with the default constant bound; see
   * {@link #find(MethodTree, VisitorState, int)}. Callers with an {@link AsyncLintConfig} should
   * pass {@code config.loopBound(state)} to honour {@code -XepOpt:AsyncLint:LoopBound}.
   */
  static List<Loop> find(MethodTree method, VisitorState state) {
    return find(method, state, AsyncLintConfig.DEFAULT_LOOP_BOUND);
  }

  /**
   * The non-yielding loops directly in {@code method}'s body and the method's own recursion, if
   * any. Loops inside lambdas and nested classes are left out: they run wherever they are passed.
   * A loop nested in a reported loop is not reported again.
   */
  static List<Loop> find(MethodTree method, VisitorState state, int constantBound) {
    List<Loop> found = new ArrayList<>();
    if (method.getBody() == null) {
      return found;
    }
    MethodSymbol self = ASTHelpers.getSymbol(method);
    boolean[] callsItself = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree instanceof LambdaExpressionTree || tree instanceof ClassTree) {
          return null;
        }
        Optional<Loop> loop = Optional.empty();
        if (isLoop(tree)) {
          loop = classify(tree, method, state, constantBound);
        } else if (tree instanceof MethodInvocationTree call) {
          loop = classifyForEach(call, method, state, constantBound);
          callsItself[0] |= self != null && ASTHelpers.getSymbol(call) == self;
        }
        if (loop.isPresent()) {
          found.add(loop.get());
          return null;
        }
        return super.scan(tree, unused);
      }
    }.scan(method.getBody(), null);
    // With no loop found the scan saw every call outside lambdas and nested classes, as the
    // recursion search would: without a self-call among them, that search can be skipped.
    if (!found.isEmpty() || callsItself[0]) {
      recursion(method).ifPresent(found::add);
    }
    return found;
  }

  static boolean isLoop(@Nullable Tree tree) {
    return tree instanceof WhileLoopTree || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree || tree instanceof EnhancedForLoopTree;
  }

  /**
   * Whether {@code loop} never yields, and why. {@code localScope} is searched for the
   * declarations of local variables the loop iterates over (to recognise small constant arrays).
   */
  static Optional<Loop> classify(Tree loop, Tree localScope, VisitorState state, int constantBound) {
    ExpressionTree condition = condition(loop);
    StatementTree body = body(loop);
    boolean alwaysTrue = !(loop instanceof EnhancedForLoopTree)
        && (condition == null || Boolean.TRUE.equals(ASTHelpers.constValue(condition, Boolean.class)));
    if (alwaysTrue && !hasExit(loop, body)) {
      return Optional.of(new Loop(loop, NonYieldingLoop.Kind.ENDLESS,
          loop instanceof ForLoopTree ? "for (;;)" : loop instanceof DoWhileLoopTree ? "do ... while (true)" : "while (true)",
          ""));
    }
    Optional<Loop> spin = spin(loop, condition, body, alwaysTrue, state);
    if (spin.isPresent() || alwaysTrue) {
      return spin; // other while (true) loops end by break: their trip count is not known here
    }
    Bound bound = bound(loop, localScope, state);
    if (bound == null || (bound.count() != null && bound.count() <= constantBound)) {
      return Optional.empty();
    }
    String work = heavyWork(body, localScope, state, bound.count() == null);
    if (work == null) {
      return Optional.empty();
    }
    String shown = bound.count() != null
        ? NonYieldingLoop.constantTimes(bound.count(), constantBound)
        : bound.shown();
    return Optional.of(new Loop(loop, NonYieldingLoop.Kind.DATA_SIZED, shown, work));
  }

  /**
   * {@code items.forEach(x -> ...)} on an {@code Iterable}, {@code Map} or {@code Stream}: a loop
   * whose body is the lambda (or method reference), judged like an enhanced for loop.
   */
  static Optional<Loop> classifyForEach(
      MethodInvocationTree call, Tree localScope, VisitorState state, int constantBound) {
    if (!mayBeForEach(call) || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
        || !LoopWork.FOR_EACH.contains(method.getSimpleName().toString())
        || call.getArguments().size() != 1) {
      return Optional.empty();
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    com.sun.tools.javac.code.Type receiverType = receiver == null ? null : ASTHelpers.getType(receiver);
    if (receiverType == null || !(CatalogLookup.isSubtype(receiverType, "java.lang.Iterable", state)
        || CatalogLookup.isSubtype(receiverType, "java.util.Map", state)
        || CatalogLookup.isSubtype(receiverType, "java.util.stream.BaseStream", state))) {
      return Optional.empty();
    }
    Long size = fixedSize(receiver, localScope, state, 0);
    if (size != null && size <= constantBound) {
      return Optional.empty();
    }
    ExpressionTree action = ASTHelpers.stripParentheses(call.getArguments().get(0));
    String work;
    if (action instanceof LambdaExpressionTree lambda) {
      work = heavyWork(lambda.getBody(), localScope, state, size == null);
    } else if (action instanceof com.sun.source.tree.MemberReferenceTree reference) {
      Symbol target = ASTHelpers.getSymbol(reference);
      work = target == null || isCheapName(target)
          || (size == null && !(target instanceof MethodSymbol m && isWork(m, state, 0)))
          ? null : "calls `" + sourceOf(reference, state) + "`";
    } else {
      work = null; // a Consumer object: what it does is not visible here
    }
    if (work == null) {
      return Optional.empty();
    }
    String shown = size != null
        ? NonYieldingLoop.constantTimes(size, constantBound)
        : NonYieldingLoop.perElement(sourceOf(receiver, state));
    return Optional.of(new Loop(call, NonYieldingLoop.Kind.DATA_SIZED, shown, work));
  }

  /**
   * {@code x.forEach(action)} by the name written and its single argument, with no type work: the
   * first test for every call the loop rule and the summaries see.
   */
  static boolean mayBeForEach(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    javax.lang.model.element.Name name = select instanceof MemberSelectTree member ? member.getIdentifier()
        : select instanceof IdentifierTree id ? id.getName() : null;
    if (name == null) {
      return false;
    }
    for (String forEach : FOR_EACH) {
      if (name.contentEquals(forEach)) {
        return call.getArguments().size() == 1;
      }
    }
    return false;
  }

  /** {@link LoopWork#FOR_EACH} as an array: looping over it allocates nothing. */
  private static final String[] FOR_EACH = LoopWork.FOR_EACH.toArray(new String[0]);

  /**
   * Self-recursion over data: a method with parameters that calls itself with other arguments. A
   * self-call handing on its own parameters unchanged and in order (`actual.update(options)`,
   * `return getOrCreate(create)` after a lost compare-and-set) delegates to another receiver or
   * retries; it does not walk smaller data.
   */
  static Optional<Loop> recursion(MethodTree method) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    if (symbol == null || symbol.getParameters().isEmpty() || method.getBody() == null) {
      return Optional.empty();
    }
    // Which parameters are reassigned is asked only of self-calls, which few methods have.
    var reassigned = new Object() {
      @Nullable Set<Symbol> value;
    };
    Tree[] call = {null};
    new TreeScanner<Void, Void>() {
      // A self-call in a lambda or nested class runs later (a retry in a callback, a task given to
      // an executor), not on this stack: that is re-scheduling, not recursion.
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (call[0] == null && ASTHelpers.getSymbol(tree) == symbol) {
          if (reassigned.value == null) {
            reassigned.value = assignedIn(method.getBody());
          }
          if (!passesItsOwnParameters(tree, symbol, reassigned.value)) {
            call[0] = tree;
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(method.getBody(), null);
    if (call[0] == null) {
      return Optional.empty();
    }
    return Optional.of(new Loop(call[0], NonYieldingLoop.Kind.RECURSION,
        "`" + symbol.getSimpleName() + "` calls itself", ""));
  }

  /** Whether every argument of {@code call} is {@code method}'s own parameter, never reassigned, in order. */
  private static boolean passesItsOwnParameters(
      MethodInvocationTree call, MethodSymbol method, Set<Symbol> reassigned) {
    List<VarSymbol> parameters = method.getParameters();
    if (call.getArguments().size() != parameters.size()) {
      return false;
    }
    for (int i = 0; i < parameters.size(); i++) {
      ExpressionTree argument = ASTHelpers.stripParentheses(call.getArguments().get(i));
      if (!(argument instanceof IdentifierTree)
          || ASTHelpers.getSymbol(argument) != parameters.get(i)
          || reassigned.contains(parameters.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The variables assigned, compound-assigned, incremented or decremented anywhere in {@code body}. */
  private static Set<Symbol> assignedIn(Tree body) {
    Set<Symbol> assigned = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        add(tree.getVariable());
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        add(tree.getVariable());
        return super.visitCompoundAssignment(tree, unused);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> add(tree.getExpression());
          default -> { }
        }
        return super.visitUnary(tree, unused);
      }

      private void add(ExpressionTree variable) {
        Symbol target = ASTHelpers.getSymbol(variable);
        if (target != null) {
          assigned.add(target);
        }
      }
    }.scan(body, null);
    return assigned;
  }

  /** The source of {@code method}, when it is compiled in this compilation. */
  static @Nullable MethodTree sourceOf(MethodSymbol method, VisitorState state) {
    JCTree tree = JavacTrees.instance(state.context).getTree(method);
    return tree instanceof MethodTree m ? m : null;
  }

  // ------------------------------------------------------------------------------ spin loops

  private static Optional<Loop> spin(
      Tree loop, @Nullable ExpressionTree condition, StatementTree body, boolean alwaysTrue, VisitorState state) {
    if (loop instanceof EnhancedForLoopTree
        || (loop instanceof ForLoopTree forLoop && !forLoop.getUpdate().isEmpty())) {
      return Optional.empty();
    }
    List<StatementTree> statements = flatten(body);
    List<String> spins = new ArrayList<>();
    List<ExpressionTree> polled = new ArrayList<>();
    if (!alwaysTrue && condition != null) {
      polled.add(ASTHelpers.stripParentheses(condition));
    }
    for (StatementTree statement : statements) {
      if (statement instanceof EmptyStatementTree) {
        continue;
      }
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call && isSpinHint(call, state)) {
        spins.add("`" + sourceOf(call, state) + "`");
        continue;
      }
      if (statement instanceof IfTree exit && exit.getElseStatement() == null
          && isExitOnly(exit.getThenStatement())) {
        polled.add(ASTHelpers.stripParentheses(exit.getCondition()));
        continue;
      }
      return Optional.empty();
    }
    if (polled.isEmpty() || polled.stream().anyMatch(c -> hasSideEffects(c, state))) {
      // A counting loop (while (i++ < n);) or a search (while (it.hasNext() && it.next() != x);)
      // walks data; it does not poll.
      return Optional.empty();
    }
    List<String> shown = polled.stream().map(c -> "`" + sourceOf(c, state) + "`").toList();
    return Optional.of(new Loop(loop, NonYieldingLoop.Kind.SPIN,
        "on " + String.join(" and ", shown),
        spins.isEmpty() ? "spinning (its body is empty)" : String.join(" and ", spins)));
  }

  private static boolean isSpinHint(MethodInvocationTree call, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    return symbol != null && symbol.isStatic()
        && symbol.owner.getQualifiedName().contentEquals("java.lang.Thread")
        && (symbol.getSimpleName().contentEquals("onSpinWait") || symbol.getSimpleName().contentEquals("yield"));
  }

  /** A branch that ends by leaving the method or the loop: return, throw or break. */
  private static boolean leaves(StatementTree statement) {
    List<StatementTree> statements = flatten(statement);
    if (statements.isEmpty()) {
      return false;
    }
    StatementTree last = statements.get(statements.size() - 1);
    return last instanceof ReturnTree || last instanceof ThrowTree || last instanceof BreakTree;
  }

  private static boolean isExitOnly(StatementTree statement) {
    List<StatementTree> statements = flatten(statement);
    return statements.size() == 1
        && (statements.get(0) instanceof BreakTree || statements.get(0) instanceof ReturnTree);
  }

  private static boolean hasSideEffects(ExpressionTree expression, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> found[0] = true;
          default -> { }
        }
        return super.visitUnary(tree, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        Symbol method = ASTHelpers.getSymbol(tree);
        if (method != null && LoopWork.ITERATION_CALLS.contains(method.getSimpleName().toString())) {
          found[0] = true;
        }
        // while (hasItems() && !drainLoop()): a method of this compilation that is not a query
        // does the work itself (r2dbc's tryDrainLoop); a busy-wait only reads state.
        if (method instanceof MethodSymbol own && !isCheapName(own) && sourceOf(own, state) != null) {
          found[0] = true;
        }
        return super.visitMethodInvocation(tree, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(expression, null);
    return found[0];
  }

  /**
   * Whether anything in the body leaves the loop: a break or continue aimed at or beyond it, a
   * return, or a throw. Lambdas and nested classes do not count: their returns leave them, not us.
   */
  private static boolean hasExit(Tree loop, StatementTree body) {
    Set<Tree> inner = new HashSet<>();
    boolean[] exits = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || exits[0] || tree instanceof LambdaExpressionTree || tree instanceof ClassTree) {
          return null;
        }
        if (isLoop(tree) || tree instanceof SwitchTree || tree instanceof SwitchExpressionTree
            || tree instanceof LabeledStatementTree) {
          inner.add(tree);
          if (tree instanceof LabeledStatementTree labeled) {
            inner.add(labeled.getStatement());
          }
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        JCTree target = ((JCTree.JCBreak) tree).target;
        if (target == null || !inner.contains(target)) {
          exits[0] = true;
        }
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree tree, Void unused) {
        JCTree target = ((JCTree.JCContinue) tree).target;
        if (target != null && target != loop && !inner.contains(target)) {
          exits[0] = true;
        }
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        exits[0] = true;
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        exits[0] = true;
        return null;
      }
    }.scan(body, null);
    return exits[0];
  }

  // ---------------------------------------------------------------------------- trip counts

  /** A loop's trip count: a known constant, or where it comes from, for the message. */
  private record Bound(@Nullable Long count, String shown) {}

  private static @Nullable Bound bound(Tree loop, Tree localScope, VisitorState state) {
    if (loop instanceof EnhancedForLoopTree each) {
      ExpressionTree over = ASTHelpers.stripParentheses(each.getExpression());
      Long size = fixedSize(over, localScope, state, 0);
      return new Bound(size, NonYieldingLoop.perElement(sourceOf(over, state)));
    }
    ExpressionTree condition = ASTHelpers.stripParentheses(condition(loop));
    if (condition instanceof BinaryTree comparison && isComparison(comparison)) {
      Set<Symbol> counters = counters(loop, comparison);
      ExpressionTree left = ASTHelpers.stripParentheses(comparison.getLeftOperand());
      ExpressionTree right = ASTHelpers.stripParentheses(comparison.getRightOperand());
      ExpressionTree limit = counters.contains(ASTHelpers.getSymbol(left)) ? right
          : counters.contains(ASTHelpers.getSymbol(right)) ? left : null;
      if (limit != null) {
        Symbol counter = ASTHelpers.getSymbol(limit == right ? left : right);
        ExpressionTree start = loop instanceof ForLoopTree forLoop ? startOf(forLoop, counter) : null;
        if (start == null && counter != null) {
          VariableTree declaration = declarationIn(localScope, counter);
          start = declaration == null ? null : declaration.getInitializer();
        }
        Long end = fixedSize(limit, localScope, state, 0);
        Long begin = fixedSize(start, localScope, state, 0);
        if (end != null && begin != null) {
          return new Bound(Math.abs(end - begin), "");
        }
        if (end == null) {
          return new Bound(null, "`" + sourceOf(limit, state) + "` times");
        }
        return new Bound(null, start != null ? "`" + sourceOf(start, state) + "` times"
            : "as many times as the value of `" + counter.getSimpleName() + "`");
      }
    }
    return new Bound(null, "for as long as `" + sourceOf(condition, state) + "` holds");
  }

  private static boolean isComparison(BinaryTree tree) {
    return switch (tree.getKind()) {
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, NOT_EQUAL_TO -> true;
      default -> false;
    };
  }

  /** The loop's counter variables: declared in a for's initializer, or any local in a while's condition. */
  private static Set<Symbol> counters(Tree loop, BinaryTree comparison) {
    Set<Symbol> counters = new HashSet<>();
    if (loop instanceof ForLoopTree forLoop) {
      for (StatementTree init : forLoop.getInitializer()) {
        if (init instanceof VariableTree variable) {
          counters.add(ASTHelpers.getSymbol(variable));
        } else if (init instanceof ExpressionStatementTree expression
            && expression.getExpression() instanceof AssignmentTree assignment) {
          counters.add(ASTHelpers.getSymbol(assignment.getVariable()));
        }
      }
    } else {
      for (ExpressionTree side : List.of(comparison.getLeftOperand(), comparison.getRightOperand())) {
        Symbol symbol = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(side));
        if (symbol instanceof VarSymbol variable && variable.getKind() == ElementKind.LOCAL_VARIABLE) {
          counters.add(symbol);
          break;
        }
      }
    }
    counters.remove(null);
    return counters;
  }

  private static @Nullable ExpressionTree startOf(ForLoopTree loop, @Nullable Symbol counter) {
    for (StatementTree init : loop.getInitializer()) {
      if (init instanceof VariableTree variable && ASTHelpers.getSymbol(variable) == counter) {
        return variable.getInitializer();
      }
      if (init instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof AssignmentTree assignment
          && ASTHelpers.getSymbol(assignment.getVariable()) == counter) {
        return assignment.getExpression();
      }
    }
    return null;
  }

  /**
   * The value of a constant number, or the size of a collection, array or string that is fixed in
   * the source ({@code {1, 2, 3}}, {@code List.of(a, b)}, {@code Color.values()}, a final local or
   * field holding one, its {@code length} or {@code size()}); null when it comes from data.
   */
  static @Nullable Long fixedSize(@Nullable ExpressionTree tree, Tree localScope, VisitorState state, int depth) {
    if (tree == null || depth > MAX_DEPTH) {
      return null;
    }
    ExpressionTree expression = ASTHelpers.stripParentheses(tree);
    Object constant = ASTHelpers.constValue(expression);
    if (constant instanceof Number number) {
      return number.longValue();
    }
    if (constant instanceof Character character) {
      return (long) character;
    }
    if (constant instanceof String string) {
      return (long) string.length();
    }
    if (expression instanceof BinaryTree arithmetic) {
      Long left = fixedSize(arithmetic.getLeftOperand(), localScope, state, depth + 1);
      Long right = fixedSize(arithmetic.getRightOperand(), localScope, state, depth + 1);
      if (left == null || right == null) {
        return null;
      }
      return switch (arithmetic.getKind()) {
        case PLUS -> left + right;
        case MINUS -> left - right;
        case MULTIPLY -> left * right;
        case DIVIDE -> right == 0 ? null : left / right;
        default -> null;
      };
    }
    if (expression instanceof NewArrayTree array) {
      if (array.getInitializers() != null) {
        return (long) array.getInitializers().size();
      }
      return array.getDimensions().size() == 1
          ? fixedSize(array.getDimensions().get(0), localScope, state, depth + 1) : null;
    }
    if (expression instanceof MemberSelectTree select && select.getIdentifier().contentEquals("length")
        && ASTHelpers.getSymbol(select) instanceof VarSymbol) {
      return fixedSize(select.getExpression(), localScope, state, depth + 1); // array.length
    }
    if (expression instanceof MethodInvocationTree call) {
      return fixedSizeOfCall(call, localScope, state, depth);
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (symbol instanceof VarSymbol variable
        && (expression instanceof IdentifierTree || expression instanceof MemberSelectTree)
        && (variable.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0) {
      ExpressionTree initializer = initializerOf(variable, localScope, state);
      return fixedSize(initializer, localScope, state, depth + 1);
    }
    return null;
  }

  private static @Nullable Long fixedSizeOfCall(
      MethodInvocationTree call, Tree localScope, VisitorState state, int depth) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return null;
    }
    String name = method.getSimpleName().toString();
    String owner = method.owner.getQualifiedName().toString();
    if (method.isStatic() && name.equals("min") && owner.equals("java.lang.Math")) {
      Long smallest = null; // Math.min(data, 16) is at most 16
      for (ExpressionTree argument : call.getArguments()) {
        Long size = fixedSize(argument, localScope, state, depth + 1);
        if (size != null && (smallest == null || size < smallest)) {
          smallest = size;
        }
      }
      return smallest;
    }
    if (method.isStatic() && (name.equals("of") || name.equals("asList"))
        && (owner.equals("java.util.List") || owner.equals("java.util.Set") || owner.equals("java.util.Arrays")
            || owner.equals("java.util.EnumSet") || owner.equals("java.util.stream.Stream"))) {
      if (call.getArguments().size() == 1 && method.isVarArgs()
          && ASTHelpers.getType(call.getArguments().get(0)) instanceof com.sun.tools.javac.code.Type.ArrayType) {
        return fixedSize(call.getArguments().get(0), localScope, state, depth + 1);
      }
      return (long) call.getArguments().size();
    }
    if (method.isStatic() && name.equals("values") && call.getArguments().isEmpty()
        && (method.owner.flags() & Flags.ENUM) != 0) {
      return method.owner.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).count();
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver != null && call.getArguments().isEmpty()
        && (name.equals("size") || name.equals("length") || name.equals("toCharArray")
            || name.equals("clone") || name.equals("getBytes") || name.equals("stream")
            || name.equals("keySet") || name.equals("values") || name.equals("entrySet"))) {
      return fixedSize(receiver, localScope, state, depth + 1);
    }
    return null;
  }

  private static @Nullable ExpressionTree initializerOf(VarSymbol variable, Tree localScope, VisitorState state) {
    VariableTree declaration = declarationIn(localScope, variable);
    if (declaration == null && variable.getKind() == ElementKind.FIELD) {
      JCTree tree = JavacTrees.instance(state.context).getTree(variable);
      declaration = tree instanceof VariableTree v ? v : null;
    }
    if (declaration == null && state.getPath() != null) {
      declaration = declarationIn(state.getPath().getCompilationUnit(), variable);
    }
    return declaration == null ? null : declaration.getInitializer();
  }

  private static @Nullable VariableTree declarationIn(Tree scope, Symbol variable) {
    VariableTree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] != null ? null : super.scan(tree, unused);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == variable) {
          found[0] = tree;
          return null;
        }
        return super.visitVariable(tree, unused);
      }
    }.scan(scope, null);
    return found[0];
  }

  // ----------------------------------------------------------------------- work per iteration

  /**
   * What makes one iteration heavy, for the message ("calls `md.update(b)`", "runs a nested loop
   * once per element of `row`"), or null when the body only does cheap things (getters, accessors,
   * arithmetic, collection add/put, StringBuilder append).
   */
  private static @Nullable String heavyWork(Tree body, Tree localScope, VisitorState state, boolean dataSized) {
    String[] nested = {null};
    String[] call = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || nested[0] != null || tree instanceof LambdaExpressionTree || tree instanceof ClassTree) {
          return null;
        }
        if (isLoop(tree)) {
          Bound inner = bound(tree, localScope, state);
          // Under a data-sized loop, a nested one counts when it does work itself: walking a
          // multimap's values (query parameters, Vary headers) is linear in the leaves.
          if (inner != null && inner.count() == null
              && (!dataSized || heavyWork(body(tree), localScope, state, true) != null)) {
            nested[0] = "runs a nested loop " + inner.shown();
            return null;
          }
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitIf(IfTree tree, Void unused) {
        // if (mismatch) { end(ctx); return; }: what runs on the way out runs once, not per item.
        scan(tree.getCondition(), unused);
        if (!leaves(tree.getThenStatement())) {
          scan(tree.getThenStatement(), unused);
        }
        if (tree.getElseStatement() != null && !leaves(tree.getElseStatement())) {
          scan(tree.getElseStatement(), unused);
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (call[0] == null && !isCheap(tree, state)
            && (!dataSized || (ASTHelpers.getSymbol(tree) instanceof MethodSymbol m && isWork(m, state, 0)))) {
          call[0] = "calls `" + shownCall(tree, state) + "`";
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(body, null);
    return nested[0] != null ? nested[0] : call[0];
  }

  private static boolean isCheap(MethodInvocationTree call, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return false;
    }
    if (isCheapName(method) || isCallback(method, state) || isBufferAccess(method, state)
        || isFastSplit(call, method)) {
      return true;
    }
    // A record's accessor.
    return call.getArguments().isEmpty() && (method.owner.flags() & Flags.RECORD) != 0
        && method.owner.getEnclosedElements().stream()
            .anyMatch(e -> e.getKind() == ElementKind.RECORD_COMPONENT && e.getSimpleName().equals(method.getSimpleName()));
  }

  private static final int WORK_DEPTH = 2;

  /** Methods of this compilation already judged by {@link #isWork}; weak, so a compilation's symbols go with it. */
  private static final java.util.Map<MethodSymbol, Boolean> WORK_IN_SOURCE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Whether one call of {@code method} is real work (see {@link LoopWork#WORK_TYPES}): a known costly API,
   * or a method compiled here whose body loops over data, recurses, or makes such a call itself
   * (followed {@value #WORK_DEPTH} calls deep).
   */
  static boolean isWork(MethodSymbol method, VisitorState state, int depth) {
    String name = method.getSimpleName().toString();
    String owner = method.owner.getQualifiedName().toString();
    if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) {
      return LoopWork.MATH_WORK.contains(name);
    }
    for (String type : LoopWork.WORK_TYPES) {
      if (CatalogLookup.isSubtype(method.owner.type, type, state)) {
        return true;
      }
    }
    for (MethodPattern pattern : LoopWork.WORK_METHODS) {
      if (pattern.matchesName(name) && CatalogLookup.isSubtype(method.owner.type, pattern.owner(), state)) {
        return true;
      }
    }
    if (depth >= WORK_DEPTH) {
      return false;
    }
    Boolean known = WORK_IN_SOURCE.get(method);
    if (known != null) {
      return known;
    }
    MethodTree source = sourceOf(method, state);
    if (source == null || source.getBody() == null) {
      return false;
    }
    WORK_IN_SOURCE.put(method, false); // a cycle of calls is no evidence
    boolean work = !find(source, state).isEmpty() || callsWork(source.getBody(), state, depth + 1);
    WORK_IN_SOURCE.put(method, work);
    return work;
  }

  private static boolean callsWork(Tree body, VisitorState state, int depth) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || found[0] || tree instanceof LambdaExpressionTree || tree instanceof ClassTree) {
          return null;
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (!isCheap(tree, state) && ASTHelpers.getSymbol(tree) instanceof MethodSymbol m && isWork(m, state, depth)) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * The abstract method of a functional interface ({@code handler.handle(e)}, {@code
   * consumer.accept(x)}, {@code predicate.test(x)}): what it does is not visible here, as for a
   * {@code Consumer} object given to {@code forEach}. A loop that only dispatches to callbacks runs
   * once per registered callback (interceptors, listeners, extensions), not once per datum; the
   * callbacks themselves are judged where they are written.
   */
  private static boolean isCallback(MethodSymbol method, VisitorState state) {
    return (method.flags() & Flags.ABSTRACT) != 0
        && (method.flags() & Flags.DEFAULT) == 0
        && method.owner instanceof Symbol.ClassSymbol owner
        && owner.isInterface()
        && state.getTypes().isFunctionalInterface(owner);
  }

  /**
   * {@code s.split(",")}: String.split on one plain character (or an escaped one) takes a fast path
   * with no regular expression; other separators compile a pattern on every call.
   */
  private static boolean isFastSplit(MethodInvocationTree call, MethodSymbol method) {
    if (!method.getSimpleName().contentEquals("split")
        || !method.owner.getQualifiedName().contentEquals("java.lang.String")
        || call.getArguments().isEmpty()
        || !(ASTHelpers.constValue(call.getArguments().get(0)) instanceof String separator)) {
      return false;
    }
    return (separator.length() == 1 && ".$|()[{^?*+\\".indexOf(separator.charAt(0)) < 0)
        || (separator.length() == 2 && separator.charAt(0) == '\\' && !Character.isLetterOrDigit(separator.charAt(1)));
  }

  private static boolean isBufferAccess(MethodSymbol method, VisitorState state) {
    if (method.isStatic()) {
      return false;
    }
    for (String buffer : LoopWork.BUFFER_TYPES) {
      if (CatalogLookup.isSubtype(method.owner.type, buffer, state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCheapName(Symbol method) {
    String name = method.getSimpleName().toString();
    if (LoopWork.CHEAP_CALLS.contains(name) || isGetterName(name)) {
      return true;
    }
    String owner = method.owner.getQualifiedName().toString();
    if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) {
      return !LoopWork.MATH_WORK.contains(name);
    }
    return owner.equals("java.lang.Character");
  }

  private static boolean isGetterName(String name) {
    for (String prefix : new String[] {"get", "is", "has"}) {
      if (name.equals(prefix) || (name.startsWith(prefix) && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length())))) {
        return true;
      }
    }
    return false;
  }

  private static String shownCall(MethodInvocationTree call, VisitorState state) {
    String select = sourceOf(call.getMethodSelect(), state);
    return select + (call.getArguments().isEmpty() ? "()" : "(...)");
  }

  // -------------------------------------------------------------------------------- shapes

  private static @Nullable ExpressionTree condition(Tree loop) {
    if (loop instanceof WhileLoopTree l) {
      return l.getCondition();
    }
    if (loop instanceof DoWhileLoopTree l) {
      return l.getCondition();
    }
    if (loop instanceof ForLoopTree l) {
      return l.getCondition();
    }
    return null;
  }

  private static StatementTree body(Tree loop) {
    if (loop instanceof WhileLoopTree l) {
      return l.getStatement();
    }
    if (loop instanceof DoWhileLoopTree l) {
      return l.getStatement();
    }
    if (loop instanceof ForLoopTree l) {
      return l.getStatement();
    }
    return ((EnhancedForLoopTree) loop).getStatement();
  }

  private static List<StatementTree> flatten(StatementTree statement) {
    List<StatementTree> out = new ArrayList<>();
    if (statement instanceof BlockTree block) {
      for (StatementTree inner : block.getStatements()) {
        out.addAll(flatten(inner));
      }
    } else if (statement != null) {
      out.add(statement);
    }
    return out;
  }

  static String sourceOf(@Nullable Tree tree, VisitorState state) {
    if (tree == null) {
      return "";
    }
    String source = state.getSourceForNode(tree);
    return Messages.oneLine(source == null ? tree.toString() : source);
  }
}
