package dev.asynclint.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classes whose code runs off the event loop because of how the project deploys them, found in
 * every scanned file before the rules run, as the Error Prone engine's {@code OffLoopClasses}:
 *
 * <ul>
 *   <li>Vert.x verticles deployed as workers ({@code setWorker(true)}, or the WORKER or
 *       VIRTUAL_THREAD threading model): named and anonymous, deployed directly, through a
 *       variable or a supplier;
 *   <li>Netty handlers added to a pipeline with their own {@code EventExecutorGroup}
 *       ({@code pipeline.addLast(blockingGroup, new DbHandler())}); not when the group is an
 *       {@code EventLoopGroup}.
 * </ul>
 *
 * Named classes are keyed by qualified name (by simple name when the solver cannot resolve
 * them); anonymous classes by file and position, since they can only be deployed where written.
 */
final class OffLoopClasses {
  private static final String CHANNEL_PIPELINE = "io.netty.channel.ChannelPipeline";
  private static final String EVENT_EXECUTOR_GROUP = "io.netty.util.concurrent.EventExecutorGroup";
  private static final String EVENT_LOOP_GROUP = "io.netty.channel.EventLoopGroup";
  /**
   * {@code addLast(group, handler...)}: a first argument that is not a name string, then more, in
   * a file that names an executor type (the group's, or its variable's).
   */
  private static final Pattern MAY_ADD_WITH_GROUP =
      Pattern.compile("\\b(?:add(?:Last|First|Before|After)|replace)\\s*+\\(\\s*+[\\w.]++(?:\\(\\s*\\))?\\s*+,");
  private static final Pattern SETS_WORKER = Pattern.compile("setWorker|WORKER|VIRTUAL_THREAD");

  static final OffLoopClasses NONE = new OffLoopClasses(Set.of());

  private final Set<String> keys;

  OffLoopClasses(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  /** The cheap test before a file is parsed for deployments. */
  static boolean mayDeploy(String text) {
    return (text.contains("deployVerticle") && SETS_WORKER.matcher(text).find())
        || (text.contains("EventExecutor") && MAY_ADD_WITH_GROUP.matcher(text).find());
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Whether a class declaration (named) or class body (anonymous, in {@code path}) runs off the loop. */
  boolean runsOffLoop(Node type, String path) {
    if (keys.isEmpty()) {
      return false;
    }
    if (type instanceof ObjectCreationExpr creation) {
      return keys.contains(anonymousKey(creation, path));
    }
    if (type instanceof TypeDeclaration<?> declaration) {
      Optional<String> qualified = declaration.getFullyQualifiedName();
      return (qualified.isPresent() && keys.contains(qualified.get()))
          || keys.contains(unresolvedKey(declaration.getNameAsString()));
    }
    return false;
  }

  private static String anonymousKey(ObjectCreationExpr creation, String path) {
    return creation.getBegin().map(p -> "@" + path + ":" + p.line + ":" + p.column).orElse("@?");
  }

  private static String unresolvedKey(String simpleName) {
    return "?" + simpleName;
  }

  /** The off-loop classes one file deploys (added to {@code out}). */
  static void collect(CompilationUnit unit, String path, TypeHierarchy types, Set<String> out) {
    Set<String> workerOptions = new HashSet<>();
    for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
      if (variable.getInitializer().map(OffLoopClasses::setsWorker).orElse(false)) {
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
    Variables variables = new Variables(unit);
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if (name.equals("deployVerticle") && call.getArguments().size() >= 2) {
        Expression options = call.getArgument(1);
        if (setsWorker(options)
            || (options instanceof NameExpr variable && workerOptions.contains(variable.getNameAsString()))) {
          deployed(call.getArgument(0), path, variables, out, 0);
        }
      } else if ((name.equals("addLast") || name.equals("addFirst") || name.equals("addBefore")
              || name.equals("addAfter") || name.equals("replace"))
          && call.getArguments().size() >= 2 && addsWithOwnGroup(call, types)) {
        for (Expression handler : call.getArguments().subList(1, call.getArguments().size())) {
          deployed(handler, path, variables, out, 0);
        }
      }
    }
  }

  private static boolean addsWithOwnGroup(MethodCallExpr call, TypeHierarchy types) {
    if (call.getArgument(0) instanceof StringLiteralExpr) {
      return false;
    }
    try {
      Optional<ResolvedReferenceTypeDeclaration> owner = call.getScope().flatMap(CallResolver::typeOf);
      Optional<ResolvedReferenceTypeDeclaration> group = CallResolver.typeOf(call.getArgument(0));
      return owner.isPresent() && types.isSubtype(owner.get(), CHANNEL_PIPELINE)
          && group.isPresent() && types.isSubtype(group.get(), EVENT_EXECUTOR_GROUP)
          && !types.isSubtype(group.get(), EVENT_LOOP_GROUP);
    } catch (RuntimeException | StackOverflowError e) {
      return false; // cannot tell the group's type: the handler keeps its event-loop context
    }
  }

  private static boolean setsWorker(Node expression) {
    if (expression instanceof MethodCallExpr call && isWorkerSetter(call)) {
      return true;
    }
    return expression.findAll(MethodCallExpr.class).stream().anyMatch(OffLoopClasses::isWorkerSetter);
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

  /**
   * The classes a deployVerticle or addLast argument deploys: {@code X.class}, {@code new X()}, an
   * anonymous {@code new AbstractVerticle() {...}}, {@code X::new}, a supplier lambda returning
   * one of those, a variable holding one, or a {@code "java:pkg.X"} name.
   */
  private static void deployed(Expression expression, String path, Variables variables, Set<String> out, int depth) {
    if (expression == null || depth > 4) {
      return;
    }
    Expression tree = ReactiveChain.strip(expression);
    if (tree instanceof ClassExpr classExpr && classExpr.getType() instanceof ClassOrInterfaceType type) {
      addClass(type, out);
    } else if (tree instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent()) {
        out.add(anonymousKey(creation, path));
      } else {
        addClass(creation.getType(), out);
      }
    } else if (tree instanceof MethodReferenceExpr reference
        && reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr typeExpr
        && typeExpr.getType() instanceof ClassOrInterfaceType type) {
      addClass(type, out);
    } else if (tree instanceof LambdaExpr lambda) {
      if (lambda.getBody() instanceof ExpressionStmt body) {
        deployed(body.getExpression(), path, variables, out, depth + 1);
      } else {
        lambda.getBody().walk(ReturnStmt.class, ret -> {
          if (ret.findAncestor(LambdaExpr.class).orElse(null) == lambda
              && ret.findAncestor(ObjectCreationExpr.class).map(c -> Variables.contains(lambda, c)).orElse(false) == false) {
            ret.getExpression().ifPresent(value -> deployed(value, path, variables, out, depth + 1));
          }
        });
      }
    } else if (tree instanceof NameExpr) {
      VariableDeclarator variable = variables.declaration(tree);
      if (variable != null) {
        variable.getInitializer().ifPresent(value -> deployed(value, path, variables, out, depth + 1));
      }
    } else if (tree instanceof StringLiteralExpr literal) {
      String name = literal.getValue();
      out.add(name.startsWith("java:") ? name.substring(5) : name);
    }
  }

  private static void addClass(ClassOrInterfaceType type, Set<String> out) {
    try {
      ResolvedType resolved = type.resolve();
      if (resolved.isReferenceType() && resolved.asReferenceType().getTypeDeclaration().isPresent()) {
        out.add(TypeHierarchy.name(resolved.asReferenceType().getTypeDeclaration().get()));
        return;
      }
    } catch (RuntimeException | StackOverflowError e) {
      // a class the solver cannot find: keep its simple name
    }
    out.add(unresolvedKey(type.getNameAsString()));
  }

  /** The declaration or anonymous class body that encloses a node, nearest first. */
  static Node enclosingClass(Node node) {
    for (Node current = node.getParentNode().orElse(null); current != null;
        current = current.getParentNode().orElse(null)) {
      if (current instanceof TypeDeclaration<?>
          || (current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
              && creation.getAnonymousClassBody().get().stream().anyMatch(member -> Variables.contains(member, node)))) {
        return current;
      }
    }
    return null;
  }
}
