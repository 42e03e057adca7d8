package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.symbolsolver.javaparsermodel.declarations.JavaParserVariableDeclaration;
import java.util.Optional;

/** Reads of local variables and annotations of resolved declarations, for the rules that need them. */
final class Locals {
  private Locals() {}

  /**
   * Whether the local declared by {@code variable} is read anywhere in {@code scope}; assigning to
   * it is not a read. A use of the same name that cannot be told apart counts as a read, so an
   * unknown never becomes a finding.
   */
  static boolean isRead(VariableDeclarator variable, Node scope) {
    String name = variable.getNameAsString();
    for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      if (use.getParentNode().orElse(null) instanceof AssignExpr assign
          && assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getTarget() == use) {
        continue;
      }
      return true;
    }
    return false;
  }

  /** Whether {@code use} names the local declared by {@code declarator} (unknown counts as yes). */
  static boolean refersTo(NameExpr use, VariableDeclarator declarator) {
    try {
      ResolvedValueDeclaration value = use.resolve();
      return !(value instanceof JavaParserVariableDeclaration local) || local.getVariableDeclarator() == declarator;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return true;
    }
  }

  /** An annotation, by simple name, on a method or constructor declared in the scanned sources. */
  static boolean annotatedInSource(ResolvedMethodLikeDeclaration declaration, String simpleName) {
    try {
      Optional<Node> node = declaration.toAst();
      return node.isPresent() && node.get() instanceof NodeWithAnnotations<?> annotated
          && annotated.getAnnotations().stream().anyMatch(a -> a.getNameAsString().equals(simpleName)
              || a.getNameAsString().endsWith("." + simpleName));
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false;
    }
  }

  /** An annotation, by qualified name, on a type from the sources or the classpath. */
  static boolean annotated(ResolvedReferenceTypeDeclaration type, String qualifiedName) {
    try {
      return type.hasAnnotation(qualifiedName);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false;
    }
  }
}
