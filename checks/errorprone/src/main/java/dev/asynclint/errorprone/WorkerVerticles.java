package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
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
 * threading model) where the deployment is visible: in the same source file as the verticle,
 * including anonymous verticles deployed directly, through a local variable or a supplier.
 * Their {@code start}/{@code stop} and callbacks run on worker threads, where blocking is allowed.
 */
final class WorkerVerticles {
  /** Per source file, the flat names of verticle classes (named or anonymous) deployed as workers. */
  private static final Map<CompilationUnitTree, Set<String>> CACHE = new WeakHashMap<>();

  private WorkerVerticles() {}

  static boolean deployedAsWorker(ClassSymbol verticle, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    Set<String> workers;
    synchronized (CACHE) {
      workers = CACHE.computeIfAbsent(unit, WorkerVerticles::scan);
    }
    return workers.contains(verticle.flatName().toString());
  }

  private static Set<String> scan(CompilationUnitTree unit) {
    Set<Symbol> workerOptions = new HashSet<>();
    Map<Symbol, ExpressionTree> initializers = new java.util.HashMap<>();
    // Pass 1: local variables and fields whose DeploymentOptions are set to a worker model.
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null) {
          Symbol symbol = ASTHelpers.getSymbol(tree);
          if (symbol != null) {
            initializers.put(symbol, tree.getInitializer());
          }
          if (setsWorker(tree.getInitializer())) {
            workerOptions.add(symbol);
          }
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
            verticleNames(tree.getArguments().get(0), initializers, workers, 0);
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

  /**
   * The classes a deployVerticle argument deploys: {@code X.class}, {@code new X()}, an anonymous
   * {@code new AbstractVerticle() {...}}, {@code X::new}, a supplier lambda returning one of those,
   * a local variable holding one, or a {@code "java:pkg.X"} name.
   */
  private static void verticleNames(
      Tree tree, Map<Symbol, ExpressionTree> initializers, Set<String> out, int depth) {
    if (tree == null || depth > 4) {
      return;
    }
    if (tree instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      addClass(ASTHelpers.getSymbol(select.getExpression()), out);
    } else if (tree instanceof NewClassTree creation) {
      addClass(creation.getClassBody() != null
          ? ASTHelpers.getSymbol(creation.getClassBody())
          : ASTHelpers.getSymbol(creation.getIdentifier()), out);
    } else if (tree instanceof MemberReferenceTree reference) {
      addClass(ASTHelpers.getSymbol(reference.getQualifierExpression()), out);
    } else if (tree instanceof LambdaExpressionTree lambda) {
      if (lambda.getBody() instanceof ExpressionTree body) {
        verticleNames(body, initializers, out, depth + 1);
      } else {
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitReturn(ReturnTree ret, Void unused) {
            verticleNames(ret.getExpression(), initializers, out, depth + 1);
            return null;
          }

          @Override
          public Void visitLambdaExpression(LambdaExpressionTree nested, Void unused) {
            return null;
          }

          @Override
          public Void visitClass(ClassTree nested, Void unused) {
            return null;
          }
        }.scan(lambda.getBody(), null);
      }
    } else if (tree instanceof IdentifierTree) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol instanceof Symbol.VarSymbol) {
        verticleNames(initializers.get(symbol), initializers, out, depth + 1);
      }
    } else if (tree instanceof LiteralTree literal && literal.getValue() instanceof String name) {
      out.add(name.startsWith("java:") ? name.substring(5) : name);
    }
  }

  private static void addClass(Symbol symbol, Set<String> out) {
    if (symbol instanceof ClassSymbol cls) {
      out.add(cls.flatName().toString());
    }
  }

}
