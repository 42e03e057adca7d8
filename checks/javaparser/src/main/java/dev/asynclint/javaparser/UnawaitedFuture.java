package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.declarations.JavaParserVariableDeclaration;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.DroppedFuture;
import dev.asynclint.core.Finding;
import dev.asynclint.core.MethodPattern;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A hot async result (the catalog's {@code async-result HOT} types) dropped with no failure
 * handler at the end of its chain: as an expression statement, as the discarded result of a
 * lambda or method reference, or in a local that is never read. The same shapes and words as the
 * Error Prone engine's check; a type the solver cannot resolve is no finding. See {@code
 * docs/rules/UnawaitedFuture.md}.
 */
final class UnawaitedFuture implements SourceRule {
  private static final String CAN_IGNORE_RETURN_VALUE = "CanIgnoreReturnValue";

  @Override
  public Rule rule() {
    return Rule.UNAWAITED_FUTURE;
  }

  @Override
  public void check(SourceFile file, Consumer<Finding> findings) {
    Checker checker = new Checker(file);
    file.unit().walk(node -> {
      try {
        Optional<Finding> found = checker.check(node);
        if (found.isPresent() && !Annotations.suppressed(node, rule().id())) {
          findings.accept(found.get());
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        file.calls().countFailure(); // one shape the solver chokes on never stops the file
      }
    });
  }

  private static final class Checker {
    private final SourceFile file;
    private final ExpressionTypes types;

    Checker(SourceFile file) {
      this.file = file;
      this.types = file.expressionTypes();
    }

    Optional<Finding> check(Node node) {
      if (node instanceof ExpressionStmt statement && !(statement.getParentNode().orElse(null) instanceof LambdaExpr)) {
        Expression expression = ExpressionTypes.unwrap(statement.getExpression());
        if (!created(expression)) {
          return Optional.empty(); // assignments and increments keep or discard no result
        }
        // Reported at the statement, as javac positions it: where the chain starts.
        return check(expression, asyncTypeOf(expression), statement, DroppedFuture.DROPPED);
      }
      if (node instanceof LambdaExpr lambda && lambda.getExpressionBody().isPresent()) {
        Expression body = ExpressionTypes.unwrap(lambda.getExpressionBody().get());
        if (!created(body) || !types.returnsVoid(lambda).orElse(false)) {
          return Optional.empty();
        }
        return check(body, asyncTypeOf(body), body, DroppedFuture.RETURNED_FROM_LAMBDA);
      }
      if (node instanceof MethodReferenceExpr reference) {
        if (reference.getIdentifier().equals("new") || !types.returnsVoid(reference).orElse(false)) {
          return Optional.empty();
        }
        Optional<Callable> target = file.calls().resolve(reference);
        if (target.isEmpty() || !(target.get().declaration() instanceof ResolvedMethodDeclaration method)) {
          return Optional.empty();
        }
        return check(reference, Optional.of(method.getReturnType()), reference,
            DroppedFuture.RETURNED_THROUGH_REFERENCE);
      }
      if (node instanceof VariableDeclarator variable) {
        return checkLocal(variable);
      }
      return Optional.empty();
    }

    private Optional<Finding> checkLocal(VariableDeclarator variable) {
      if (!(variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)
          || variable.getInitializer().isEmpty()
          || variable.getNameAsString().startsWith("unused")) {
        return Optional.empty();
      }
      Expression initializer = ExpressionTypes.unwrap(variable.getInitializer().get());
      if (!created(initializer)) {
        return Optional.empty(); // an alias: the original is still around to be handled
      }
      if (Locals.isRead(file, variable)) {
        return Optional.empty();
      }
      Optional<ResolvedType> type;
      try {
        type = variable.getType().isVarType() ? asyncTypeOf(initializer) : Optional.of(variable.getType().resolve());
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        type = Optional.empty();
      }
      return check(initializer, type, variable.getName(), DroppedFuture.storedIn(variable.getNameAsString()));
    }

    private Optional<ResolvedType> asyncTypeOf(Expression expression) {
      return types.asyncTypeOf(expression, file.matcher().types(), type -> hotResult(type).isPresent());
    }

    private static boolean created(Expression expression) {
      return expression instanceof MethodCallExpr || expression instanceof ObjectCreationExpr;
    }

    private Optional<Finding> check(Expression expression, Optional<ResolvedType> type, Node reported, String how) {
      Optional<HotResult> hot = type.flatMap(t -> hotResult(t));
      if (hot.isEmpty()) {
        return Optional.empty();
      }
      ScanOptions.RuleOptions options = file.options().rules();
      if (hot.get().netty() && !options.nettyFutures()) {
        return Optional.empty();
      }
      if (handled(expression, hot.get()) || exempt(expression, hot.get(), options)) {
        return Optional.empty();
      }
      String message = new DroppedFuture(BlockingCallClassifier.shown(expression), hot.get().typeName(),
          hot.get().entries(), how, stepName(expression)).message();
      Node where = reported instanceof MethodCallExpr call ? call.getName() : reported;
      return Optional.of(new Finding(Rule.UNAWAITED_FUTURE.id(), Severity.WARNING, file.path(),
          where.getBegin().map(p -> p.line).orElse(0), where.getBegin().map(p -> p.column).orElse(0),
          message, "", List.of(), ""));
    }

    /** A hot result type as the catalog sees it: every catalog entry the type is a subtype of. */
    private record HotResult(String qualifiedName, String typeName, List<AsyncResultType> entries) {
      boolean netty() {
        return qualifiedName.startsWith("io.netty.");
      }
    }

    private Optional<HotResult> hotResult(ResolvedType type) {
      return ExpressionTypes.declaration(type).flatMap(this::hotResult);
    }

    private Optional<HotResult> hotResult(ResolvedReferenceTypeDeclaration declared) {
      Optional<ResolvedReferenceTypeDeclaration> declaration = Optional.of(declared);
      TypeHierarchy hierarchy = file.matcher().types();
      List<AsyncResultType> matched = file.catalog().asyncResultTypes(AsyncResultType.Temperature.HOT).stream()
          .filter(entry -> hierarchy.isSubtype(declaration.get(), entry.type()))
          .toList();
      if (matched.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new HotResult(TypeHierarchy.name(declaration.get()), declaration.get().getName(), matched));
    }

    /** Whether the last step of the chain (or a handler before same-future listeners) sees failure. */
    private boolean handled(Expression expression, HotResult hot) {
      Expression current = expression;
      while (true) {
        String name = stepName(current);
        if (name.isEmpty()) {
          return false;
        }
        if (DroppedFuture.handles(hot.entries(), name)) {
          return true;
        }
        if (!(current instanceof MethodCallExpr call)) {
          return false;
        }
        Optional<Expression> receiver = call.getScope();
        if (!(DroppedFuture.SAME_FUTURE_LISTENERS.contains(name) || DroppedFuture.SAME_FUTURE_SETTINGS.contains(name))
            || receiver.isEmpty()) {
          return false;
        }
        Expression root = ExpressionTypes.unwrap(receiver.get());
        if (!created(root)) {
          // A future held in a variable lives on: configuring it drops nothing, and a listener
          // only drops it if the variable has no other use (onFailure in another statement, ...).
          return DroppedFuture.SAME_FUTURE_SETTINGS.contains(name) || usedBeyondListeners(root);
        }
        Optional<HotResult> receiverHot = types.typeOf(receiver.get()).flatMap(t -> hotResult(t));
        if (receiverHot.isEmpty()) {
          return false;
        }
        hot = receiverHot.get();
        current = root;
      }
    }

    /**
     * Whether the future in {@code holder} is used other than by same-future listeners: always for
     * fields and parameters, and whenever the holder cannot be resolved (no guess); for a local,
     * any other read in the enclosing method.
     */
    private boolean usedBeyondListeners(Expression holder) {
      if (!(holder instanceof NameExpr name)) {
        return true;
      }
      VariableDeclarator declarator;
      try {
        ResolvedValueDeclaration value = name.resolve();
        if (!(value instanceof JavaParserVariableDeclaration local)) {
          return true;
        }
        declarator = local.getVariableDeclarator();
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return true;
      }
      Optional<CallableDeclaration> scope = holder.findAncestor(CallableDeclaration.class);
      if (scope.isEmpty()) {
        return true;
      }
      Node visible = Locals.scopeOf(declarator);
      for (NameExpr use : file.uses(name.getNameAsString())) {
        if (!Locals.within(use, scope.get()) || !Locals.within(use, visible)) {
          continue;
        }
        if (use.getParentNode().orElse(null) instanceof MethodCallExpr call
            && call.getScope().map(s -> ExpressionTypes.unwrap(s) == use).orElse(false)
            && DroppedFuture.SAME_FUTURE_LISTENERS.contains(call.getNameAsString())) {
          continue;
        }
        return true;
      }
      return false;
    }

    private static String stepName(Expression expression) {
      if (expression instanceof MethodCallExpr call) {
        return call.getNameAsString();
      }
      if (expression instanceof MethodReferenceExpr reference) {
        return reference.getIdentifier();
      }
      return "";
    }

    private boolean exempt(Expression expression, HotResult hot, ScanOptions.RuleOptions options) {
      if (expression instanceof ObjectCreationExpr) {
        return false;
      }
      Optional<Callable> resolved = file.calls().resolve(expression);
      if (resolved.isEmpty()) {
        return true; // which method it is decides the exemptions: unknown is no finding
      }
      Callable method = resolved.get();
      if (ignorable(method)) {
        return true;
      }
      if (expression instanceof MethodCallExpr call) {
        // connections.put(uri, future) hands back the previous mapping; requireNonNull(future) hands
        // back its argument, which is dropped here only if it was made right here.
        int given = HandedBack.source(method);
        if (given == HandedBack.HELD) {
          return true;
        }
        if (given >= 0 && given < call.getArguments().size()) {
          return !created(ExpressionTypes.unwrap(call.getArgument(given)));
        }
      }
      CatalogMatcher matcher = file.matcher();
      for (MethodPattern pattern : DroppedFuture.EXEMPT) {
        if (matcher.matches(pattern, method)) {
          return true;
        }
      }
      if (!options.vertxWritesAndCloses()) {
        for (MethodPattern pattern : DroppedFuture.VERTX_WRITES_AND_CLOSES) {
          if (matcher.matches(pattern, method)) {
            return true;
          }
        }
      }
      // Netty's fluent future API (setSuccess, addListener, sync, ...) returns the future it was
      // called on; dropping that copy loses nothing.
      if (!hot.netty() || method.isStatic() || !(method.declaration() instanceof ResolvedMethodDeclaration declared)) {
        return false;
      }
      Optional<String> receiver = method.receiverType().get();
      Optional<ResolvedReferenceTypeDeclaration> returned = ExpressionTypes.declaration(declared.getReturnType());
      return receiver.isPresent() && returned.isPresent() && receiver.get().startsWith("io.netty.")
          && file.matcher().types().isSubtype(receiver.get(), TypeHierarchy.name(returned.get()));
    }

    /** {@code @CanIgnoreReturnValue} on the method (declared in the sources) or on its class. */
    private static boolean ignorable(Callable method) {
      return Locals.annotatedInSource(method.declaration(), CAN_IGNORE_RETURN_VALUE)
          || Locals.annotated(method.declaration().declaringType(), "com.google.errorprone.annotations." + CAN_IGNORE_RETURN_VALUE);
    }
  }
}
