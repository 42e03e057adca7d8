package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.resolution.declarations.ResolvedEnumDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.symbolsolver.javaparsermodel.declarations.JavaParserFieldDeclaration;
import dev.asynclint.core.MethodPattern;
import dev.asynclint.core.LoopWork;
import dev.asynclint.core.NonYieldingLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The loop shapes of the Error Prone engine's {@code NonYieldingLoops}, over JavaParser trees:
 * spin loops and busy-waits, {@code while (true)} with no way out (definite), loops whose trip
 * count comes from data doing real work on every iteration, and self-recursion (likely). It does
 * not decide where the code runs. Calls it cannot resolve count as neither cheap nor heavy: an
 * unknown never makes a finding.
 */
final class NonYieldingLoops {
  private static final int MAX_DEPTH = 4;

  private static final int WORK_DEPTH = 2;

  /** A loop found at {@code node} (a loop statement, a forEach call, or a recursive call). */
  record Loop(Node node, NonYieldingLoop shape) {}

  private final CallResolver calls;
  private final ExpressionTypes types;
  private final TypeHierarchy hierarchy;
  private final int constantBound;
  /** Methods of the sources already judged by {@link #isWork}, by declaration node. */
  private final java.util.Map<Node, Boolean> workInSource = new java.util.IdentityHashMap<>();

  NonYieldingLoops(SourceFile file) {
    this(file.calls(), file.expressionTypes(), file.matcher().types(), file.options().rules().loopBound());
  }

  NonYieldingLoops(CallResolver calls, ExpressionTypes types, TypeHierarchy hierarchy, int constantBound) {
    this.calls = calls;
    this.types = types;
    this.hierarchy = hierarchy;
    this.constantBound = constantBound;
  }

  static boolean isLoop(Node node) {
    return node instanceof WhileStmt || node instanceof DoStmt || node instanceof ForStmt || node instanceof ForEachStmt;
  }

  /** Where local declarations are looked up: the enclosing method, or the class for initialisers. */
  static Node localScope(Node node) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>
          || (current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
              && current != node)) {
        return current;
      }
    }
    return node.findCompilationUnit().map(Node.class::cast).orElse(node);
  }

  /**
   * The non-yielding loops directly in {@code method}'s body and the method's own recursion, if
   * any (for transitive summaries: a handler calling a helper with such a loop). Loops inside
   * lambdas and nested classes are left out: they run wherever they are passed.
   */
  List<Loop> find(CallableDeclaration<?> method) {
    List<Loop> found = new ArrayList<>();
    Optional<BlockStmt> body = method instanceof com.github.javaparser.ast.body.MethodDeclaration m ? m.getBody()
        : method instanceof com.github.javaparser.ast.body.ConstructorDeclaration c ? Optional.of(c.getBody())
        : Optional.empty();
    if (body.isEmpty()) {
      return found;
    }
    findIn(body.get(), method, found);
    recursion(method).ifPresent(found::add);
    return found;
  }

  private void findIn(Node node, Node scope, List<Loop> found) {
    if (opaque(node)) {
      return;
    }
    Optional<Loop> loop = isLoop(node) ? classify(node, scope)
        : node instanceof MethodCallExpr call ? classifyForEach(call, scope) : Optional.empty();
    if (loop.isPresent()) {
      found.add(loop.get());
      return;
    }
    for (Node child : node.getChildNodes()) {
      findIn(child, scope, found);
    }
  }

  /** Lambdas and nested classes run wherever they are passed, not where they are written. */
  private static boolean opaque(Node node) {
    return node instanceof LambdaExpr || node instanceof LocalClassDeclarationStmt
        || node instanceof LocalRecordDeclarationStmt || node instanceof TypeDeclaration<?>
        || (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent());
  }

  /** Whether {@code loop} never yields, and why. */
  Optional<Loop> classify(Node loop, Node localScope) {
    Expression condition = condition(loop);
    Statement body = body(loop);
    boolean alwaysTrue = !(loop instanceof ForEachStmt)
        && (condition == null || isConstantTrue(condition));
    if (alwaysTrue && !hasExit(loop, body)) {
      return Optional.of(new Loop(loop, new NonYieldingLoop(NonYieldingLoop.Kind.ENDLESS,
          loop instanceof ForStmt ? "for (;;)" : loop instanceof DoStmt ? "do ... while (true)" : "while (true)", "")));
    }
    Optional<Loop> spin = spin(loop, condition, body, alwaysTrue);
    if (spin.isPresent() || alwaysTrue) {
      return spin; // other while (true) loops end by break: their trip count is not known here
    }
    Bound bound = bound(loop, localScope);
    if (bound == null || (bound.count() != null && bound.count() <= constantBound)) {
      return Optional.empty();
    }
    String work = heavyWork(body, localScope, bound.count() == null);
    if (work == null) {
      return Optional.empty();
    }
    String shown = bound.count() != null ? NonYieldingLoop.constantTimes(bound.count(), constantBound) : bound.shown();
    return Optional.of(new Loop(loop, new NonYieldingLoop(NonYieldingLoop.Kind.DATA_SIZED, shown, work)));
  }

  /** {@code items.forEach(x -> ...)} on an Iterable, Map or Stream, judged like an enhanced for loop. */
  Optional<Loop> classifyForEach(MethodCallExpr call, Node localScope) {
    if (!LoopWork.FOR_EACH.contains(call.getNameAsString()) || call.getArguments().size() != 1 || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    Expression receiver = call.getScope().get();
    Optional<ResolvedReferenceTypeDeclaration> receiverType =
        types.typeOf(receiver).flatMap(ExpressionTypes::declaration);
    if (receiverType.isEmpty() || !(hierarchy.isSubtype(receiverType.get(), "java.lang.Iterable")
        || hierarchy.isSubtype(receiverType.get(), "java.util.Map")
        || hierarchy.isSubtype(receiverType.get(), "java.util.stream.BaseStream"))) {
      return Optional.empty();
    }
    Long size = fixedSize(receiver, localScope, 0);
    if (size != null && size <= constantBound) {
      return Optional.empty();
    }
    Expression action = ExpressionTypes.unwrap(call.getArgument(0));
    String work;
    if (action instanceof LambdaExpr lambda) {
      work = heavyWork(lambda.getBody(), localScope, size == null);
    } else if (action instanceof MethodReferenceExpr reference) {
      Optional<Callable> target = calls.resolve(reference);
      work = target.isEmpty() || isCheapName(target.get().name(), target.get().declaringType())
          || (size == null && !isWork(target.get(), 0))
          ? null : "calls `" + source(reference) + "`";
    } else {
      work = null; // a Consumer object: what it does is not visible here
    }
    if (work == null) {
      return Optional.empty();
    }
    String shown = size != null ? NonYieldingLoop.constantTimes(size, constantBound)
        : NonYieldingLoop.perElement(source(receiver));
    return Optional.of(new Loop(call, new NonYieldingLoop(NonYieldingLoop.Kind.DATA_SIZED, shown, work)));
  }

  /**
   * Self-recursion over data: a method with parameters that calls itself (not from a lambda) with
   * other arguments. A self-call handing on its own parameters unchanged and in order (a retry
   * after a lost compare-and-set) does not walk smaller data: the Error Prone engine's rule.
   */
  Optional<Loop> recursion(CallableDeclaration<?> method) {
    if (!(method instanceof com.github.javaparser.ast.body.MethodDeclaration declared)
        || declared.getParameters().isEmpty() || declared.getBody().isEmpty()) {
      return Optional.empty();
    }
    String name = declared.getNameAsString();
    int arity = declared.getParameters().size();
    MethodCallExpr[] first = {null};
    walkSkippingOpaque(declared.getBody().get(), node -> {
      if (first[0] == null && node instanceof MethodCallExpr call && call.getNameAsString().equals(name)
          && (call.getScope().isEmpty() || call.getScope().get().isThisExpr())
          && (call.getArguments().size() == arity || declared.getParameters().getLast().map(p -> p.isVarArgs()).orElse(false))
          && !passesItsOwnParameters(call, declared)
          && resolvesTo(call, declared)) {
        first[0] = call;
      }
    });
    if (first[0] == null) {
      return Optional.empty();
    }
    return Optional.of(new Loop(first[0], new NonYieldingLoop(NonYieldingLoop.Kind.RECURSION,
        "`" + name + "` calls itself", "")));
  }

  /** Whether every argument of {@code call} names {@code method}'s parameter, never reassigned, in order. */
  private static boolean passesItsOwnParameters(MethodCallExpr call, com.github.javaparser.ast.body.MethodDeclaration method) {
    if (call.getArguments().size() != method.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < call.getArguments().size(); i++) {
      Expression argument = call.getArgument(i);
      while (argument instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
        argument = enclosed.getInner();
      }
      String parameter = method.getParameter(i).getNameAsString();
      if (!(argument instanceof NameExpr name) || !name.getNameAsString().equals(parameter)
          || assignedAgain(method.getBody().orElseThrow(), parameter)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a call may enter a self-recursive method of the sources, asked cheaply first (the
   * receiver's methods of that name and arity, and whether their bodies call their own name) so
   * that most calls on event-loop code are never resolved in full.
   */
  boolean mayRecurse(MethodCallExpr call) {
    Optional<List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> candidates =
        types.candidates(call, hierarchy);
    if (candidates.isEmpty()) {
      return true; // cannot tell cheaply: resolve it
    }
    for (var method : candidates.get()) {
      Optional<Node> source;
      try {
        source = method.toAst();
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return true;
      }
      if (source.isPresent() && source.get() instanceof com.github.javaparser.ast.body.MethodDeclaration declared
          && declared.getBody().isPresent()) {
        String name = declared.getNameAsString();
        boolean[] calls = {false};
        walkSkippingOpaque(declared.getBody().get(), node -> {
          if (node instanceof MethodCallExpr inner && inner.getNameAsString().equals(name)) {
            calls[0] = true;
          }
        });
        if (calls[0]) {
          return true;
        }
      }
    }
    return false;
  }

  /** The method a call resolves to, if the solver knows it. */
  Optional<Callable> callee(MethodCallExpr call) {
    return calls.resolve(call);
  }

  /** Whether {@code call} resolves to the method declared by {@code method}. */
  boolean resolvesTo(MethodCallExpr call, CallableDeclaration<?> method) {
    Optional<Callable> callee = calls.resolve(call);
    return callee.isPresent() && callee.get().declaration().toAst().map(n -> n == method).orElse(false);
  }

  private static void walkSkippingOpaque(Node node, java.util.function.Consumer<Node> visit) {
    if (opaque(node)) {
      return;
    }
    visit.accept(node);
    for (Node child : node.getChildNodes()) {
      walkSkippingOpaque(child, visit);
    }
  }

  // ------------------------------------------------------------------------------ spin loops

  private Optional<Loop> spin(Node loop, Expression condition, Statement body, boolean alwaysTrue) {
    if (loop instanceof ForEachStmt || (loop instanceof ForStmt forLoop && !forLoop.getUpdate().isEmpty())) {
      return Optional.empty();
    }
    List<String> spins = new ArrayList<>();
    List<Expression> polled = new ArrayList<>();
    if (!alwaysTrue && condition != null) {
      polled.add(ExpressionTypes.unwrap(condition));
    }
    for (Statement statement : flatten(body)) {
      if (statement instanceof EmptyStmt) {
        continue;
      }
      if (statement instanceof ExpressionStmt expression
          && expression.getExpression() instanceof MethodCallExpr call && isSpinHint(call)) {
        spins.add("`" + source(call) + "`");
        continue;
      }
      if (statement instanceof IfStmt exit && exit.getElseStmt().isEmpty() && isExitOnly(exit.getThenStmt())) {
        polled.add(ExpressionTypes.unwrap(exit.getCondition()));
        continue;
      }
      return Optional.empty();
    }
    if (polled.isEmpty() || polled.stream().anyMatch(this::hasSideEffects)) {
      // A counting loop (while (i++ < n);) or a search walks data; it does not poll.
      return Optional.empty();
    }
    List<String> shown = polled.stream().map(c -> "`" + source(c) + "`").toList();
    return Optional.of(new Loop(loop, new NonYieldingLoop(NonYieldingLoop.Kind.SPIN,
        "on " + String.join(" and ", shown),
        spins.isEmpty() ? "spinning (its body is empty)" : String.join(" and ", spins))));
  }

  private boolean isSpinHint(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (!name.equals("onSpinWait") && !name.equals("yield")) {
      return false;
    }
    Optional<Callable> method = calls.resolve(call);
    return method.isPresent() && method.get().isStatic() && method.get().declaringType().equals("java.lang.Thread");
  }

  private static boolean isExitOnly(Statement statement) {
    List<Statement> statements = flatten(statement);
    return statements.size() == 1
        && (statements.get(0) instanceof BreakStmt || statements.get(0) instanceof ReturnStmt);
  }

  /** A branch that ends by leaving the method or the loop: return, throw or break. */
  private static boolean leaves(Statement statement) {
    List<Statement> statements = flatten(statement);
    if (statements.isEmpty()) {
      return false;
    }
    Statement last = statements.get(statements.size() - 1);
    return last instanceof ReturnStmt || last instanceof ThrowStmt || last instanceof BreakStmt;
  }

  private boolean hasSideEffects(Expression expression) {
    boolean[] found = {false};
    expression.walk(node -> {
      if (node instanceof UnaryExpr unary && switch (unary.getOperator()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
        default -> false;
      }) {
        found[0] = true;
      } else if (node instanceof AssignExpr) {
        found[0] = true;
      } else if (node instanceof MethodCallExpr call && LoopWork.ITERATION_CALLS.contains(call.getNameAsString())) {
        found[0] = true;
      } else if (node instanceof MethodCallExpr call && !found[0] && isOwnWork(call)) {
        // while (hasItems() && !drainLoop()): a method of the sources that is not a query does the
        // work itself (r2dbc's tryDrainLoop); a busy-wait only reads state.
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * Whether anything in the body leaves the loop: a break or continue aimed at or beyond it, a
   * return, or a throw. Lambdas and nested classes do not count: their returns leave them, not us.
   */
  private static boolean hasExit(Node loop, Statement body) {
    Set<String> innerLabels = new HashSet<>();
    body.walk(node -> {
      if (node instanceof LabeledStmt labeled) {
        innerLabels.add(labeled.getLabel().asString());
      }
    });
    boolean[] exits = {false};
    walkSkippingOpaque(body, node -> {
      if (exits[0]) {
        return;
      }
      if (node instanceof ReturnStmt || node instanceof ThrowStmt) {
        exits[0] = true;
      } else if (node instanceof BreakStmt breakStmt) {
        exits[0] = breakStmt.getLabel().map(label -> !innerLabels.contains(label.asString()))
            .orElseGet(() -> !insideInnerBreakTarget(breakStmt, loop));
      } else if (node instanceof ContinueStmt continueStmt && continueStmt.getLabel().isPresent()) {
        String label = continueStmt.getLabel().get().asString();
        boolean ownLabel = loop.getParentNode().orElse(null) instanceof LabeledStmt labeled
            && labeled.getLabel().asString().equals(label);
        exits[0] = !ownLabel && !innerLabels.contains(label);
      }
    });
    return exits[0];
  }

  /** Whether an unlabelled break is caught by a loop or switch between it and {@code loop}. */
  private static boolean insideInnerBreakTarget(Node breakStmt, Node loop) {
    for (Node current = breakStmt.getParentNode().orElse(null); current != null && current != loop;
        current = current.getParentNode().orElse(null)) {
      if (isLoop(current) || current instanceof SwitchStmt) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------- trip counts

  /** A loop's trip count: a known constant, or where it comes from, for the message. */
  private record Bound(Long count, String shown) {}

  private Bound bound(Node loop, Node localScope) {
    if (loop instanceof ForEachStmt each) {
      Expression over = ExpressionTypes.unwrap(each.getIterable());
      return new Bound(fixedSize(over, localScope, 0), NonYieldingLoop.perElement(source(over)));
    }
    Expression condition = ExpressionTypes.unwrap(condition(loop));
    if (condition instanceof BinaryExpr comparison && isComparison(comparison)) {
      Set<String> counters = counters(loop, comparison, localScope);
      Expression left = ExpressionTypes.unwrap(comparison.getLeft());
      Expression right = ExpressionTypes.unwrap(comparison.getRight());
      Expression limit = counters.contains(nameOf(left)) ? right : counters.contains(nameOf(right)) ? left : null;
      if (limit != null) {
        String counter = nameOf(limit == right ? left : right);
        Expression start = loop instanceof ForStmt forLoop ? startOf(forLoop, counter) : null;
        if (start == null && counter != null) {
          VariableDeclarator declaration = localDeclaration(localScope, counter);
          start = declaration == null ? null : declaration.getInitializer().orElse(null);
        }
        Long end = fixedSize(limit, localScope, 0);
        Long begin = fixedSize(start, localScope, 0);
        if ((end == null && constantFromClasspath(limit)) || (begin == null && constantFromClasspath(start))) {
          return null; // javac knows its value (Byte.MAX_VALUE), the scanner does not: no guess
        }
        if (end != null && begin != null) {
          return new Bound(Math.abs(end - begin), "");
        }
        if (end == null) {
          return new Bound(null, "`" + source(limit) + "` times");
        }
        return new Bound(null, start != null ? "`" + source(start) + "` times"
            : "as many times as the value of `" + counter + "`");
      }
    }
    return new Bound(null, "for as long as `" + source(condition) + "` holds");
  }

  private static boolean isComparison(BinaryExpr expression) {
    return switch (expression.getOperator()) {
      case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, NOT_EQUALS -> true;
      default -> false;
    };
  }

  private static String nameOf(Expression expression) {
    return expression instanceof NameExpr name ? name.getNameAsString() : null;
  }

  /** The loop's counter variables: declared in a for's initializer, or a local in a while's condition. */
  private static Set<String> counters(Node loop, BinaryExpr comparison, Node localScope) {
    Set<String> counters = new HashSet<>();
    if (loop instanceof ForStmt forLoop) {
      for (Expression init : forLoop.getInitialization()) {
        if (init instanceof VariableDeclarationExpr declaration) {
          declaration.getVariables().forEach(v -> counters.add(v.getNameAsString()));
        } else if (init instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr name) {
          counters.add(name.getNameAsString());
        }
      }
    } else {
      for (Expression side : List.of(comparison.getLeft(), comparison.getRight())) {
        String name = nameOf(ExpressionTypes.unwrap(side));
        if (name != null && localDeclaration(localScope, name) != null) {
          counters.add(name);
          break;
        }
      }
    }
    return counters;
  }

  private static Expression startOf(ForStmt loop, String counter) {
    for (Expression init : loop.getInitialization()) {
      if (init instanceof VariableDeclarationExpr declaration) {
        for (VariableDeclarator variable : declaration.getVariables()) {
          if (variable.getNameAsString().equals(counter)) {
            return variable.getInitializer().orElse(null);
          }
        }
      } else if (init instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr name
          && name.getNameAsString().equals(counter)) {
        return assign.getValue();
      }
    }
    return null;
  }

  /** A local variable (not a parameter or field) of that name declared in the scope. */
  private static VariableDeclarator localDeclaration(Node scope, String name) {
    for (VariableDeclarator variable : scope.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name))) {
      if (variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
        return variable;
      }
    }
    return null;
  }

  /**
   * The value of a constant number, or the size of a collection, array or string that is fixed in
   * the source; null when it comes from data (or cannot be known).
   */
  Long fixedSize(Expression tree, Node localScope, int depth) {
    if (tree == null || depth > MAX_DEPTH) {
      return null;
    }
    Expression expression = ExpressionTypes.unwrap(tree);
    if (expression instanceof IntegerLiteralExpr integer) {
      return asNumber(integer.asNumber());
    }
    if (expression instanceof LongLiteralExpr number) {
      return asNumber(number.asNumber());
    }
    if (expression instanceof CharLiteralExpr character) {
      return (long) character.asChar();
    }
    if (expression instanceof StringLiteralExpr string) {
      return (long) string.asString().length();
    }
    if (expression instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.MINUS) {
      Long value = fixedSize(unary.getExpression(), localScope, depth + 1);
      return value == null ? null : -value;
    }
    if (expression instanceof BinaryExpr arithmetic) {
      Long left = fixedSize(arithmetic.getLeft(), localScope, depth + 1);
      Long right = fixedSize(arithmetic.getRight(), localScope, depth + 1);
      if (left == null || right == null) {
        return null;
      }
      return switch (arithmetic.getOperator()) {
        case PLUS -> left + right;
        case MINUS -> left - right;
        case MULTIPLY -> left * right;
        case DIVIDE -> right == 0 ? null : left / right;
        // javac folds these in constants (1 << 10): so must we, or 1 << 4 would look like data.
        case REMAINDER -> right == 0 ? null : left % right;
        case LEFT_SHIFT -> left << right;
        case SIGNED_RIGHT_SHIFT -> left >> right;
        case UNSIGNED_RIGHT_SHIFT -> left >>> right;
        case BINARY_AND -> left & right;
        case BINARY_OR -> left | right;
        case XOR -> left ^ right;
        default -> null;
      };
    }
    if (expression instanceof com.github.javaparser.ast.expr.CastExpr cast && cast.getType().isPrimitiveType()) {
      return fixedSize(cast.getExpression(), localScope, depth + 1);
    }
    if (expression instanceof ArrayInitializerExpr initializer) {
      return (long) initializer.getValues().size();
    }
    if (expression instanceof ArrayCreationExpr array) {
      if (array.getInitializer().isPresent()) {
        return (long) array.getInitializer().get().getValues().size();
      }
      return array.getLevels().size() == 1 && array.getLevels().get(0).getDimension().isPresent()
          ? fixedSize(array.getLevels().get(0).getDimension().get(), localScope, depth + 1) : null;
    }
    if (expression instanceof FieldAccessExpr select && select.getNameAsString().equals("length")
        && types.typeOf(select.getScope()).map(t -> t.isArray()).orElse(false)) {
      return fixedSize(select.getScope(), localScope, depth + 1); // array.length
    }
    if (expression instanceof MethodCallExpr call) {
      return fixedSizeOfCall(call, localScope, depth);
    }
    if (expression instanceof NameExpr || expression instanceof FieldAccessExpr) {
      Expression initializer = finalInitializer(expression, localScope);
      return initializer == null ? null : fixedSize(initializer, localScope, depth + 1);
    }
    return null;
  }

  /**
   * A static primitive or String field of a classpath type, a constant whose value only javac sees,
   * or a name the solver cannot resolve at all (a type missing from --classpath): either may be a
   * small constant, so the trip count is unknown rather than data.
   */
  private static boolean constantFromClasspath(Expression expression) {
    Expression reference = expression == null ? null : ExpressionTypes.unwrap(expression);
    if (!(reference instanceof NameExpr || reference instanceof FieldAccessExpr)) {
      return false;
    }
    if (reference instanceof FieldAccessExpr access && access.getNameAsString().equals("length")) {
      return false; // array.length
    }
    try {
      ResolvedValueDeclaration value = reference instanceof NameExpr name ? name.resolve()
          : ((FieldAccessExpr) reference).resolve();
      return value.isField() && value.asField().isStatic() && !(value instanceof JavaParserFieldDeclaration)
          && (value.getType().isPrimitive() || (value.getType().isReferenceType()
              && value.getType().asReferenceType().getQualifiedName().equals("java.lang.String")));
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return true;
    }
  }

  private static Long asNumber(Number number) {
    return number == null ? null : number.longValue();
  }

  private Long fixedSizeOfCall(MethodCallExpr call, Node localScope, int depth) {
    Optional<Callable> resolved = calls.resolve(call);
    if (resolved.isEmpty()) {
      return null;
    }
    Callable method = resolved.get();
    String name = method.name();
    String owner = method.declaringType();
    if (method.isStatic() && name.equals("min") && owner.equals("java.lang.Math")) {
      Long smallest = null; // Math.min(data, 16) is at most 16
      for (Expression argument : call.getArguments()) {
        Long size = fixedSize(argument, localScope, depth + 1);
        if (size != null && (smallest == null || size < smallest)) {
          smallest = size;
        }
      }
      return smallest;
    }
    if (method.isStatic() && (name.equals("of") || name.equals("asList"))
        && (owner.equals("java.util.List") || owner.equals("java.util.Set") || owner.equals("java.util.Arrays")
            || owner.equals("java.util.EnumSet") || owner.equals("java.util.stream.Stream"))) {
      if (call.getArguments().size() == 1 && method.declaration().hasVariadicParameter()
          && types.typeOf(call.getArgument(0)).map(t -> t.isArray()).orElse(false)) {
        return fixedSize(call.getArgument(0), localScope, depth + 1);
      }
      return (long) call.getArguments().size();
    }
    if (method.isStatic() && name.equals("values") && call.getArguments().isEmpty()) {
      Optional<ResolvedReferenceTypeDeclaration> type = hierarchy.solve(owner);
      if (type.isPresent() && type.get().isEnum()) {
        ResolvedEnumDeclaration enumType = type.get().asEnum();
        return (long) enumType.getEnumConstants().size();
      }
      return null;
    }
    if (call.getScope().isPresent() && call.getArguments().isEmpty()
        && Set.of("size", "length", "toCharArray", "clone", "getBytes", "stream", "keySet", "values", "entrySet")
            .contains(name)) {
      return fixedSize(call.getScope().get(), localScope, depth + 1);
    }
    return null;
  }

  /**
   * The initializer of a final or effectively final variable: a local of the scope (never
   * assigned again), or a final field of the sources.
   */
  private Expression finalInitializer(Expression reference, Node localScope) {
    if (reference instanceof NameExpr name) {
      VariableDeclarator local = localDeclaration(localScope, name.getNameAsString());
      if (local != null) {
        boolean isFinal = local.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration
            && declaration.isFinal();
        return isFinal || !assignedAgain(localScope, name.getNameAsString()) ? local.getInitializer().orElse(null) : null;
      }
    }
    try {
      ResolvedValueDeclaration value = reference instanceof NameExpr name ? name.resolve()
          : ((FieldAccessExpr) reference).resolve();
      if (value instanceof JavaParserFieldDeclaration field) {
        FieldDeclaration declaration = field.getWrappedNode();
        return declaration.isFinal() ? field.getVariableDeclarator().getInitializer().orElse(null) : null;
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // unknown: not fixed
    }
    return null;
  }

  private static boolean assignedAgain(Node scope, String name) {
    for (AssignExpr assign : scope.findAll(AssignExpr.class)) {
      if (assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name)) {
        return true;
      }
    }
    for (UnaryExpr unary : scope.findAll(UnaryExpr.class)) {
      if (unary.getExpression() instanceof NameExpr target && target.getNameAsString().equals(name)
          && (unary.isPrefix() || unary.isPostfix())) {
        return true;
      }
    }
    return false;
  }

  // ----------------------------------------------------------------------- work per iteration

  /**
   * What makes one iteration heavy, for the message, or null when the body only does cheap (or
   * unknown) things.
   */
  private String heavyWork(Node body, Node localScope, boolean dataSized) {
    String[] nested = {null};
    String[] call = {null};
    heavyWork(body, localScope, dataSized, nested, call, true);
    return nested[0] != null ? nested[0] : call[0];
  }

  private void heavyWork(Node node, Node localScope, boolean dataSized, String[] nested, String[] call, boolean top) {
    if (nested[0] != null || (!top && opaque(node))) {
      return;
    }
    if (isLoop(node)) {
      Bound inner = bound(node, localScope);
      // Under a data-sized loop, a nested one counts when it does work itself: walking a
      // multimap's values (query parameters, Vary headers) is linear in the leaves.
      if (inner != null && inner.count() == null
          && (!dataSized || heavyWork(body(node), localScope, true) != null)) {
        nested[0] = "runs a nested loop " + inner.shown();
        return;
      }
    }
    if (node instanceof IfStmt branch) {
      // if (mismatch) { end(ctx); return; }: what runs on the way out runs once, not per item.
      heavyWork(branch.getCondition(), localScope, dataSized, nested, call, false);
      if (!leaves(branch.getThenStmt())) {
        heavyWork(branch.getThenStmt(), localScope, dataSized, nested, call, false);
      }
      if (branch.getElseStmt().isPresent() && !leaves(branch.getElseStmt().get())) {
        heavyWork(branch.getElseStmt().get(), localScope, dataSized, nested, call, false);
      }
      return;
    }
    if (node instanceof MethodCallExpr invocation && call[0] == null && isHeavy(invocation, dataSized)) {
      call[0] = "calls `" + shownCall(invocation) + "`";
    }
    for (Node child : node.getChildNodes()) {
      heavyWork(child, localScope, dataSized, nested, call, false);
    }
  }

  /**
   * Whether one call is heavy work per iteration: not cheap and, under a data-sized loop, real
   * work ({@link #isWork}). A call the solver cannot resolve is never heavy.
   */
  private boolean isHeavy(MethodCallExpr call, boolean dataSized) {
    String name = call.getNameAsString();
    if (LoopWork.CHEAP_CALLS.contains(name) || isGetterName(name)) {
      return false;
    }
    Optional<Callable> method = calls.resolve(call);
    return method.isPresent() && !isCheap(call, method.get()) && (!dataSized || isWork(method.get(), 0));
  }

  private boolean isCheap(MethodCallExpr call, Callable method) {
    String name = method.name();
    if (isCheapName(name, method.declaringType()) || isCallback(method) || isBufferAccess(method)
        || isFastSplit(call, method)) {
      return true;
    }
    // A record's accessor.
    if (call.getArguments().isEmpty() && method.declaration() instanceof ResolvedMethodDeclaration declared) {
      try {
        ResolvedReferenceTypeDeclaration owner = declared.declaringType().isReferenceType()
            ? declared.declaringType().asReferenceType() : null;
        if (owner != null && owner.isRecord()
            && owner.getDeclaredFields().stream().anyMatch(f -> !f.isStatic() && f.getName().equals(name))) {
          return true;
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return true; // unknown: never the reason for a finding
      }
    }
    return false;
  }

  /**
   * Whether one call of {@code method} is real work (see {@link LoopWork#WORK_TYPES}): a known costly API,
   * or a method of the sources whose body loops over data, recurses, or makes such a call itself
   * (followed {@value #WORK_DEPTH} calls deep), as the Error Prone engine decides it.
   */
  private boolean isWork(Callable method, int depth) {
    String name = method.name();
    String owner = method.declaringType();
    if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) {
      return LoopWork.MATH_WORK.contains(name);
    }
    for (String type : LoopWork.WORK_TYPES) {
      if (hierarchy.isSubtype(owner, type)) {
        return true;
      }
    }
    for (MethodPattern pattern : LoopWork.WORK_METHODS) {
      if (pattern.matchesName(name) && hierarchy.isSubtype(owner, pattern.owner())) {
        return true;
      }
    }
    if (depth >= WORK_DEPTH) {
      return false;
    }
    Optional<Node> source = sourceOf(method);
    if (source.isEmpty() || !(source.get() instanceof CallableDeclaration<?> declared)) {
      return false;
    }
    Boolean known = workInSource.get(declared);
    if (known != null) {
      return known;
    }
    Optional<BlockStmt> body = declared instanceof com.github.javaparser.ast.body.MethodDeclaration m ? m.getBody()
        : declared instanceof com.github.javaparser.ast.body.ConstructorDeclaration c ? Optional.of(c.getBody())
        : Optional.empty();
    if (body.isEmpty()) {
      return false;
    }
    workInSource.put(declared, false); // a cycle of calls is no evidence
    boolean work = !find(declared).isEmpty() || callsWork(body.get(), depth + 1);
    workInSource.put(declared, work);
    return work;
  }

  private boolean callsWork(Node body, int depth) {
    boolean[] found = {false};
    walkSkippingOpaque(body, node -> {
      if (!found[0] && node instanceof MethodCallExpr call && !LoopWork.CHEAP_CALLS.contains(call.getNameAsString())
          && !isGetterName(call.getNameAsString())) {
        Optional<Callable> method = calls.resolve(call);
        if (method.isPresent() && !isCheap(call, method.get()) && isWork(method.get(), depth)) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }

  /** The declaration of a method of the sources, if it is one. */
  private static Optional<Node> sourceOf(Callable method) {
    try {
      return method.declaration().toAst();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  /** A call in a loop condition to a method of the sources that is not a query (a drain step). */
  private boolean isOwnWork(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (LoopWork.CHEAP_CALLS.contains(name) || isGetterName(name)) {
      return false;
    }
    Optional<Callable> method = calls.resolve(call);
    return method.isPresent() && !isCheapName(name, method.get().declaringType())
        && sourceOf(method.get()).isPresent();
  }

  /**
   * The abstract method of a functional interface ({@code handler.handle(e)}, {@code
   * consumer.accept(x)}): what it does is not visible here; a loop that only dispatches to
   * callbacks runs once per registered callback, and the callbacks are judged where they are written.
   */
  private static boolean isCallback(Callable method) {
    if (method.isStatic() || !(method.declaration() instanceof ResolvedMethodDeclaration declared)) {
      return false;
    }
    try {
      ResolvedReferenceTypeDeclaration owner = declared.declaringType();
      return declared.isAbstract() && !declared.isDefaultMethod() && owner.isInterface()
          && owner.isFunctionalInterface();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false;
    }
  }

  private boolean isBufferAccess(Callable method) {
    if (method.isStatic()) {
      return false;
    }
    for (String buffer : LoopWork.BUFFER_TYPES) {
      if (hierarchy.isSubtype(method.declaringType(), buffer)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code s.split(",")}: String.split on one plain character (or an escaped one) takes a fast path
   * with no regular expression; other separators compile a pattern on every call.
   */
  private boolean isFastSplit(MethodCallExpr call, Callable method) {
    if (!method.name().equals("split") || !method.declaringType().equals("java.lang.String")
        || call.getArguments().isEmpty()) {
      return false;
    }
    String separator = constantString(call.getArgument(0));
    if (separator == null) {
      // A constant of a jar (or a name the solver cannot resolve) may be one character: javac
      // knows, the scanner does not, so it is no reason for a finding.
      return constantFromClasspath(call.getArgument(0));
    }
    return (separator.length() == 1 && ".$|()[{^?*+\\".indexOf(separator.charAt(0)) < 0)
        || (separator.length() == 2 && separator.charAt(0) == '\\' && !Character.isLetterOrDigit(separator.charAt(1)));
  }

  /** A string literal, or a final field of the sources initialised with one (javac's constant value). */
  private String constantString(Expression argument) {
    Expression expression = ExpressionTypes.unwrap(argument);
    if (expression instanceof StringLiteralExpr literal) {
      return literal.asString();
    }
    if (expression instanceof NameExpr || expression instanceof FieldAccessExpr) {
      try {
        ResolvedValueDeclaration value = expression instanceof NameExpr name ? name.resolve()
            : ((FieldAccessExpr) expression).resolve();
        if (value instanceof JavaParserFieldDeclaration field && field.getWrappedNode().isFinal()
            && field.getVariableDeclarator().getInitializer().orElse(null) instanceof StringLiteralExpr literal) {
          return literal.asString();
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isCheapName(String name, String owner) {
    if (LoopWork.CHEAP_CALLS.contains(name) || isGetterName(name)) {
      return true;
    }
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

  private static String shownCall(MethodCallExpr call) {
    String select = call.getScope().map(scope -> source(scope) + ".").orElse("") + call.getNameAsString();
    return select + (call.getArguments().isEmpty() ? "()" : "(...)");
  }

  // -------------------------------------------------------------------------------- shapes

  private static boolean isConstantTrue(Expression condition) {
    return ExpressionTypes.unwrap(condition) instanceof BooleanLiteralExpr literal && literal.getValue();
  }

  private static Expression condition(Node loop) {
    if (loop instanceof WhileStmt l) {
      return l.getCondition();
    }
    if (loop instanceof DoStmt l) {
      return l.getCondition();
    }
    if (loop instanceof ForStmt l) {
      return l.getCompare().orElse(null);
    }
    return null;
  }

  private static Statement body(Node loop) {
    if (loop instanceof WhileStmt l) {
      return l.getBody();
    }
    if (loop instanceof DoStmt l) {
      return l.getBody();
    }
    if (loop instanceof ForStmt l) {
      return l.getBody();
    }
    return ((ForEachStmt) loop).getBody();
  }

  private static List<Statement> flatten(Statement statement) {
    List<Statement> out = new ArrayList<>();
    if (statement instanceof BlockStmt block) {
      for (Statement inner : block.getStatements()) {
        out.addAll(flatten(inner));
      }
    } else if (statement != null) {
      out.add(statement);
    }
    return out;
  }

  /** The code as written, on one line (the Error Prone engine's {@code sourceOf}). */
  static String source(Node node) {
    if (node == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (node.getTokenRange().isPresent()) {
      for (com.github.javaparser.JavaToken token : node.getTokenRange().get()) {
        text.append(token.getText());
      }
    } else {
      text.append(node);
    }
    return text.toString().replaceAll("\\s+", " ");
  }
}
