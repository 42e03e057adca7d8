package dev.asynclint.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.Optional;

/**
 * Whether a declaration carries an annotation given by qualified name. Read from the source and
 * its imports first (no resolution needed for {@code @NonBlocking} with an import); the symbol
 * solver is asked only when the simple name matches but no import explains it.
 */
final class Annotations {
  private Annotations() {}

  static boolean has(NodeWithAnnotations<?> declaration, String qualifiedName) {
    if (declaration.getAnnotations().isEmpty()) {
      return false; // most declarations: asked for every catalog annotation, so skip the name work
    }
    String wanted = TypeHierarchy.normalize(qualifiedName);
    String simple = wanted.substring(wanted.lastIndexOf('.') + 1);
    for (AnnotationExpr annotation : declaration.getAnnotations()) {
      String written = annotation.getNameAsString();
      if (written.equals(wanted)) {
        return true;
      }
      if (!written.equals(simple)) {
        continue;
      }
      Optional<CompilationUnit> unit = annotation.findCompilationUnit();
      if (unit.isPresent() && imported(unit.get(), wanted)) {
        return true;
      }
      try {
        if (annotation.resolve().getQualifiedName().equals(wanted)) {
          return true;
        }
      } catch (RuntimeException | StackOverflowError e) {
        // an annotation the classpath does not have: not the one we look for
      }
    }
    return false;
  }

  private static boolean imported(CompilationUnit unit, String qualifiedName) {
    String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    if (unit.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(pkg.isEmpty())) {
      return true;
    }
    for (ImportDeclaration imported : unit.getImports()) {
      if (imported.isStatic()) {
        continue;
      }
      String name = imported.getNameAsString();
      if (imported.isAsterisk() ? name.equals(pkg) : name.equals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code @SuppressWarnings("id")} sits on this node or any declaration around it. */
  static boolean suppressed(Node node, String ruleId) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof NodeWithAnnotations<?> annotated) {
        for (AnnotationExpr annotation : annotated.getAnnotations()) {
          String name = annotation.getNameAsString();
          if ((name.equals("SuppressWarnings") || name.equals("java.lang.SuppressWarnings"))
              && mentions(annotation, ruleId)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean mentions(AnnotationExpr annotation, String ruleId) {
    return annotation.findAll(com.github.javaparser.ast.expr.StringLiteralExpr.class).stream()
        .anyMatch(s -> s.getValue().equals(ruleId));
  }
}
