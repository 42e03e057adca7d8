package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Finds verticles deployed as workers ({@code setWorker(true)}, or the WORKER or VIRTUAL_THREAD
 * threading model) where the deployment is visible: in the same source file as the verticle.
 * Their {@code start}/{@code stop} and callbacks run on worker threads, where blocking is allowed.
 */
final class WorkerVerticles {
  private static final Map<CompilationUnitTree, Set<String>> CACHE = new WeakHashMap<>();

  private WorkerVerticles() {}

  static boolean deployedAsWorker(ClassSymbol verticle, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    Set<String> workers;
    synchronized (CACHE) {
      workers = CACHE.computeIfAbsent(unit, WorkerVerticles::scan);
    }
    return workers.contains(verticle.getQualifiedName().toString());
  }

  private static Set<String> scan(CompilationUnitTree unit) {
    Set<Symbol> workerOptions = new HashSet<>();
    // Pass 1: local variables and fields whose DeploymentOptions are set to a worker model.
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null && setsWorker(tree.getInitializer())) {
          workerOptions.add(ASTHelpers.getSymbol(tree));
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (setsWorker(tree)) {
          Symbol root = rootOf(tree);
          if (root != null) {
            workerOptions.add(root);
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(unit, null);

    // Pass 2: deployVerticle(X, options) calls whose options are worker options.
    Set<String> workers = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        Symbol method = ASTHelpers.getSymbol(tree);
        if (method != null && method.getSimpleName().contentEquals("deployVerticle")
            && tree.getArguments().size() >= 2) {
          ExpressionTree options = tree.getArguments().get(1);
          Symbol optionsSymbol = ASTHelpers.getSymbol(options);
          if (setsWorker(options) || (optionsSymbol != null && workerOptions.contains(optionsSymbol))) {
            String name = verticleName(tree.getArguments().get(0));
            if (name != null) {
              workers.add(name);
            }
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(unit, null);
    return workers;
  }

  /** Whether an expression contains {@code setWorker(true)} or a worker threading model. */
  private static boolean setsWorker(Tree expression) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        Symbol method = ASTHelpers.getSymbol(tree);
        if (method != null && tree.getArguments().size() == 1) {
          String name = method.getSimpleName().toString();
          String argument = tree.getArguments().get(0).toString();
          if ((name.equals("setWorker") && argument.equals("true"))
              || (name.equals("setThreadingModel")
                  && (argument.endsWith("WORKER") || argument.endsWith("VIRTUAL_THREAD")))) {
            found[0] = true;
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(expression, null);
    return found[0];
  }

  private static Symbol rootOf(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (true) {
      if (current instanceof MethodInvocationTree invocation) {
        current = invocation.getMethodSelect();
      } else if (current instanceof MemberSelectTree select) {
        current = select.getExpression();
      } else if (current instanceof IdentifierTree) {
        Symbol symbol = ASTHelpers.getSymbol(current);
        return symbol instanceof Symbol.VarSymbol ? symbol : null;
      } else {
        return null;
      }
    }
  }

  private static String verticleName(ExpressionTree tree) {
    if (tree instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      Symbol symbol = ASTHelpers.getSymbol(select.getExpression());
      return symbol == null ? null : symbol.getQualifiedName().toString();
    }
    if (tree instanceof NewClassTree creation) {
      Symbol symbol = ASTHelpers.getSymbol(creation.getIdentifier());
      return symbol == null ? null : symbol.getQualifiedName().toString();
    }
    if (tree instanceof MemberReferenceTree reference) {
      Symbol symbol = ASTHelpers.getSymbol(reference.getQualifierExpression());
      return symbol == null ? null : symbol.getQualifiedName().toString();
    }
    if (tree instanceof LiteralTree literal && literal.getValue() instanceof String name) {
      return name.startsWith("java:") ? name.substring(5) : name;
    }
    return null;
  }
}
