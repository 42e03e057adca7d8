package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.resolution.MethodUsage;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.logic.FunctionalInterfaceLogic;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static types of expressions and the shapes of the functional interfaces lambdas are given to,
 * from the symbol solver, memoised per file. Every question that cannot be answered (a type
 * missing from the classpath, inference JavaParser gives up on) is "unknown", and the rules then
 * report nothing: they never guess a type.
 */
final class ExpressionTypes {
  private final CallResolver calls;
  private final Map<Node, Optional<ResolvedType>> types = new IdentityHashMap<>();
  ExpressionTypes(CallResolver calls) {
    this.calls = calls;
  }

  /**
   * The static type of a call or constructor call that may be an async result (a catalog HOT or
   * COLD type), or empty. Typing every dropped call with the solver is what a scan would spend
   * most of its time on (it resolves every argument, lambdas included), so a cheaper question
   * comes first: the declared return types of the receiver's methods of that name and arity. Only
   * when one of them may be async, or that cannot be told, is the expression typed in full.
   */
  Optional<ResolvedType> asyncTypeOf(Expression expression, TypeHierarchy hierarchy,
      java.util.function.Predicate<ResolvedReferenceTypeDeclaration> isAsync) {
    if (expression instanceof MethodCallExpr call) {
      Optional<Boolean> may = mayReturnAsync(call, hierarchy, isAsync, 0);
      if (may.isPresent() && !may.get()) {
        return Optional.empty();
      }
      if (may.isPresent()) {
        // Every candidate returns the same type: that is the call's type, without typing its arguments.
        Optional<ResolvedType> agreed = agreedReturnType(call, hierarchy);
        if (agreed.isPresent()) {
          return agreed;
        }
      }
    }
    return typeOf(expression);
  }

  private static final int MAX_CHAIN = 6;

  /** Empty when it cannot be told cheaply; then the caller types the expression in full. */
  private Optional<Boolean> mayReturnAsync(MethodCallExpr call, TypeHierarchy hierarchy,
      java.util.function.Predicate<ResolvedReferenceTypeDeclaration> isAsync, int depth) {
    Optional<ResolvedType> receiver = receiverType(call, hierarchy, depth);
    Optional<ResolvedReferenceTypeDeclaration> declaration = receiver.flatMap(ExpressionTypes::declaration);
    if (declaration.isEmpty()) {
      return Optional.empty();
    }
    List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> candidates =
        members(call, declaration.get(), hierarchy);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    boolean may = false;
    for (var method : candidates) {
      Optional<ResolvedType> returned = hierarchy.returnedBy(method, receiver.get(), ExpressionTypes::returnedBy)
          .or(() -> inferredReturn(call, method, hierarchy));
      if (returned.isEmpty()) {
        return Optional.empty();
      }
      if (returned.get().isVoid() || returned.get().isPrimitive()) {
        continue;
      }
      Optional<ResolvedReferenceTypeDeclaration> type = declaration(returned.get());
      if (type.isEmpty()) {
        return Optional.empty();
      }
      may |= isAsync.test(type.get());
    }
    return Optional.of(may);
  }

  /**
   * The return type of a generic method's call made as a statement, where javac infers it from
   * the arguments alone ({@code Objects.requireNonNull(name)} returns what {@code name} is): a
   * method type variable that is a parameter's whole type takes that argument's declared type,
   * and one in no parameter takes its bound ({@code Object} without one). Empty otherwise.
   */
  private static Optional<ResolvedType> inferredReturn(MethodCallExpr call,
      com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration method, TypeHierarchy hierarchy) {
    try {
      ResolvedType returned = method.getReturnType();
      if (!returned.isTypeVariable() || !returned.asTypeParameter().declaredOnMethod()) {
        return Optional.empty();
      }
      var variable = returned.asTypeParameter();
      for (int i = 0; i < method.getNumberOfParams(); i++) {
        ResolvedType param = method.getParam(i).getType();
        if (param.isTypeVariable() && param.asTypeParameter().getName().equals(variable.getName())
            && !method.getParam(i).isVariadic() && i < call.getArguments().size()) {
          Expression argument = unwrap(call.getArgument(i));
          return argument instanceof com.github.javaparser.ast.expr.NameExpr name
              ? CallResolver.variableResolvedType(argument, name.getNameAsString(), hierarchy, 0)
                  .filter(ResolvedType::isReferenceType)
              : Optional.empty();
        }
        if (param.mention(List.of(variable))) {
          return Optional.empty(); // inferred from inside an argument's type: not done here
        }
      }
      if (variable.getBounds().isEmpty()) {
        return hierarchy.solve("java.lang.Object").map(ExpressionTypes::rawType);
      }
      var bound = variable.getBounds().get(0);
      return bound.isExtends() && bound.getType().isReferenceType() ? Optional.of(bound.getType()) : Optional.empty();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The return type all of a call's candidate methods agree on, seen from the receiver's type. */
  private Optional<ResolvedType> agreedReturnType(MethodCallExpr call, TypeHierarchy hierarchy) {
    Optional<ResolvedType> receiver = receiverType(call, hierarchy, 0);
    Optional<ResolvedReferenceTypeDeclaration> declaration = receiver.flatMap(ExpressionTypes::declaration);
    if (declaration.isEmpty()) {
      return Optional.empty();
    }
    ResolvedType found = null;
    for (var method : members(call, declaration.get(), hierarchy)) {
      Optional<ResolvedType> returned = hierarchy.returnedBy(method, receiver.get(), ExpressionTypes::returnedBy);
      if (returned.isEmpty() || !returned.get().isReferenceType()
          || (found != null && !found.describe().equals(returned.get().describe()))) {
        return Optional.empty();
      }
      found = returned.get();
    }
    return Optional.ofNullable(found);
  }

  /**
   * The methods a call may resolve to, by name and arity on the receiver's declared type, found
   * without typing the arguments; empty when the receiver cannot be told cheaply.
   */
  Optional<List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> candidates(
      MethodCallExpr call, TypeHierarchy hierarchy) {
    Optional<ResolvedReferenceTypeDeclaration> declaration =
        receiverType(call, hierarchy, 0).flatMap(ExpressionTypes::declaration);
    return declaration.map(type -> hierarchy.methods(type, call.getNameAsString(), call.getArguments().size()));
  }

  /**
   * A method's return type seen from the receiver's type ({@code V} of {@code Map<String, Long>.put}
   * is {@code Long}); empty when it stays a type variable (a generic method's own) or is a wildcard.
   */
  private static Optional<ResolvedType> returnedBy(
      com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration method, ResolvedType receiver) {
    try {
      ResolvedType returned = method.getReturnType();
      if (returned.isTypeVariable() && receiver.isReferenceType()) {
        returned = receiver.asReferenceType().useThisTypeParametersOnTheGivenType(returned);
      }
      if (returned.isVoid() || returned.isPrimitive() || returned.isArray() || returned.isReferenceType()) {
        return Optional.of(returned);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // unknown
    }
    return Optional.empty();
  }

  /**
   * The receiver's declared type, read from declarations in the source where it can be, else the
   * receiver expression typed by the solver (only the receiver: the call's arguments, lambdas
   * included, are what makes typing the whole call costly).
   */
  private Optional<ResolvedType> receiverType(MethodCallExpr call, TypeHierarchy hierarchy, int depth) {
    Optional<ResolvedType> declared = declaredReceiverType(call, hierarchy, depth);
    if (declared.isPresent() || depth > 0 || call.getScope().isEmpty()) {
      return declared;
    }
    Expression scope = unwrap(call.getScope().get());
    if (scope instanceof com.github.javaparser.ast.expr.NameExpr name && Character.isUpperCase(name.getNameAsString().charAt(0))) {
      return Optional.empty(); // a type name: typing it as a value only fails
    }
    return typeOf(scope).filter(ResolvedType::isReferenceType);
  }

  /**
   * The type of a call's receiver as its declarations in the source say, without the solver
   * typing an expression: a variable's declared type, a top-level class's own type for {@code
   * this}, the superclass for {@code super}, a named class for a static call, the type a cast or
   * {@code new} names, {@code String} for a literal, a typed variable's field, and down a chain
   * of calls the return type all candidates of the inner call agree on. Empty when it cannot be
   * told so.
   */
  static Optional<ResolvedType> declaredReceiverType(MethodCallExpr call, TypeHierarchy hierarchy, int depth) {
    try {
      if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
        return enclosingReceiver(call, hierarchy);
      }
      if (call.getScope().get() instanceof com.github.javaparser.ast.expr.SuperExpr superExpr) {
        // The superclass of the class the call is written in; in an anonymous class or an enum
        // constant's body, or for Iface.super, the solver decides.
        if (superExpr.getTypeName().isPresent()) {
          return Optional.empty();
        }
        for (Node current = call.getParentNode().orElse(null); current != null; current = current.getParentNode().orElse(null)) {
          if ((current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent())
              || current instanceof com.github.javaparser.ast.body.EnumConstantDeclaration) {
            return Optional.empty();
          }
          if (current instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
            ResolvedReferenceTypeDeclaration self = type.resolve();
            return self.isClass() ? self.asClass().getSuperClass().map(ResolvedType.class::cast) : Optional.empty();
          }
        }
        return Optional.empty();
      }
      Expression scope = unwrap(call.getScope().get());
      if (scope instanceof com.github.javaparser.ast.expr.NameExpr name) {
        Optional<ResolvedType> variable = CallResolver.variableResolvedType(scope, name.getNameAsString(), hierarchy, depth);
        // Not a variable in the source: a type (a static call), unless it is an inherited field.
        if (variable.isPresent() || !Character.isUpperCase(name.getNameAsString().charAt(0))) {
          return variable;
        }
        return hierarchy.typeNamed(call, name.getNameAsString()).map(ExpressionTypes::rawType);
      }
      if (scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr field && field.getScope().isThisExpr()
          && field.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
              .map(type -> type.getFieldByName(field.getNameAsString()).isPresent()).orElse(false)) {
        return CallResolver.variableResolvedType(field, field.getNameAsString());
      }
      if (scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr field
          && field.getScope() instanceof com.github.javaparser.ast.expr.NameExpr owner) {
        return fieldType(field, owner, hierarchy, depth);
      }
      if (scope instanceof CastExpr cast && cast.getType().isClassOrInterfaceType()) {
        return Optional.of(CallResolver.resolveDeclared(cast.getType()));
      }
      if (scope instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()
          && creation.getScope().isEmpty()) {
        return Optional.of(CallResolver.resolveDeclared(creation.getType()));
      }
      if (scope instanceof com.github.javaparser.ast.expr.StringLiteralExpr
          || scope instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr) {
        return hierarchy.solve("java.lang.String").map(ExpressionTypes::rawType);
      }
      if (scope instanceof MethodCallExpr inner && depth < MAX_CHAIN) {
        // The receiver is itself a call: its return type, when all candidates agree on it.
        Optional<ResolvedType> innerReceiver = declaredReceiverType(inner, hierarchy, depth + 1);
        Optional<ResolvedReferenceTypeDeclaration> innerType = innerReceiver.flatMap(ExpressionTypes::declaration);
        if (innerType.isEmpty()) {
          return Optional.empty();
        }
        ResolvedType found = null;
        for (var method : members(inner, innerType.get(), hierarchy)) {
          Optional<ResolvedType> returned = hierarchy.returnedBy(method, innerReceiver.get(), ExpressionTypes::returnedBy);
          if (returned.isEmpty() || !returned.get().isReferenceType()) {
            return Optional.empty();
          }
          if (found != null && !found.describe().equals(returned.get().describe())) {
            return Optional.empty();
          }
          found = returned.get();
        }
        return Optional.ofNullable(found);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The declared type of {@code owner.field}, where {@code owner} is a variable typed by its
   * declaration or names a type (a static field), seen through the owner's type arguments; empty
   * when the field's type stays a type variable or the field cannot be found.
   */
  private static Optional<ResolvedType> fieldType(com.github.javaparser.ast.expr.FieldAccessExpr field,
      com.github.javaparser.ast.expr.NameExpr owner, TypeHierarchy hierarchy, int depth) {
    Optional<ResolvedType> ownerType = CallResolver.variableResolvedType(owner, owner.getNameAsString(), hierarchy, depth);
    if (ownerType.isEmpty() && Character.isUpperCase(owner.getNameAsString().charAt(0))) {
      ownerType = hierarchy.typeNamed(field, owner.getNameAsString()).map(ExpressionTypes::rawType);
    }
    Optional<ResolvedReferenceTypeDeclaration> declaration = ownerType.flatMap(ExpressionTypes::declaration);
    if (declaration.isEmpty() || !ownerType.get().isReferenceType()) {
      return Optional.empty();
    }
    String name = field.getNameAsString();
    for (var declared : declaration.get().getAllFields()) {
      if (declared.getName().equals(name)) {
        ResolvedType type = ownerType.get().asReferenceType().useThisTypeParametersOnTheGivenType(declared.getType());
        return type.isReferenceType() ? Optional.of(type) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The class whose method an unqualified call (or a call on {@code this}) names: the innermost
   * enclosing class that has a method of that name, declared or inherited (JLS 15.12.1), its
   * own type for {@code this}. Empty when none has one (a static import), when an anonymous class
   * or an enum constant's body declares the method itself, or when a class's methods cannot be
   * listed: the solver decides those.
   */
  static Optional<ResolvedType> enclosingReceiver(MethodCallExpr call, TypeHierarchy hierarchy) {
    try {
      return innermostClassWith(call, hierarchy);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty(); // a class the solver cannot read: it decides the call itself
    }
  }

  private static Optional<ResolvedType> innermostClassWith(MethodCallExpr call, TypeHierarchy hierarchy) {
    boolean onThis = call.getScope().isPresent();
    String name = call.getNameAsString();
    Node child = call;
    for (Node current = call.getParentNode().orElse(null); current != null;
        child = current, current = current.getParentNode().orElse(null)) {
      if (current instanceof com.github.javaparser.ast.body.EnumConstantDeclaration constant
          && !constant.getClassBody().isEmpty()) {
        return Optional.empty();
      }
      Optional<ResolvedType> candidate;
      boolean declaresItself;
      if (current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
          && child instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        declaresItself = creation.getAnonymousClassBody().get().stream()
            .anyMatch(member -> member instanceof com.github.javaparser.ast.body.MethodDeclaration method
                && method.getNameAsString().equals(name));
        ResolvedType created = CallResolver.resolveDeclared(creation.getType());
        candidate = created.isReferenceType() ? Optional.of(created) : Optional.empty();
      } else if (current instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        declaresItself = false;
        candidate = Optional.of(rawType(type.resolve()));
      } else {
        continue;
      }
      if (declaresItself || candidate.isEmpty()) {
        return Optional.empty();
      }
      if (onThis) {
        return candidate; // `this` is the innermost class
      }
      Optional<ResolvedReferenceTypeDeclaration> declaration = declaration(candidate.get());
      Optional<Boolean> has = declaration.flatMap(d -> hierarchy.hasMethodNamed(d, name));
      if (has.isEmpty()) {
        return Optional.empty();
      }
      if (has.get()) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  /**
   * The type of a lambda's untyped parameter, as javac infers it in the common case, without the
   * solver typing the call the lambda is passed to (for it, typing every argument): the
   * receiver's methods of the call's name and arity that can take a lambda of this many
   * parameters at that position must all give the parameter the same type, seen through the
   * receiver's type arguments ({@code Handler<? super Buffer>} gives {@code Buffer}). Empty, and
   * the solver decides, for a type variable (a generic method's own, say) or a wildcard without
   * a bound, or when the lambda is not a call's argument.
   */
  static Optional<ResolvedType> lambdaParameterType(com.github.javaparser.ast.body.Parameter parameter,
      TypeHierarchy hierarchy, int depth) {
    // Asked at every use of the parameter: kept on the parameter (trees are per thread).
    if (parameter.containsData(LAMBDA_PARAMETER_TYPE)) {
      return parameter.getData(LAMBDA_PARAMETER_TYPE);
    }
    Optional<ResolvedType> type = inferLambdaParameterType(parameter, hierarchy, depth);
    if (depth == 0 || type.isPresent()) {
      parameter.setData(LAMBDA_PARAMETER_TYPE, type); // a miss deep in a chain may be a hit from nearer
    }
    return type;
  }

  private static final com.github.javaparser.ast.DataKey<Optional<ResolvedType>> LAMBDA_PARAMETER_TYPE =
      new com.github.javaparser.ast.DataKey<>() {};

  private static Optional<ResolvedType> inferLambdaParameterType(com.github.javaparser.ast.body.Parameter parameter,
      TypeHierarchy hierarchy, int depth) {
    if (depth >= MAX_CHAIN || !(parameter.getParentNode().orElse(null) instanceof LambdaExpr lambda)) {
      return Optional.empty();
    }
    int position = -1;
    for (int i = 0; i < lambda.getParameters().size(); i++) {
      if (lambda.getParameters().get(i) == parameter) {
        position = i;
      }
    }
    Node argument = lambda;
    Node parent = lambda.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      argument = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (position < 0 || !(parent instanceof MethodCallExpr call)) {
      return Optional.empty();
    }
    int index = -1;
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (call.getArgument(i) == argument) {
        index = i;
      }
    }
    if (index < 0) {
      return Optional.empty(); // the lambda is the call's receiver
    }
    try {
      Optional<ResolvedType> receiver = declaredReceiverType(call, hierarchy, depth + 1);
      Optional<ResolvedReferenceTypeDeclaration> receiverClass = receiver.flatMap(ExpressionTypes::declaration);
      if (receiverClass.isEmpty() || !receiver.get().isReferenceType()) {
        return Optional.empty();
      }
      ResolvedType agreed = null;
      for (var method : CallResolver.withoutOverridden(
          hierarchy.methods(receiverClass.get(), call.getNameAsString(), call.getArguments().size()), hierarchy)) {
        int last = method.getNumberOfParams() - 1;
        ResolvedType param = method.getParam(Math.min(index, last)).getType();
        if (index >= last && method.getParam(last).isVariadic()) {
          if (!param.isArray()) {
            return Optional.empty();
          }
          param = param.asArrayType().getComponentType();
        }
        param = receiver.get().asReferenceType().useThisTypeParametersOnTheGivenType(param);
        if (!param.isReferenceType()) {
          continue; // cannot take a lambda: not a candidate for this call
        }
        Optional<MethodUsage> functional = FunctionalInterfaceLogic.getFunctionalMethod(param);
        if (functional.isEmpty() || functional.get().getNoParams() != lambda.getParameters().size()) {
          continue; // not a functional interface of this arity: javac does not consider it either
        }
        ResolvedType type = param.asReferenceType().useThisTypeParametersOnTheGivenType(
            functional.get().getParamType(position));
        if (type.isWildcard()) {
          if (!type.asWildcard().isBounded()) {
            return Optional.empty();
          }
          type = type.asWildcard().getBoundedType();
        }
        // A generic method's own type variable as the whole type is javac's to infer; inside type
        // arguments (Handler<Promise<T>> gives Promise<T>) the class is known all the same.
        if (!type.isReferenceType() || (agreed != null && !agreed.describe().equals(type.describe()))) {
          return Optional.empty();
        }
        agreed = type;
      }
      return Optional.ofNullable(agreed);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * The receiver's methods the call may be to, by name and arity, less overridden ones and those
   * an argument of a known class rules out.
   */
  private static List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> members(
      MethodCallExpr call, ResolvedReferenceTypeDeclaration receiver, TypeHierarchy hierarchy) {
    return CallResolver.byArgumentTypes(call, CallResolver.withoutOverridden(
        hierarchy.methods(receiver, call.getNameAsString(), call.getArguments().size()), hierarchy), hierarchy);
  }

  private static ResolvedType rawType(ResolvedReferenceTypeDeclaration type) {
    return new com.github.javaparser.resolution.model.typesystem.ReferenceTypeImpl(type);
  }

  /** The static type of {@code expression}, when the solver knows it. */
  Optional<ResolvedType> typeOf(Expression expression) {
    Optional<ResolvedType> known = types.get(expression);
    if (known != null) {
      return known;
    }
    Optional<ResolvedType> result;
    try {
      result = Optional.of(expression.calculateResolvedType());
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      result = Optional.empty();
    }
    types.put(expression, result);
    return result;
  }

  /** The class or interface a type names (a type variable by its first bound), when known. */
  static Optional<ResolvedReferenceTypeDeclaration> declaration(ResolvedType type) {
    try {
      if (type.isReferenceType()) {
        return type.asReferenceType().getTypeDeclaration();
      }
      if (type.isTypeVariable()) {
        var bounds = type.asTypeParameter().getBounds();
        if (!bounds.isEmpty() && bounds.get(0).getType().isReferenceType()) {
          return bounds.get(0).getType().asReferenceType().getTypeDeclaration();
        }
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // unknown
    }
    return Optional.empty();
  }

  /** The type's arguments ({@code Mono<String>} gives {@code String}), or none when unknown. */
  static List<ResolvedType> typeArguments(ResolvedType type) {
    try {
      return type.isReferenceType() ? type.asReferenceType().typeParametersValues() : List.of();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return List.of();
    }
  }

  /** {@code ((x))} as {@code x} (casts stay, as javac's stripParentheses leaves them). */
  static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr enclosed) {
      current = enclosed.getInner();
    }
    return current;
  }

  /** The call a lambda or method reference is an argument of (through parentheses and casts). */
  static Optional<Node> callReceiving(Node functional) {
    Node argument = functional;
    Node parent = functional.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      argument = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof MethodCallExpr call && call.getArguments().contains(argument)) {
      return Optional.of(call);
    }
    if (parent instanceof ObjectCreationExpr creation && creation.getArguments().contains(argument)) {
      return Optional.of(creation);
    }
    return Optional.empty();
  }

  /**
   * Whether the functional interface a lambda or method reference implements returns void (a
   * {@code Consumer}, {@code Runnable}, {@code Handler}), read from the parameter of the call it is
   * passed to or from the declared type of the variable it initialises. Empty when unknown.
   */
  Optional<Boolean> returnsVoid(Expression functional) {
    Optional<ResolvedType> target = targetType(functional);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<MethodUsage> method = FunctionalInterfaceLogic.getFunctionalMethod(target.get());
      return method.map(m -> m.returnType().isVoid());
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  private Optional<ResolvedType> targetType(Expression functional) {
    Node argument = functional;
    Node parent = functional.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      argument = parent;
      parent = parent.getParentNode().orElse(null);
    }
    try {
      if (parent instanceof CastExpr cast) {
        return Optional.of(cast.getType().resolve());
      }
      if (parent instanceof VariableDeclarator variable && !variable.getType().isVarType()) {
        return Optional.of(variable.getType().resolve());
      }
      if (parent instanceof MethodCallExpr || parent instanceof ObjectCreationExpr) {
        List<Expression> arguments = parent instanceof MethodCallExpr call
            ? call.getArguments() : ((ObjectCreationExpr) parent).getArguments();
        int index = -1;
        for (int i = 0; i < arguments.size(); i++) {
          if (arguments.get(i) == argument) {
            index = i;
          }
        }
        if (index < 0) {
          return Optional.empty();
        }
        // Only the parameter's declared type is read: the one candidate of that name and arity on
        // the receiver's class gives it without typing the arguments.
        Optional<Callable> callee = calls.resolveByReceiver(parent);
        if (callee.isEmpty() || callee.get().paramCount() == 0) {
          return Optional.empty();
        }
        return callee.get().paramType(Math.min(index, callee.get().paramCount() - 1));
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether {@code node} is a lambda or method reference. */
  static boolean functional(Node node) {
    return node instanceof LambdaExpr || node instanceof MethodReferenceExpr;
  }
}
