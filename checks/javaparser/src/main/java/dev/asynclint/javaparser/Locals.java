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
   * Whether the local declared by {@code variable} is read in its scope (the block that declares
   * it); assigning to it is not a read. Told apart by scope, not by the symbol solver (whose name
   * lookups cost a walk of every enclosing block): Java forbids a local to shadow another local,
   * so a use of the name inside that block is this local, or a member of a nested class of the
   * same name, which counts as a read too, so an unknown never becomes a finding.
   */
  static boolean isRead(SourceFile file, VariableDeclarator variable) {
    Node scope = scopeOf(variable);
    for (NameExpr use : file.uses(variable.getNameAsString())) {
      if (!within(use, scope)) {
        continue;
      }
      if (use.getParentNode().orElse(null) instanceof AssignExpr assign
          && assign.getOperator() == AssignExpr.Operator.ASSIGN && assign.getTarget() == use) {
        continue;
      }
      return true;
    }
    return false;
  }

  /** The node a local variable is visible in: its declaring statement's parent (a block, a for). */
  static Node scopeOf(VariableDeclarator variable) {
    Node declaration = variable.getParentNode().orElse(variable);
    Node statement = declaration.getParentNode().orElse(declaration);
    return statement.getParentNode().orElse(statement);
  }

  static boolean within(Node node, Node scope) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current == scope) {
        return true;
      }
    }
    return false;
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
