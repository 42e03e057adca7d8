package dev.asynclint.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the variables of one file are declared, assigned and read, by name and scope, from the
 * syntax alone: the scanner's counterpart of the Error Prone engine's {@code SourceIndex}, so a
 * reactive chain split across locals, or a scheduler kept in a field, can be followed. A name
 * refers to the nearest declaration whose scope holds it; a parameter in between hides it (a
 * parameter has no value we can know).
 */
final class Variables {
  private final Map<String, List<VariableDeclarator>> declarations = new HashMap<>();
  private final Map<String, List<AssignExpr>> assignments = new HashMap<>();
  private final Map<String, List<NameExpr>> names = new HashMap<>();
  private final Map<String, List<MethodCallExpr>> calls = new HashMap<>();

  Variables(CompilationUnit unit) {
    unit.walk(node -> {
      if (node instanceof VariableDeclarator variable) {
        declarations.computeIfAbsent(variable.getNameAsString(), n -> new ArrayList<>()).add(variable);
      } else if (node instanceof AssignExpr assign) {
        String target = targetName(assign.getTarget());
        if (target != null) {
          assignments.computeIfAbsent(target, n -> new ArrayList<>()).add(assign);
        }
      } else if (node instanceof NameExpr name) {
        names.computeIfAbsent(name.getNameAsString(), n -> new ArrayList<>()).add(name);
      } else if (node instanceof MethodCallExpr call
          && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)) {
        calls.computeIfAbsent(call.getNameAsString(), n -> new ArrayList<>()).add(call);
      }
    });
  }

  private static String targetName(Expression target) {
    if (target instanceof NameExpr name) {
      return name.getNameAsString();
    }
    if (target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    return null;
  }

  /** The declaration a name ({@code x} or {@code this.x}) refers to, or null (a parameter, another file). */
  VariableDeclarator declaration(Expression expression) {
    String name = targetName(expression);
    if (name == null) {
      return null;
    }
    boolean fieldOnly = expression instanceof FieldAccessExpr;
    VariableDeclarator best = null;
    int bestDepth = -1;
    for (VariableDeclarator variable : declarations.getOrDefault(name, List.of())) {
      boolean field = variable.getParentNode().orElse(null) instanceof FieldDeclaration;
      if (fieldOnly && !field) {
        continue;
      }
      Node scope = scope(variable);
      if (scope != null && contains(scope, expression)) {
        int depth = depth(scope);
        if (depth > bestDepth) {
          best = variable;
          bestDepth = depth;
        }
      }
    }
    if (best != null && !fieldOnly && hiddenByParameter(expression, name, scope(best))) {
      return null;
    }
    return best;
  }

  /** The value a variable ever holds when it is given exactly one (its initializer or one assignment). */
  Expression onlyValue(VariableDeclarator variable) {
    List<Expression> values = new ArrayList<>();
    variable.getInitializer().ifPresent(values::add);
    for (AssignExpr assign : assignments.getOrDefault(variable.getNameAsString(), List.of())) {
      if (declaration(assign.getTarget()) == variable) {
        values.add(assign.getValue());
      }
    }
    return values.size() == 1 ? values.get(0) : null;
  }

  /** The one value of the variable an expression names, or null. */
  Expression onlyValue(Expression expression) {
    VariableDeclarator variable = declaration(expression);
    return variable == null ? null : onlyValue(variable);
  }

  /** Every place the variable is read (not assigned). */
  List<NameExpr> reads(VariableDeclarator variable) {
    List<NameExpr> out = new ArrayList<>();
    for (NameExpr name : names.getOrDefault(variable.getNameAsString(), List.of())) {
      if (name.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == name) {
        continue;
      }
      if (declaration(name) == variable) {
        out.add(name);
      }
    }
    return out;
  }

  /** Calls in this file of a method by name and arity, made without a receiver or on {@code this}. */
  List<MethodCallExpr> calls(String method, int arity) {
    List<MethodCallExpr> out = new ArrayList<>();
    for (MethodCallExpr call : calls.getOrDefault(method, List.of())) {
      if (call.getArguments().size() == arity) {
        out.add(call);
      }
    }
    return out;
  }

  /** A local's block (or lambda, or method), a field's class. */
  private static Node scope(VariableDeclarator variable) {
    Node parent = variable.getParentNode().orElse(null);
    if (parent instanceof FieldDeclaration field) {
      return field.getParentNode().orElse(null);
    }
    return parent == null ? null : parent.getParentNode().flatMap(Node::getParentNode).orElse(null);
  }

  private static boolean hiddenByParameter(Node use, String name, Node scope) {
    for (Node current = use.getParentNode().orElse(null); current != null && current != scope;
        current = current.getParentNode().orElse(null)) {
      List<Parameter> parameters = current instanceof CallableDeclaration<?> callable ? callable.getParameters()
          : current instanceof LambdaExpr lambda ? lambda.getParameters() : List.of();
      for (Parameter parameter : parameters) {
        if (parameter.getNameAsString().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean contains(Node ancestor, Node node) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static int depth(Node node) {
    int depth = 0;
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      depth++;
    }
    return depth;
  }
}
