package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.MethodUsage;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves calls, constructor calls and method references to {@link Callable}s with the symbol
 * solver, for one file. When the solver cannot pick the overload (lambda arguments it cannot
 * type, a missing class), it falls back to the receiver's type and the methods of that name and
 * arity, which is all the catalog needs. A call that still cannot be resolved is counted, never
 * thrown.
 */
final class CallResolver {
  private final TypeHierarchy types;
  private final Map<Node, Optional<Callable>> resolved = new IdentityHashMap<>();
  /** Calls {@link #resolveByReceiver resolved by their receiver} alone: kept apart, see there. */
  private final Map<Node, Callable> byReceiver = new IdentityHashMap<>();
  private final Map<Node, Optional<ResolvedReferenceTypeDeclaration>> receivers = new IdentityHashMap<>();
  private int attempted;
  private int unresolved;

  /** Resolves every call in full with the symbol solver. */
  CallResolver() {
    this(null);
  }

  /**
   * @param types this thread's memoised type hierarchy, for {@link #resolveByReceiver} (null:
   *     every call is resolved in full)
   */
  CallResolver(TypeHierarchy types) {
    this.types = types;
  }

  int attempted() {
    return attempted;
  }

  int unresolved() {
    return unresolved;
  }

  /** Lets go of the trees of the calls resolved so far (the counts stay). */
  void forget() {
    resolved.clear();
    byReceiver.clear();
    receivers.clear();
  }

  /**
   * The class of a call's explicit receiver, typed without resolving the call: no argument is
   * typed and no overload chosen. It is the receiver type the resolved call would have, so the
   * method it resolves to is declared in this class or one of its supertypes. Empty when the
   * call has no receiver, the receiver may name a type (a static call), or its type is not a
   * plain class or interface (a type variable may take its methods from any bound).
   */
  Optional<ResolvedReferenceTypeDeclaration> receiverClass(MethodCallExpr call) {
    Optional<ResolvedReferenceTypeDeclaration> known = receivers.get(call);
    if (known != null) {
      return known;
    }
    Optional<ResolvedReferenceTypeDeclaration> result = Optional.empty();
    Expression scope = call.getScope().orElse(null);
    boolean typeName = scope instanceof com.github.javaparser.ast.expr.NameExpr name
        && Character.isUpperCase(name.getNameAsString().charAt(0));
    if (scope != null && !typeName && !(scope instanceof TypeExpr)
        && !(scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && Character.isUpperCase(access.getNameAsString().charAt(0)))) {
      try {
        // A local, parameter or field has the type it is declared with, and a call the return type
        // its candidates agree on: resolving type names is far cheaper than typing the expression
        // (the solver's typing of a name looks through every scope and, for a lambda's parameter,
        // infers the lambda's type).
        Optional<ResolvedType> declared = types != null
            ? ExpressionTypes.declaredReceiverType(call, types, 0) : Optional.empty();
        ResolvedType type = declared.isPresent() ? declared.get() : scope.calculateResolvedType();
        if (type.isReferenceType()) {
          result = type.asReferenceType().getTypeDeclaration();
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        // the full resolution decides
      }
    }
    receivers.put(call, result);
    return result;
  }

  /** A call whose analysis failed outside the resolver: it counts as resolved-and-failed. */
  void countFailure() {
    attempted++;
    unresolved++;
  }

  /**
   * As {@link #resolve}, but a call is first tried by its receiver's class alone (typed by
   * itself, see {@link #receiverClass}; for a static call, {@link #namedType}; for an
   * unqualified call, {@link #ownClass}): when that
   * class and its supertypes have one method of the call's name that takes that many arguments,
   * overload resolution has nothing to choose, so the arguments (lambdas above all, the solver's
   * costliest work) are not typed. The method is the same one, but its
   * declaration may come from the other side of a type that is both in the sources and in a jar
   * (source or class file): only for callers that read no more than the method's name, owner,
   * parameters and receiver, and find its body by {@link TransitiveSummaries#declarationOf}. So
   * these answers are kept apart from {@link #resolve}'s, which the rules share.
   */
  Optional<Callable> resolveByReceiver(Node call) {
    Optional<Callable> known = resolved.get(call);
    if (known != null) {
      return known;
    }
    Callable quick = byReceiver.get(call);
    if (quick != null) {
      return Optional.of(quick);
    }
    if (types != null && call instanceof MethodCallExpr invocation) {
      Optional<ResolvedMethodDeclaration> only = onlyCandidate(invocation);
      if (only.isPresent()) {
        ResolvedMethodDeclaration method = only.get();
        try {
          quick = Callable.of(method, method.isStatic(), false, () -> receiverOf(invocation, method));
          attempted++; // a call counts once, however it is resolved
          byReceiver.put(call, quick);
          return Optional.of(quick);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
          // the solver decides
        }
      }
    }
    return resolve(call);
  }

  Optional<Callable> resolve(Node call) {
    Optional<Callable> known = resolved.get(call);
    if (known != null) {
      return known;
    }
    if (!byReceiver.containsKey(call)) {
      attempted++;
    }
    Optional<Callable> result;
    try {
      result = compute(call);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      result = Optional.empty();
    }
    if (result.isEmpty()) {
      unresolved++;
    }
    resolved.put(call, result);
    return result;
  }

  private Optional<Callable> compute(Node call) {
    if (call instanceof MethodCallExpr invocation) {
      return method(invocation);
    }
    if (call instanceof ObjectCreationExpr creation) {
      return constructor(creation);
    }
    if (call instanceof MethodReferenceExpr reference) {
      return reference(reference);
    }
    return Optional.empty();
  }

  private Optional<Callable> method(MethodCallExpr call) {
    try {
      ResolvedMethodDeclaration method = call.resolve();
      return Optional.of(Callable.of(method, method.isStatic(), false, () -> receiverOf(call, method)));
    } catch (RuntimeException | StackOverflowError e) {
      // fall back to the receiver's methods by name and arity
    }
    Optional<ResolvedReferenceTypeDeclaration> owner = call.getScope().isPresent()
        ? typeOf(call.getScope().get())
        : enclosingType(call);
    int arity = call.getArguments().size();
    return owner.flatMap(type -> byNameAndArity(type, call.getNameAsString(), arity))
        .map(method -> Callable.of(method, method.isStatic(), false, () -> receiverOf(call, method)));
  }

  /**
   * The class whose methods an unqualified call names: the innermost enclosing class with a
   * method of that name ({@link ExpressionTypes#enclosingReceiver}); with none, a static import,
   * which the solver decides.
   */
  private Optional<ResolvedReferenceTypeDeclaration> ownClass(MethodCallExpr call) {
    return ExpressionTypes.enclosingReceiver(call, types).flatMap(ExpressionTypes::declaration);
  }

  /**
   * The class a static call names ({@code HttpUtils.parse(uri)}): a capitalised simple name that
   * no local, parameter or field of an enclosing class in the source declares, as a type name
   * seen from the call (imports, nesting). A variable shadows a type of the same name.
   */
  private Optional<ResolvedReferenceTypeDeclaration> namedType(MethodCallExpr call) {
    if (!(call.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.NameExpr name)
        || !Character.isUpperCase(name.getNameAsString().charAt(0))
        || variableDeclaration(name, name.getNameAsString()).isPresent()) {
      return Optional.empty();
    }
    return types.typeNamed(call, name.getNameAsString());
  }

  /**
   * The one method of the call's name and arity on its receiver's class that can take its lambdas
   * and method references, if there is one.
   */
  private Optional<ResolvedMethodDeclaration> onlyCandidate(MethodCallExpr call) {
    List<ResolvedMethodDeclaration> candidates = candidatesByReceiver(call);
    if (candidates.size() > 1) {
      candidates = candidates.stream().filter(method -> takesItsFunctionalArguments(call, method)).toList();
    }
    candidates = withoutOverridden(candidates, types);
    if (candidates.size() > 1) {
      candidates = byArgumentTypes(call, candidates, types);
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /**
   * The candidates less those another candidate overrides: one with the same parameters declared
   * in a subtype of its class (a covariant override is listed with the method it overrides:
   * {@code ContextInternal.owner()} returns {@code VertxInternal}, {@code Context.owner()} a
   * {@code Vertx}). An overridden method is not a member of the receiver's type (JLS 8.4.8.1),
   * so javac never weighs it. Of a method listed twice, the first stays.
   */
  static List<ResolvedMethodDeclaration> withoutOverridden(List<ResolvedMethodDeclaration> candidates, TypeHierarchy types) {
    if (candidates.size() < 2 || types == null) {
      return candidates;
    }
    return types.withoutOverridden(candidates, list -> overriddenRemoved(list, types));
  }

  private static List<ResolvedMethodDeclaration> overriddenRemoved(List<ResolvedMethodDeclaration> candidates, TypeHierarchy types) {
    try {
      List<List<String>> params = new ArrayList<>();
      List<String> owners = new ArrayList<>();
      for (ResolvedMethodDeclaration candidate : candidates) {
        List<String> erased = new ArrayList<>();
        for (int i = 0; i < candidate.getNumberOfParams(); i++) {
          erased.add(Callable.erasure(candidate.getParam(i).getType()));
        }
        params.add(erased);
        owners.add(TypeHierarchy.name(candidate.declaringType()));
      }
      List<ResolvedMethodDeclaration> kept = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        boolean overridden = false;
        for (int j = 0; j < candidates.size() && !overridden; j++) {
          // The same class and parameters is the same method, listed twice (as the solver's
          // getAllMethods does for a source type that a jar on the classpath also has): keep one.
          overridden = j != i && params.get(j).equals(params.get(i)) && (owners.get(j).equals(owners.get(i))
              ? j < i
              : types.isSubtype(candidates.get(j).declaringType(), owners.get(i)));
        }
        if (!overridden) {
          kept.add(candidates.get(i));
        }
      }
      return kept.isEmpty() ? candidates : kept;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return candidates;
    }
  }

  private static final java.util.Set<String> BOXES = java.util.Set.of("java.lang.Boolean", "java.lang.Byte",
      "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
      "java.lang.Double");

  /**
   * The candidates that an argument of a type known without the solver does not rule out: an
   * argument whose class and all of its supertypes are known, and none of them is a parameter's
   * class, cannot be passed there (JLS 15.12.2.2-3: no conversion takes a reference to an unrelated
   * class, nor to a primitive unless it is a box). So {@code promise.fail(cause)} with a {@code
   * Throwable cause} is {@code fail(Throwable)}, not {@code fail(String)}, without typing the call.
   * Only string literals, variables typed by their declarations, {@code new} and casts are typed;
   * anything else, a type variable, an array or a varargs position rules nothing out.
   */
  static List<ResolvedMethodDeclaration> byArgumentTypes(MethodCallExpr call, List<ResolvedMethodDeclaration> candidates,
      TypeHierarchy types) {
    if (types == null) {
      return candidates;
    }
    List<ResolvedMethodDeclaration> kept = new ArrayList<>(candidates);
    for (int i = 0; i < call.getArguments().size() && kept.size() > 1; i++) {
      Optional<ResolvedReferenceTypeDeclaration> argument = argumentClass(call.getArgument(i), types);
      if (argument.isEmpty() || !types.knowsAllSupertypes(argument.get())) {
        continue;
      }
      java.util.Set<String> supertypes = types.supertypes(argument.get()).keySet();
      String argumentName = TypeHierarchy.name(argument.get());
      int position = i;
      kept.removeIf(method -> cannotTake(method, position, argumentName, supertypes));
    }
    return kept.isEmpty() ? candidates : kept;
  }

  private static boolean cannotTake(ResolvedMethodDeclaration method, int position, String argument,
      java.util.Set<String> argumentSupertypes) {
    try {
      int last = method.getNumberOfParams() - 1;
      if (position >= last && method.hasVariadicParameter()) {
        return false;
      }
      ResolvedType param = method.getParam(position).getType();
      if (param.isPrimitive()) {
        return !BOXES.contains(argument);
      }
      if (!param.isReferenceType()) {
        return false; // a type variable, an array, a wildcard
      }
      String wanted = param.asReferenceType().getQualifiedName();
      return !wanted.equals("java.lang.Object") && !argumentSupertypes.contains(wanted);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false;
    }
  }

  /** The class of an argument when it can be told from declarations alone. */
  private static Optional<ResolvedReferenceTypeDeclaration> argumentClass(Expression argument, TypeHierarchy types) {
    try {
      Expression expression = ExpressionTypes.unwrap(argument);
      if (expression instanceof com.github.javaparser.ast.expr.StringLiteralExpr
          || expression instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr) {
        return types.solve("java.lang.String");
      }
      ResolvedType type = null;
      if (expression instanceof com.github.javaparser.ast.expr.NameExpr name) {
        type = variableResolvedType(name, name.getNameAsString(), types, 0).orElse(null);
      } else if (expression instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
        type = resolveDeclared(creation.getType());
      } else if (expression instanceof com.github.javaparser.ast.expr.CastExpr cast) {
        type = resolveDeclared(cast.getType());
      }
      return type != null && type.isReferenceType() ? type.asReferenceType().getTypeDeclaration() : Optional.empty();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a method is "potentially applicable" to the call's lambdas and method references as
   * javac first sorts overloads (JLS 15.12.2.1): a lambda's parameter needs a functional interface
   * whose method takes that many arguments, a method reference a functional interface. So
   * {@code executeBlocking(promise -> ...)} is the {@code Handler<Promise<T>>} overload, not the
   * {@code Callable<T>} one, without typing anything. Unsure (a type variable, a type the solver
   * cannot read) counts as applicable.
   */
  private boolean takesItsFunctionalArguments(MethodCallExpr call, ResolvedMethodDeclaration method) {
    try {
      int last = method.getNumberOfParams() - 1;
      for (int i = 0; i < call.getArguments().size(); i++) {
        Expression argument = ExpressionTypes.unwrap(call.getArgument(i));
        if (!(argument instanceof com.github.javaparser.ast.expr.LambdaExpr) && !(argument instanceof MethodReferenceExpr)) {
          continue;
        }
        ResolvedType param = method.getParam(Math.min(i, last)).getType();
        if (i >= last && method.getParam(last).isVariadic() && param.isArray()) {
          param = param.asArrayType().getComponentType();
        }
        if (!param.isReferenceType()) {
          if (param.isTypeVariable()) {
            continue;
          }
          return false; // a primitive or an array takes no lambda
        }
        Optional<ResolvedReferenceTypeDeclaration> type = param.asReferenceType().getTypeDeclaration();
        if (type.isEmpty()) {
          continue;
        }
        int arity = types.functionalArity(type.get());
        if (arity == TypeHierarchy.UNKNOWN_ARITY) {
          continue;
        }
        if (arity == TypeHierarchy.NOT_FUNCTIONAL || (argument instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
            && lambda.getParameters().size() != arity)) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return true;
    }
  }

  /**
   * The methods of the call's name and arity on its receiver's class (see {@link
   * #resolveByReceiver}): the method it resolves to is one of them. Empty when that class cannot
   * be told cheaply or lists none.
   */
  private List<ResolvedMethodDeclaration> candidatesByReceiver(MethodCallExpr call) {
    if (types == null) {
      return List.of();
    }
    Optional<ResolvedReferenceTypeDeclaration> receiver = call.getScope().isEmpty() ? ownClass(call)
        : namedType(call).or(() -> receiverClass(call));
    if (receiver.isEmpty()) {
      return List.of();
    }
    return types.methods(receiver.get(), call.getNameAsString(), call.getArguments().size());
  }

  /**
   * True when the call fails {@code test} whichever method it resolves to: its receiver's class
   * has methods of its name and arity and none passes. Choosing among overloads means typing the
   * arguments, lambdas above all, the solver's costliest work; when no choice could pass, a caller
   * needs no choice. False when it cannot be told cheaply, or the call is resolved already.
   */
  boolean noCandidatePasses(Node call, java.util.function.Predicate<Callable> test) {
    if (!(call instanceof MethodCallExpr invocation) || resolved.containsKey(call) || byReceiver.containsKey(call)) {
      return false;
    }
    try {
      List<ResolvedMethodDeclaration> candidates = candidatesByReceiver(invocation);
      if (candidates.isEmpty()) {
        return false;
      }
      for (ResolvedMethodDeclaration method : candidates) {
        if (test.test(Callable.of(method, method.isStatic(), false, () -> receiverOf(invocation, method)))) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return false; // the solver decides
    }
  }

  private static Optional<ResolvedMethodDeclaration> byNameAndArity(
      ResolvedReferenceTypeDeclaration type, String name, int arity) {
    ResolvedMethodDeclaration varargs = null;
    for (ResolvedMethodDeclaration method : methodsNamed(type, name)) {
      if (!method.getName().equals(name)) {
        continue;
      }
      int params = method.getNumberOfParams();
      if (params == arity) {
        return Optional.of(method);
      }
      if (varargs == null && method.hasVariadicParameter() && arity >= params - 1) {
        varargs = method;
      }
    }
    return Optional.ofNullable(varargs);
  }

  /**
   * The type's methods of that name in a stable order: the solver returns them in a hash set, and
   * a fallback that picked "the first" from it gave different answers from run to run.
   */
  private static List<ResolvedMethodDeclaration> methodsNamed(ResolvedReferenceTypeDeclaration type, String name) {
    List<ResolvedMethodDeclaration> out = new ArrayList<>();
    for (MethodUsage usage : type.getAllMethods()) {
      if (usage.getName().equals(name)) {
        out.add(usage.getDeclaration());
      }
    }
    out.sort(Comparator.comparing(CallResolver::signature));
    return out;
  }

  private static String signature(ResolvedMethodDeclaration method) {
    try {
      return method.getQualifiedSignature();
    } catch (RuntimeException e) {
      return method.getName();
    }
  }

  private Optional<String> receiverOf(MethodCallExpr call, ResolvedMethodDeclaration method) {
    if (call.getScope().isEmpty()) {
      return Optional.of(TypeHierarchy.name(method.declaringType()));
    }
    // The receiver's class as typed for the overload check, when it was: typing it again with the
    // solver was a tenth of a scan.
    Optional<ResolvedReferenceTypeDeclaration> known = receiverClass(call);
    if (known.isPresent()) {
      return known.map(TypeHierarchy::name);
    }
    return typeOf(call.getScope().get()).map(TypeHierarchy::name);
  }

  private Optional<Callable> constructor(ObjectCreationExpr creation) {
    Optional<ResolvedReferenceTypeDeclaration> type = createdType(creation);
    Optional<String> created = type.map(TypeHierarchy::name);
    int arity = creation.getArguments().size();
    if (types != null && type.isPresent()) {
      // One constructor takes that many arguments and none takes varargs: overload resolution has
      // nothing to choose (JLS 15.12.2.1), so the arguments are not typed.
      ResolvedConstructorDeclaration only = onlyConstructor(type.get(), arity);
      if (only != null) {
        return Optional.of(Callable.of(only, false, true, () -> created));
      }
    }
    try {
      ResolvedConstructorDeclaration constructor = creation.resolve();
      return Optional.of(Callable.of(constructor, false, true, () -> created));
    } catch (RuntimeException | StackOverflowError e) {
      // fall back to the constructors of that arity
    }
    return type.flatMap(known -> {
      for (ResolvedConstructorDeclaration constructor : known.getConstructors()) {
        if (constructor.getNumberOfParams() == arity) {
          return Optional.of(Callable.of(constructor, false, true, () -> created));
        }
      }
      return Optional.empty();
    });
  }

  private static ResolvedConstructorDeclaration onlyConstructor(ResolvedReferenceTypeDeclaration type, int arity) {
    try {
      ResolvedConstructorDeclaration found = null;
      for (ResolvedConstructorDeclaration constructor : type.getConstructors()) {
        if (constructor.getNumberOfParams() > 0 && constructor.getParam(constructor.getNumberOfParams() - 1).isVariadic()) {
          return null;
        }
        if (constructor.getNumberOfParams() == arity) {
          if (found != null) {
            return null;
          }
          found = constructor;
        }
      }
      return found;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return null;
    }
  }

  private static Optional<ResolvedReferenceTypeDeclaration> createdType(ObjectCreationExpr creation) {
    try {
      ResolvedType type = creation.getType().resolve();
      return type.isReferenceType() ? type.asReferenceType().getTypeDeclaration() : Optional.empty();
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private Optional<Callable> reference(MethodReferenceExpr reference) {
    Optional<ResolvedReferenceTypeDeclaration> owner = typeOf(reference.getScope());
    Optional<String> ownerName = owner.map(TypeHierarchy::name);
    String name = reference.getIdentifier();
    if (name.equals("new")) {
      return owner.flatMap(type -> type.getConstructors().stream().findFirst())
          .map(constructor -> Callable.of(constructor, false, true, () -> ownerName));
    }
    if (types != null && owner.isPresent()) {
      // The owner has one method of that name: the reference can only be to it, and its target
      // type (the solver's costliest inference) need not be worked out.
      List<ResolvedMethodDeclaration> named = types.methodsNamed(owner.get(), name);
      if (named.size() == 1) {
        ResolvedMethodDeclaration method = named.get(0);
        return Optional.of(Callable.of(method, method.isStatic(), false, () -> ownerName));
      }
    }
    try {
      ResolvedMethodDeclaration method = reference.resolve();
      return Optional.of(Callable.of(method, method.isStatic(), false, () -> ownerName));
    } catch (RuntimeException | StackOverflowError e) {
      // fall back to the first method of that name
    }
    return owner.flatMap(type -> methodsNamed(type, name).stream().findFirst())
        .map(method -> Callable.of(method, method.isStatic(), false, () -> ownerName));
  }

  /** The static type of an expression (or the type a type expression names), when it is a class. */
  static Optional<ResolvedReferenceTypeDeclaration> typeOf(Expression expression) {
    if (expression instanceof TypeExpr typeExpr && typeExpr.getType() instanceof ClassOrInterfaceType named
        && named.getScope().isEmpty()) {
      // JavaParser reads the `repo` of `repo::save` as a type name; when no type has that name,
      // it is a variable.
      Optional<ResolvedReferenceTypeDeclaration> variable = variableType(expression, named.getNameAsString());
      if (variable.isPresent()) {
        return variable;
      }
    }
    try {
      ResolvedType type = expression instanceof TypeExpr typeExpr
          ? typeExpr.getType().resolve()
          : expression.calculateResolvedType();
      if (type.isReferenceType()) {
        return type.asReferenceType().getTypeDeclaration();
      }
      if (type.isTypeVariable()) {
        var bounds = type.asTypeParameter().getBounds();
        if (!bounds.isEmpty() && bounds.get(0).getType().isReferenceType()) {
          return bounds.get(0).getType().asReferenceType().getTypeDeclaration();
        }
      }
      return Optional.empty();
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /**
   * The declared type of the variable {@code name} seen from {@code from}: a local, a parameter or
   * a field of an enclosing class. Empty when no such declaration is in the source (then it is a
   * type name) or its type cannot be resolved.
   */
  static Optional<ResolvedReferenceTypeDeclaration> variableType(Node from, String name) {
    return variableResolvedType(from, name)
        .flatMap(resolved -> resolved.isReferenceType() ? resolved.asReferenceType().getTypeDeclaration() : Optional.empty());
  }

  /** As {@link #variableType}, with the declared type's arguments ({@code Map<String, Long>}). */
  static Optional<ResolvedType> variableResolvedType(Node from, String name) {
    return variableResolvedType(from, name, null, 0);
  }

  /**
   * As {@link #variableResolvedType(Node, String)}, and with a type hierarchy a lambda's untyped
   * parameter too, where {@link ExpressionTypes#lambdaParameterType} can tell it.
   */
  static Optional<ResolvedType> variableResolvedType(Node from, String name, TypeHierarchy hierarchy, int depth) {
    Optional<Node> declared = variableDeclaration(from, name);
    if (hierarchy != null && declared.isPresent() && declared.get() instanceof com.github.javaparser.ast.body.Parameter parameter
        && parameter.getType().isUnknownType()) {
      return ExpressionTypes.lambdaParameterType(parameter, hierarchy, depth);
    }
    if (declared.isEmpty() || !(declared.get() instanceof com.github.javaparser.ast.type.Type type)) {
      return Optional.empty(); // none, or an untyped lambda parameter: not worth a guess
    }
    if (type.isVarType()) {
      return Optional.empty();
    }
    try {
      return Optional.of(resolveDeclared(type));
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private static final com.github.javaparser.ast.DataKey<Map<String, ResolvedType>> DECLARED_TYPES =
      new com.github.javaparser.ast.DataKey<>() {};

  /**
   * A type as written in a declaration, resolved once per spelling in its scope: the same name
   * written in a class's methods names the same type, and the solver's lookup (enclosing scopes,
   * imports, the classpath) was a tenth of a scan. The scope is the innermost class (named or
   * anonymous), or the method when it has type parameters or declares classes of its own, which
   * may shadow names.
   */
  static ResolvedType resolveDeclared(com.github.javaparser.ast.type.Type type) {
    if (!type.isClassOrInterfaceType()) {
      return type.resolve();
    }
    Node scope = declaredTypeScope(type);
    if (scope == null) {
      return type.resolve();
    }
    Map<String, ResolvedType> known;
    if (scope.containsData(DECLARED_TYPES)) {
      known = scope.getData(DECLARED_TYPES);
    } else {
      known = new java.util.HashMap<>();
      scope.setData(DECLARED_TYPES, known);
    }
    String spelling = type.asString();
    ResolvedType resolved = known.get(spelling);
    if (resolved == null) {
      resolved = type.resolve();
      known.put(spelling, resolved);
    }
    return resolved;
  }

  private static Node declaredTypeScope(Node type) {
    Node child = type;
    for (Node current = type.getParentNode().orElse(null); current != null;
        child = current, current = current.getParentNode().orElse(null)) {
      if (current instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable && declaresTypeNames(callable)) {
        return current;
      }
      if (current instanceof TypeDeclaration<?>
          || (current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent())) {
        // Only for what is written in a member: a class's header (its supertypes, an anonymous
        // class's type) is read from outside the class, where its supertypes' member types do
        // not shadow imported ones.
        return child instanceof com.github.javaparser.ast.body.BodyDeclaration<?> ? current : null;
      }
    }
    return null;
  }

  private static final com.github.javaparser.ast.DataKey<Boolean> DECLARES_TYPE_NAMES =
      new com.github.javaparser.ast.DataKey<>() {};

  /** Whether a method brings type names of its own into scope: type parameters or local classes. */
  private static boolean declaresTypeNames(com.github.javaparser.ast.body.CallableDeclaration<?> callable) {
    if (callable.containsData(DECLARES_TYPE_NAMES)) {
      return callable.getData(DECLARES_TYPE_NAMES);
    }
    boolean declares = !callable.getTypeParameters().isEmpty()
        || callable.findFirst(com.github.javaparser.ast.stmt.LocalClassDeclarationStmt.class).isPresent()
        || callable.findFirst(com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt.class).isPresent();
    callable.setData(DECLARES_TYPE_NAMES, declares);
    return declares;
  }


  /**
   * The declaration of the variable {@code name} seen from {@code from}, as in {@link
   * #variableType}: the declared type of a local, a parameter or a field of an enclosing class, or
   * the lambda parameter itself.
   *
   * <p>One small method per kind of scope, with plain loops: asked for most receivers, this walk
   * was written as one method with streams, and C2 took about a second of a two-core scan to
   * compile it (three compilations, on-stack replacement included, in each recording).
   */
  private static Optional<Node> variableDeclaration(Node from, String name) {
    // A pattern variable's scope follows the flow of conditions: not worth modelling. With one of
    // that name in the method, say "a variable, type unknown" and let the solver type it.
    boolean pattern = patternNames(from).contains(name);
    Node child = from;
    for (Node current = from.getParentNode().orElse(null); current != null;
        child = current, current = current.getParentNode().orElse(null)) {
      Node declared = pattern ? patternIn(current, name) : null;
      if (declared == null) {
        declared = declaredBy(current, child, name);
      }
      if (declared != null) {
        return Optional.of(declared);
      }
    }
    return Optional.empty();
  }

  private static Node patternIn(Node scope, String name) {
    if (!(scope instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) && !(scope instanceof com.github.javaparser.ast.expr.LambdaExpr)) {
      return null;
    }
    return scope.findFirst(com.github.javaparser.ast.expr.TypePatternExpr.class, p -> p.getNameAsString().equals(name)).orElse(null);
  }

  /** What {@code scope} declares {@code name} as, seen from its child {@code child}; null if nothing. */
  private static Node declaredBy(Node scope, Node child, String name) {
    if (scope instanceof com.github.javaparser.ast.stmt.BlockStmt block) {
      return localBefore(block, child, name);
    }
    if (scope instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable) {
      return lastParameter(callable.getParameters(), name);
    }
    if (scope instanceof com.github.javaparser.ast.expr.LambdaExpr lambda) {
      for (com.github.javaparser.ast.body.Parameter parameter : lambda.getParameters()) {
        if (parameter.getNameAsString().equals(name)) {
          return parameter;
        }
      }
      return null;
    }
    if (scope instanceof TypeDeclaration<?> type) {
      return fieldType(type, name);
    }
    if (scope instanceof com.github.javaparser.ast.stmt.ForEachStmt loop) {
      return child == loop.getIterable() ? null : declaredIn(loop.getVariable(), name);
    }
    if (scope instanceof com.github.javaparser.ast.stmt.ForStmt loop) {
      return firstDeclaredIn(loop.getInitialization(), name);
    }
    if (scope instanceof com.github.javaparser.ast.stmt.CatchClause clause) {
      return clause.getParameter().getNameAsString().equals(name) ? clause.getParameter().getType() : null;
    }
    if (scope instanceof com.github.javaparser.ast.stmt.TryStmt attempt) {
      return firstDeclaredIn(attempt.getResources(), name);
    }
    return null;
  }

  /**
   * The type of the last local of that name declared in the block up to the statement that holds
   * the use: by identity, not by comparing positions (long methods made that a hot spot).
   */
  private static com.github.javaparser.ast.type.Type localBefore(com.github.javaparser.ast.stmt.BlockStmt block, Node child, String name) {
    com.github.javaparser.ast.type.Type declared = null;
    for (com.github.javaparser.ast.stmt.Statement statement : block.getStatements()) {
      if (statement instanceof com.github.javaparser.ast.stmt.ExpressionStmt expression) {
        com.github.javaparser.ast.type.Type local = declaredIn(expression.getExpression(), name);
        declared = local != null ? local : declared;
      }
      if (statement == child) {
        break;
      }
    }
    return declared;
  }

  private static com.github.javaparser.ast.type.Type lastParameter(
      List<com.github.javaparser.ast.body.Parameter> parameters, String name) {
    com.github.javaparser.ast.type.Type declared = null;
    for (com.github.javaparser.ast.body.Parameter parameter : parameters) {
      if (parameter.getNameAsString().equals(name)) {
        declared = parameter.getType();
      }
    }
    return declared;
  }

  /** The type of the class's field of that name (as {@code TypeDeclaration.getFieldByName}, without streams). */
  private static com.github.javaparser.ast.type.Type fieldType(TypeDeclaration<?> type, String name) {
    for (com.github.javaparser.ast.body.BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof com.github.javaparser.ast.body.FieldDeclaration field) {
        for (com.github.javaparser.ast.body.VariableDeclarator variable : field.getVariables()) {
          if (variable.getNameAsString().equals(name)) {
            return variable.getType();
          }
        }
      }
    }
    return null;
  }

  private static com.github.javaparser.ast.type.Type firstDeclaredIn(
      List<com.github.javaparser.ast.expr.Expression> expressions, String name) {
    for (com.github.javaparser.ast.expr.Expression expression : expressions) {
      com.github.javaparser.ast.type.Type declared = declaredIn(expression, name);
      if (declared != null) {
        return declared;
      }
    }
    return null;
  }

  private static final com.github.javaparser.ast.DataKey<java.util.Set<String>> PATTERN_NAMES =
      new com.github.javaparser.ast.DataKey<>() {};

  /** The names of the file's pattern variables, listed once per tree (most files have none). */
  private static java.util.Set<String> patternNames(Node from) {
    Node root = from;
    while (root.getParentNode().isPresent()) {
      root = root.getParentNode().get();
    }
    if (root.containsData(PATTERN_NAMES)) {
      return root.getData(PATTERN_NAMES);
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    root.walk(com.github.javaparser.ast.expr.TypePatternExpr.class, pattern -> names.add(pattern.getNameAsString()));
    root.setData(PATTERN_NAMES, names);
    return names;
  }

  /** The type {@code expression} declares {@code name} with, if it is a declaration of it. */
  private static com.github.javaparser.ast.type.Type declaredIn(com.github.javaparser.ast.expr.Expression expression, String name) {
    if (expression instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr locals) {
      for (com.github.javaparser.ast.body.VariableDeclarator local : locals.getVariables()) {
        if (local.getNameAsString().equals(name)) {
          return local.getType();
        }
      }
    }
    return null;
  }

  private static Optional<ResolvedReferenceTypeDeclaration> enclosingType(Node node) {
    Optional<TypeDeclaration> type = node.findAncestor(TypeDeclaration.class);
    try {
      return type.map(TypeDeclaration::resolve);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }
}
