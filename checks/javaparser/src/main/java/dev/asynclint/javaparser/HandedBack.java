package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedTypeParameterDeclaration;
import com.github.javaparser.resolution.logic.FunctionalInterfaceLogic;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.asynclint.core.HandedBack.ResultVariable;
import java.util.Optional;

/**
 * The symbol solver's answers to {@link dev.asynclint.core.HandedBack}'s questions (the decision
 * is the Error Prone engine's, shared through checks/core): whether a call's result is something
 * the call made, or a value it only hands back ({@code map.put(key, future)} hands back the
 * previous mapping, {@code Objects.requireNonNull(flux)} its argument). Also the fluent setters
 * whose every {@code return} is {@code this}.
 */
final class HandedBack {
  static final int MADE = dev.asynclint.core.HandedBack.MADE;
  static final int HELD = dev.asynclint.core.HandedBack.HELD;

  private HandedBack() {}

  /** {@link #MADE}, {@link #HELD}, or the index of the argument handed back. */
  static int source(Callable method) {
    if (method.isConstructor() || !(method.declaration() instanceof ResolvedMethodDeclaration declared)) {
      return MADE;
    }
    ResolvedTypeParameterDeclaration variable;
    try {
      ResolvedType result = declared.getReturnType();
      variable = result.isTypeVariable() ? result.asTypeParameter() : null;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return MADE; // a return type the solver cannot read: the rules then find no async type either
    }
    return dev.asynclint.core.HandedBack.source(new dev.asynclint.core.HandedBack.Signature() {
      @Override
      public ResultVariable resultVariable() {
        if (variable == null) {
          return ResultVariable.NONE;
        }
        try {
          return variable.declaredOnMethod() ? ResultVariable.METHOD
              : variable.declaredOnType() ? ResultVariable.CLASS : ResultVariable.NONE;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
          return ResultVariable.NONE;
        }
      }

      @Override
      public int parameterTypedAsResult() {
        // A method's own type variable shadows any of its class's with that name, so the name
        // tells them apart in its signature.
        for (int i = 0; i < declared.getNumberOfParams(); i++) {
          try {
            ResolvedType parameter = declared.getParam(i).getType();
            if (parameter.isTypeVariable() && parameter.asTypeParameter().getName().equals(variable.getName())) {
              return i;
            }
          } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // an unreadable parameter is not the one handed back
          }
        }
        return -1;
      }

      @Override
      public boolean isStatic() {
        return method.isStatic();
      }

      @Override
      public boolean declaredByFunctionalInterface() {
        try {
          return variable.getContainer() instanceof ResolvedReferenceTypeDeclaration owner
              && FunctionalInterfaceLogic.getFunctionalMethod(owner).isPresent();
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
          return false; // not known to compute its result: a held value, no finding
        }
      }
    });
  }

  /**
   * A fluent setter declared in the sources whose every {@code return} is {@code this}: it
   * configures its receiver and hands it back, creating nothing. {@code declaration} is the
   * method's source declaration, if the sources have it; methods in jars have no body to read and
   * still count, as in the Error Prone engine.
   */
  static boolean returnsThis(Callable method, Optional<Node> declaration) {
    if (method.isStatic() || method.isConstructor() || declaration.isEmpty()
        || !(declaration.get() instanceof MethodDeclaration source) || source.getBody().isEmpty()) {
      return false;
    }
    int[] returns = {0};
    boolean[] onlyThis = {true};
    walkOwnCode(source.getBody().get(), node -> {
      if (node instanceof ReturnStmt statement) {
        returns[0]++;
        Expression value = statement.getExpression().orElse(null);
        while (value instanceof EnclosedExpr enclosed) {
          value = enclosed.getInner();
        }
        if (!(value instanceof ThisExpr self) || self.getTypeName().isPresent()) {
          onlyThis[0] = false;
        }
      }
    });
    return onlyThis[0] && returns[0] > 0;
  }

  /** The method's own statements: a return in a lambda or nested class returns from that. */
  private static void walkOwnCode(Node node, java.util.function.Consumer<Node> visit) {
    for (Node child : node.getChildNodes()) {
      if (child instanceof LambdaExpr || child instanceof LocalClassDeclarationStmt
          || child instanceof LocalRecordDeclarationStmt || child instanceof TypeDeclaration<?>
          || (child instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent())) {
        continue;
      }
      visit.accept(child);
      walkOwnCode(child, visit);
    }
  }
}
