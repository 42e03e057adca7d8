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
