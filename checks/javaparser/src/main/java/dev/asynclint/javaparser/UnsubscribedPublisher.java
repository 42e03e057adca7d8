package dev.asynclint.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.Finding;
import dev.asynclint.core.NeverSubscribed;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A cold publisher (the catalog's {@code async-result COLD} types: Reactor, RxJava 3, Mutiny, any
 * Reactive Streams {@code Publisher}) that is created and never subscribed: dropped as a
 * statement, returned into a callback whose result is discarded, nested by {@code map} where
 * {@code flatMap} was meant, or kept in a local that is never read. The same shapes and words as
 * the Error Prone engine's check; a type the solver cannot resolve is no finding. See {@code
 * docs/rules/UnsubscribedPublisher.md}.
 */
final class UnsubscribedPublisher implements SourceRule {
  private static final String CAN_IGNORE = "CanIgnoreReturnValue";

  @Override
  public Rule rule() {
    return Rule.UNSUBSCRIBED_PUBLISHER;
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
    private final List<AsyncResultType> cold;

    Checker(SourceFile file) {
      this.file = file;
      this.types = file.expressionTypes();
      this.cold = file.catalog().asyncResultTypes(AsyncResultType.Temperature.COLD);
    }

    Optional<Finding> check(Node node) {
      if (node instanceof ExpressionStmt statement && !(statement.getParentNode().orElse(null) instanceof LambdaExpr)) {
        Expression expression = ExpressionTypes.unwrap(statement.getExpression());
        return createdColdPublisher(expression).map(type -> finding(expression,
            NeverSubscribed.dropped(BlockingCallClassifier.shown(expression), type.getName(), TypeHierarchy.name(type))));
      }
      if (node instanceof LambdaExpr lambda && lambda.getExpressionBody().isPresent()) {
        Expression body = ExpressionTypes.unwrap(lambda.getExpressionBody().get());
        Optional<ResolvedReferenceTypeDeclaration> type = createdColdPublisher(body);
        if (type.isEmpty() || !types.returnsVoid(lambda).orElse(false)) {
          return Optional.empty();
        }
        return Optional.of(finding(body, NeverSubscribed.discardedByLambda(BlockingCallClassifier.shown(body),
            type.get().getName(), operatorName(lambda))));
      }
      if (node instanceof MethodReferenceExpr reference) {
        return discardedByReference(reference);
      }
      if (node instanceof MethodCallExpr call) {
        return nestedByMap(call);
      }
      if (node instanceof VariableDeclarator variable) {
        return neverRead(variable);
      }
      return Optional.empty();
    }

    private Optional<Finding> discardedByReference(MethodReferenceExpr reference) {
      if (reference.getIdentifier().equals("new") || !types.returnsVoid(reference).orElse(false)) {
        return Optional.empty();
      }
      Optional<Callable> target = file.calls().resolve(reference);
      if (target.isEmpty() || !(target.get().declaration() instanceof ResolvedMethodDeclaration method)
          || ignorable(target.get())) {
        return Optional.empty();
      }
      return coldType(method.getReturnType()).map(type -> finding(reference, NeverSubscribed.discardedByReference(
          BlockingCallClassifier.shown(reference), type.getName(), operatorName(reference))));
    }

    private Optional<Finding> nestedByMap(MethodCallExpr call) {
      String name = call.getNameAsString();
      if (!name.equals("map") && !name.equals("transform")) {
        return Optional.empty();
      }
      // Only when the nested publisher goes on into an operator that does not flatten it; when it
      // is returned, stored or passed on, someone else may still flatten it.
      if (!(call.getParentNode().orElse(null) instanceof MethodCallExpr next)
          || next.getScope().orElse(null) != call || NeverSubscribed.flattens(next.getNameAsString())) {
        return Optional.empty();
      }
      if (name.equals("map") && file.calls().receiverClass(call).filter(receiver -> !isCold(receiver)).isPresent()) {
        // A map declared in a cold publisher type is a member of cold types only: a receiver of
        // another class (a Stream, an Optional) needs no resolving to rule it out.
        return Optional.empty();
      }
      Optional<Callable> method = file.calls().resolve(call);
      if (method.isEmpty() || !isMapOperator(method.get())) {
        return Optional.empty();
      }
      Optional<ResolvedType> result = types.typeOf(call);
      if (result.isEmpty()) {
        return Optional.empty();
      }
      List<ResolvedType> arguments = ExpressionTypes.typeArguments(result.get());
      if (arguments.isEmpty()) {
        return Optional.empty();
      }
      Optional<ResolvedReferenceTypeDeclaration> inner = coldType(arguments.get(0));
      Optional<ResolvedReferenceTypeDeclaration> outer = coldType(result.get());
      if (inner.isEmpty() || outer.isEmpty()) {
        return Optional.empty();
      }
      String flat = NeverSubscribed.flatteningName(name, TypeHierarchy.name(outer.get()), TypeHierarchy.name(inner.get()));
      return Optional.of(finding(call, NeverSubscribed.nestedByMap(name, outer.get().getName(), inner.get().getName(), flat)));
    }

    private boolean isMapOperator(Callable method) {
      if (method.name().equals("map")) {
        Optional<ResolvedReferenceTypeDeclaration> owner = file.matcher().types().solve(method.declaringType());
        return owner.isPresent() && isCold(owner.get());
      }
      // Mutiny: uni.onItem().transform(x -> otherUni)
      return method.name().equals("transform") && method.declaringType().startsWith("io.smallrye.mutiny.groups.")
          && method.declaringSimpleName().endsWith("OnItem");
    }

    private Optional<Finding> neverRead(VariableDeclarator variable) {
      if (!(variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr)
          || variable.getInitializer().isEmpty() || variable.getNameAsString().startsWith("unused")) {
        return Optional.empty();
      }
      Expression initializer = ExpressionTypes.unwrap(variable.getInitializer().get());
      if (!(initializer instanceof MethodCallExpr || initializer instanceof ObjectCreationExpr)
          || Locals.isRead(file, variable)) {
        return Optional.empty();
      }
      return createdColdPublisher(initializer).map(type -> finding(variable.getName(),
          NeverSubscribed.neverRead(variable.getNameAsString(), type.getName(), TypeHierarchy.name(type))));
    }

    /** The cold type a call or constructor creates, unless it may be ignored or it subscribes. */
    private Optional<ResolvedReferenceTypeDeclaration> createdColdPublisher(Expression expression) {
      if (!(expression instanceof MethodCallExpr || expression instanceof ObjectCreationExpr)) {
        return Optional.empty();
      }
      // The type first: it is memoised and shared with UnawaitedFuture, and most calls are not cold.
      Optional<ResolvedReferenceTypeDeclaration> type =
          types.asyncTypeOf(expression, file.matcher().types(), this::isCold).flatMap(this::coldType);
      if (type.isEmpty()) {
        return type;
      }
      Optional<Callable> method = file.calls().resolve(expression);
      if (method.isEmpty() || ignorable(method.get())) {
        return Optional.empty();
      }
      if (expression instanceof MethodCallExpr call) {
        if (subscribes(method.get())) {
          return Optional.empty(); // subscribeWith(processor) hands back what it subscribed
        }
        int given = HandedBack.source(method.get());
        if (given == HandedBack.HELD) {
          return Optional.empty(); // executions.put(node, flux) drops the previous mapping, not flux
        }
        if (given >= 0) {
          // Objects.requireNonNull(flux) hands back what it was given: it is dropped only if it was
          // made right there.
          return given < call.getArguments().size()
              ? createdColdPublisher(ExpressionTypes.unwrap(call.getArgument(given)))
              : Optional.empty();
        }
        // verify(repo).save(x), doReturn(m).when(repo).save(x): a stubbing or verification, not a call.
        if (call.getScope().map(ExpressionTypes::unwrap).orElse(null) instanceof MethodCallExpr receiver) {
          Optional<Callable> receiverMethod = file.calls().resolve(receiver);
          if (receiverMethod.isEmpty() || receiverMethod.get().declaringType().startsWith("org.mockito.")) {
            return Optional.empty();
          }
        }
        // reactor-netty's connections and responses implement Publisher but are stateful objects:
        // response.header(k, v) configures and hands back the receiver; it creates nothing.
        if (!method.get().isStatic() && HandedBack.returnsThis(method.get(), file.sourceDeclaration(method.get()))) {
          return Optional.empty();
        }
      }
      return type;
    }

    private Optional<ResolvedReferenceTypeDeclaration> coldType(ResolvedType type) {
      return ExpressionTypes.declaration(type).filter(this::isCold);
    }

    private boolean isCold(ResolvedReferenceTypeDeclaration type) {
      TypeHierarchy hierarchy = file.matcher().types();
      for (AsyncResultType entry : cold) {
        if (hierarchy.isSubtype(type, entry.type())) {
          return true;
        }
      }
      return false;
    }

    /** A method the catalog lists as subscribing its receiver (the COLD entries' handlers=). */
    private boolean subscribes(Callable method) {
      TypeHierarchy hierarchy = file.matcher().types();
      for (AsyncResultType entry : cold) {
        if (hierarchy.isSubtype(method.declaringType(), entry.type())
            && entry.handlers().stream().anyMatch(h -> NeverSubscribed.globMatches(h, method.name()))) {
          return true;
        }
      }
      return false;
    }

    private static boolean ignorable(Callable method) {
      return Locals.annotatedInSource(method.declaration(), CAN_IGNORE)
          || Locals.annotated(method.declaration().declaringType(), "com.google.errorprone.annotations." + CAN_IGNORE);
    }

    /** The name of the method a lambda or method reference is passed to, or empty. */
    private static String operatorName(Node functional) {
      return ExpressionTypes.callReceiving(functional)
          .map(call -> call instanceof MethodCallExpr m ? m.getNameAsString() : "")
          .orElse("");
    }

    private Finding finding(Node reported, String message) {
      Node where = reported instanceof MethodCallExpr call ? call.getName() : reported;
      return new Finding(Rule.UNSUBSCRIBED_PUBLISHER.id(), Severity.ERROR, file.path(),
          where.getBegin().map(p -> p.line).orElse(0), where.getBegin().map(p -> p.column).orElse(0),
          message, "", List.of(), "");
    }
  }
}
