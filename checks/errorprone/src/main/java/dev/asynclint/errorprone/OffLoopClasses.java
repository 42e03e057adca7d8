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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classes whose code runs off the event loop because of how the project deploys them, found in
 * every source file of the compilation:
 *
 * <ul>
 *   <li>Vert.x verticles deployed as workers ({@code setWorker(true)}, or the WORKER or
 *       VIRTUAL_THREAD threading model): their {@code start}/{@code stop} and callbacks run on
 *       worker threads. Named and anonymous verticles, deployed directly, through a local variable
 *       or a supplier.
 *   <li>Netty handlers added to a pipeline with their own {@code EventExecutorGroup}
 *       ({@code pipeline.addLast(blockingGroup, new DbHandler())}), Netty's way to run a handler
 *       where it may block; not when the group is an {@code EventLoopGroup}.
 * </ul>
 */
final class OffLoopClasses {
  private static final String EVENT_EXECUTOR_GROUP = "io.netty.util.concurrent.EventExecutorGroup";
  private static final String EVENT_LOOP_GROUP = "io.netty.channel.EventLoopGroup";

  /** Per javac run, the flat names of the classes deployed off the loop. */
  private static final PerCompilation<Set<String>> CACHE = new PerCompilation<>();

  private OffLoopClasses() {}

  static boolean runOffLoop(ClassSymbol type, VisitorState state) {
    Set<String> offLoop = CACHE.ifLast(state.context);
    if (offLoop == null) {
      offLoop = CACHE.get(state.context, c -> scan(Compilation.units(state), state));
    }
    return offLoop.contains(type.flatName().toString());
  }

  private static Set<String> scan(List<CompilationUnitTree> units, VisitorState state) {
    Set<String> offLoop = new HashSet<>();
    for (CompilationUnitTree unit : units) {
      offLoop.addAll(scan(unit, state));
    }
    return offLoop;
  }

  private static Set<String> scan(CompilationUnitTree unit, VisitorState state) {
    if (!mentionsDeployment(unit)) {
      return Set.of();
    }
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
        // options.setWorker(true).setInstances(2): the setter itself has the same root as the chain.
        if (isWorkerSetter(tree)) {
          Symbol root = rootOf(tree);
          if (root != null) {
            workerOptions.add(root);
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(unit, null);

    // Pass 2: deployVerticle(X, options) calls whose options are worker options, and Netty
    // pipeline additions with an executor group of their own.
    Set<String> workers = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        Symbol method = ASTHelpers.getSymbol(tree);
        if (method != null && isPipelineAddWithOwnGroup(tree, state)) {
          for (ExpressionTree handler : tree.getArguments().subList(1, tree.getArguments().size())) {
            verticleNames(handler, initializers, workers, 0);
          }
        }
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

  /**
   * Whether the file's text names a call that can deploy a verticle or add a pipeline handler;
   * most files do not, and reading the text (javac keeps it) is far cheaper than two passes over
   * their trees. When the text cannot be read, the trees are scanned.
   */
  private static boolean mentionsDeployment(CompilationUnitTree unit) {
    CharSequence text;
    try {
      text = unit.getSourceFile().getCharContent(true);
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
    // Not a loop of our own over the characters: tried, it was slower, as in a cold javac it runs
    // interpreted while the JIT is busy, and String.contains is an intrinsic compiled early.
    String source = text.toString();
    for (String name : DEPLOYING_NAMES) {
      if (source.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> DEPLOYING_NAMES =
      List.of("deployVerticle", "addLast", "addFirst", "addBefore", "addAfter", "replace");

  /** {@code pipeline.addLast(group, ...)} and friends where the group is not an event loop group. */
  private static boolean isPipelineAddWithOwnGroup(MethodInvocationTree tree, VisitorState state) {
    Symbol method = ASTHelpers.getSymbol(tree);
    String name = method.getSimpleName().toString();
    if (!(name.equals("addLast") || name.equals("addFirst") || name.equals("addBefore")
            || name.equals("addAfter") || name.equals("replace"))
        || tree.getArguments().size() < 2
        || !CatalogLookup.isSubtype(method.owner.type, "io.netty.channel.ChannelPipeline", state)) {
      return false;
    }
    com.sun.tools.javac.code.Type group = ASTHelpers.getType(tree.getArguments().get(0));
    return CatalogLookup.isSubtype(group, EVENT_EXECUTOR_GROUP, state)
        && !CatalogLookup.isSubtype(group, EVENT_LOOP_GROUP, state);
  }

  /** Whether an expression contains {@code setWorker(true)} or a worker threading model. */
  private static boolean setsWorker(Tree expression) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (isWorkerSetter(tree)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(expression, null);
    return found[0];
  }

  /** {@code setWorker(true)} or {@code setThreadingModel(WORKER|VIRTUAL_THREAD)} itself. */
  private static boolean isWorkerSetter(MethodInvocationTree tree) {
    if (tree.getArguments().size() != 1) {
      return false;
    }
    // The name from the tree first: this runs on every call of the compilation.
    ExpressionTree select = tree.getMethodSelect();
    javax.lang.model.element.Name name = select instanceof MemberSelectTree member ? member.getIdentifier()
        : select instanceof IdentifierTree id ? id.getName() : null;
    if (name == null || !(name.contentEquals("setWorker") || name.contentEquals("setThreadingModel"))) {
      return false;
    }
    String argument = tree.getArguments().get(0).toString();
    return name.contentEquals("setWorker") ? argument.equals("true")
        : argument.endsWith("WORKER") || argument.endsWith("VIRTUAL_THREAD");
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
   * The classes a deployVerticle or addLast argument deploys: {@code X.class}, {@code new X()}, an anonymous
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
