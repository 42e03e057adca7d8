package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.resolution.MethodUsage;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.logic.FunctionalInterfaceLogic;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static types of expressions and the shapes of the functional interfaces lambdas are given to,
 * from the symbol solver, memoised per file. Every question that cannot be answered (a type
 * missing from the classpath, inference JavaParser gives up on) is "unknown", and the rules then
 * report nothing: they never guess a type.
 */
final class ExpressionTypes {
  private final CallResolver calls;
  private final Map<Node, Optional<ResolvedType>> types = new IdentityHashMap<>();
  ExpressionTypes(CallResolver calls) {
    this.calls = calls;
  }

  /**
   * The static type of a call or constructor call that may be an async result (a catalog HOT or
   * COLD type), or empty. Typing every dropped call with the solver is what a scan would spend
   * most of its time on (it resolves every argument, lambdas included), so a cheaper question
   * comes first: the declared return types of the receiver's methods of that name and arity. Only
   * when one of them may be async, or that cannot be told, is the expression typed in full.
   */
  Optional<ResolvedType> asyncTypeOf(Expression expression, TypeHierarchy hierarchy,
      java.util.function.Predicate<ResolvedReferenceTypeDeclaration> isAsync) {
    if (expression instanceof MethodCallExpr call) {
      Optional<Boolean> may = mayReturnAsync(call, hierarchy, isAsync, 0);
      if (may.isPresent() && !may.get()) {
        return Optional.empty();
      }
    }
    return typeOf(expression);
  }

  private static final int MAX_CHAIN = 6;

  /** Empty when it cannot be told cheaply; then the caller types the expression in full. */
  private Optional<Boolean> mayReturnAsync(MethodCallExpr call, TypeHierarchy hierarchy,
      java.util.function.Predicate<ResolvedReferenceTypeDeclaration> isAsync, int depth) {
    List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> candidates =
        candidates(call, hierarchy, depth);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    for (var method : candidates) {
      try {
        ResolvedType returned = method.getReturnType();
        if (returned.isVoid() || returned.isPrimitive()) {
          continue;
        }
        if (!returned.isReferenceType()) {
          return Optional.empty(); // a type variable or an array: only the full type tells
        }
        Optional<ResolvedReferenceTypeDeclaration> declaration = returned.asReferenceType().getTypeDeclaration();
        if (declaration.isEmpty() || isAsync.test(declaration.get())) {
          return Optional.of(true);
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return Optional.empty();
      }
    }
    return Optional.of(false);
  }

  /** The methods a call may resolve to, by name and arity on the receiver's declared type. */
  private List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> candidates(
      MethodCallExpr call, TypeHierarchy hierarchy, int depth) {
    Optional<ResolvedReferenceTypeDeclaration> receiver = receiverDeclaration(call, hierarchy, depth);
    if (receiver.isEmpty()) {
      return List.of();
    }
    return hierarchy.methods(receiver.get(), call.getNameAsString(), call.getArguments().size());
  }

  private Optional<ResolvedReferenceTypeDeclaration> receiverDeclaration(MethodCallExpr call, TypeHierarchy hierarchy,
      int depth) {
    try {
      if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
        // Inside a nested, local or anonymous class an outer class's method may be meant: only
        // the solver can say. A top-level class's own method shadows any static import.
        Optional<com.github.javaparser.ast.body.TypeDeclaration> type =
            call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class);
        boolean anonymous = call.findAncestor(ObjectCreationExpr.class)
            .filter(c -> c.getAnonymousClassBody().isPresent()).isPresent();
        if (type.isEmpty() || anonymous || !type.get().isTopLevelType()) {
          return Optional.empty();
        }
        return Optional.of(type.get().resolve());
      }
      Expression scope = unwrap(call.getScope().get());
      if (scope instanceof com.github.javaparser.ast.expr.NameExpr name) {
        return CallResolver.variableType(scope, name.getNameAsString());
      }
      if (scope instanceof MethodCallExpr inner && depth < MAX_CHAIN) {
        // The receiver is itself a call: its declared return type, when all candidates agree on it.
        ResolvedReferenceTypeDeclaration found = null;
        for (var method : candidates(inner, hierarchy, depth + 1)) {
          ResolvedType returned = method.getReturnType();
          if (!returned.isReferenceType()) {
            return Optional.empty();
          }
          Optional<ResolvedReferenceTypeDeclaration> declaration = returned.asReferenceType().getTypeDeclaration();
          if (declaration.isEmpty() || (found != null && !TypeHierarchy.name(found).equals(TypeHierarchy.name(declaration.get())))) {
            return Optional.empty();
          }
          found = declaration.get();
        }
        return Optional.ofNullable(found);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The static type of {@code expression}, when the solver knows it. */
  Optional<ResolvedType> typeOf(Expression expression) {
    Optional<ResolvedType> known = types.get(expression);
    if (known != null) {
      return known;
    }
    Optional<ResolvedType> result;
    try {
      result = Optional.of(expression.calculateResolvedType());
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      result = Optional.empty();
    }
    types.put(expression, result);
    return result;
  }

  /** The class or interface a type names (a type variable by its first bound), when known. */
  static Optional<ResolvedReferenceTypeDeclaration> declaration(ResolvedType type) {
    try {
      if (type.isReferenceType()) {
        return type.asReferenceType().getTypeDeclaration();
      }
      if (type.isTypeVariable()) {
        var bounds = type.asTypeParameter().getBounds();
        if (!bounds.isEmpty() && bounds.get(0).getType().isReferenceType()) {
          return bounds.get(0).getType().asReferenceType().getTypeDeclaration();
        }
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // unknown
    }
    return Optional.empty();
  }

  /** The type's arguments ({@code Mono<String>} gives {@code String}), or none when unknown. */
  static List<ResolvedType> typeArguments(ResolvedType type) {
    try {
      return type.isReferenceType() ? type.asReferenceType().typeParametersValues() : List.of();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return List.of();
    }
  }

  /** {@code ((x))} as {@code x} (casts stay, as javac's stripParentheses leaves them). */
  static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr enclosed) {
      current = enclosed.getInner();
    }
    return current;
  }

  /** The call a lambda or method reference is an argument of (through parentheses and casts). */
  static Optional<Node> callReceiving(Node functional) {
    Node argument = functional;
    Node parent = functional.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      argument = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof MethodCallExpr call && call.getArguments().contains(argument)) {
      return Optional.of(call);
    }
    if (parent instanceof ObjectCreationExpr creation && creation.getArguments().contains(argument)) {
      return Optional.of(creation);
    }
    return Optional.empty();
  }

  /**
   * Whether the functional interface a lambda or method reference implements returns void (a
   * {@code Consumer}, {@code Runnable}, {@code Handler}), read from the parameter of the call it is
   * passed to or from the declared type of the variable it initialises. Empty when unknown.
   */
  Optional<Boolean> returnsVoid(Expression functional) {
    Optional<ResolvedType> target = targetType(functional);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<MethodUsage> method = FunctionalInterfaceLogic.getFunctionalMethod(target.get());
      return method.map(m -> m.returnType().isVoid());
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  private Optional<ResolvedType> targetType(Expression functional) {
    Node argument = functional;
    Node parent = functional.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      argument = parent;
      parent = parent.getParentNode().orElse(null);
    }
    try {
      if (parent instanceof CastExpr cast) {
        return Optional.of(cast.getType().resolve());
      }
      if (parent instanceof VariableDeclarator variable && !variable.getType().isVarType()) {
        return Optional.of(variable.getType().resolve());
      }
      if (parent instanceof MethodCallExpr || parent instanceof ObjectCreationExpr) {
        List<Expression> arguments = parent instanceof MethodCallExpr call
            ? call.getArguments() : ((ObjectCreationExpr) parent).getArguments();
        int index = -1;
        for (int i = 0; i < arguments.size(); i++) {
          if (arguments.get(i) == argument) {
            index = i;
          }
        }
        if (index < 0) {
          return Optional.empty();
        }
        Optional<Callable> callee = calls.resolve(parent);
        if (callee.isEmpty() || callee.get().paramCount() == 0) {
          return Optional.empty();
        }
        return callee.get().paramType(Math.min(index, callee.get().paramCount() - 1));
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether {@code node} is a lambda or method reference. */
  static boolean functional(Node node) {
    return node instanceof LambdaExpr || node instanceof MethodReferenceExpr;
  }
}
