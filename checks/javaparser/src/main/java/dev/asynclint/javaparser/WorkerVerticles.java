package dev.asynclint.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.HashSet;
import java.util.Set;

/**
 * Verticles deployed as workers ({@code setWorker(true)}, or the WORKER or VIRTUAL_THREAD
 * threading model) where the deployment is visible: in the same source file as the verticle, as
 * in the Error Prone engine. Read from the syntax alone; names are compared by simple name.
 */
final class WorkerVerticles {
  private final Set<String> workers;

  private WorkerVerticles(Set<String> workers) {
    this.workers = workers;
  }

  boolean deployedAsWorker(String classSimpleName) {
    return workers.contains(classSimpleName);
  }

  static WorkerVerticles of(CompilationUnit unit, String text) {
    if (!text.contains("deployVerticle")) {
      return new WorkerVerticles(Set.of());
    }
    // Pass 1: variables and fields whose DeploymentOptions are set to a worker model.
    Set<String> workerOptions = new HashSet<>();
    for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
      if (variable.getInitializer().map(WorkerVerticles::setsWorker).orElse(false)) {
        workerOptions.add(variable.getNameAsString());
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (isWorkerSetter(call)) {
        String root = rootName(call);
        if (root != null) {
          workerOptions.add(root);
        }
      }
    }
    // Pass 2: deployVerticle(X, options) calls whose options are worker options.
    Set<String> workers = new HashSet<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (call.getNameAsString().equals("deployVerticle") && call.getArguments().size() >= 2) {
        Expression options = call.getArgument(1);
        if (setsWorker(options)
            || (options instanceof NameExpr name && workerOptions.contains(name.getNameAsString()))) {
          String verticle = verticleName(call.getArgument(0));
          if (verticle != null) {
            workers.add(verticle);
          }
        }
      }
    }
    return new WorkerVerticles(workers);
  }

  private static boolean setsWorker(Node expression) {
    if (expression instanceof MethodCallExpr call && isWorkerSetter(call)) {
      return true;
    }
    return expression.findAll(MethodCallExpr.class).stream().anyMatch(WorkerVerticles::isWorkerSetter);
  }

  private static boolean isWorkerSetter(MethodCallExpr call) {
    if (call.getArguments().size() != 1) {
      return false;
    }
    String name = call.getNameAsString();
    String argument = call.getArgument(0).toString();
    return (name.equals("setWorker") && argument.equals("true"))
        || (name.equals("setThreadingModel")
            && (argument.endsWith("WORKER") || argument.endsWith("VIRTUAL_THREAD")));
  }

  private static String rootName(Expression expression) {
    Expression current = expression;
    while (true) {
      if (current instanceof MethodCallExpr call && call.getScope().isPresent()) {
        current = call.getScope().get();
      } else if (current instanceof FieldAccessExpr access) {
        current = access.getScope();
      } else if (current instanceof NameExpr name) {
        return name.getNameAsString();
      } else {
        return null;
      }
    }
  }

  private static String verticleName(Expression expression) {
    String name = null;
    if (expression instanceof ClassExpr classExpr) {
      name = classExpr.getType().asString();
    } else if (expression instanceof ObjectCreationExpr creation) {
      name = creation.getType().getNameAsString();
    } else if (expression instanceof MethodReferenceExpr reference) {
      name = reference.getScope().toString();
    } else if (expression instanceof StringLiteralExpr literal) {
      name = literal.getValue().startsWith("java:") ? literal.getValue().substring(5) : literal.getValue();
    }
    if (name == null) {
      return null;
    }
    int generic = name.indexOf('<');
    if (generic >= 0) {
      name = name.substring(0, generic);
    }
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
