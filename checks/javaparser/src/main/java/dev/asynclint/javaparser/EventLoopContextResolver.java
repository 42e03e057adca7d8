package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.asynclint.core.CallbackOrOffload;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.EventLoopEntry;
import dev.asynclint.core.MethodPattern;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers "does this code run on an event loop?" the way the Error Prone engine does: walk
 * outward to the nearest lambda, method reference, anonymous class or method and ask the catalog
 * what that callable is — a handler override, an argument to a callback parameter, an annotated
 * method, or an argument to an offload point. Lambdas passed to other methods
 * ({@code list.forEach(...)}) run where their caller runs, so the walk goes on through them.
 */
final class EventLoopContextResolver {
  private final Catalog catalog;
  private final ScanOptions options;
  private final CatalogMatcher matcher;
  private final CallResolver calls;
  private final OffLoopClasses offLoop;
  private final String path;
  private final Map<Node, EventLoopContext> memo = new IdentityHashMap<>();
  private final Supplier<ReactiveChain> chain;
  /** How many chain readings are under way, to bound reading through chains that feed each other. */
  private final int[] chainReads = {0};

  EventLoopContextResolver(Catalog catalog, ScanOptions options, CatalogMatcher matcher,
      CallResolver calls, OffLoopClasses offLoop, String path, BlockingCallClassifier classifier,
      Supplier<Variables> variables) {
    this.catalog = catalog;
    this.options = options;
    this.matcher = matcher;
    this.calls = calls;
    this.offLoop = offLoop;
    this.path = path;
    ReactiveChain[] made = {null};
    this.chain = () -> {
      if (made[0] == null) {
        made[0] = new ReactiveChain(catalog, matcher, calls, variables.get(), classifier, this::walk);
      }
      return made[0];
    };
  }

  /** The event-loop context of the code at {@code node}, or empty when it does not run on one. */
  Optional<EventLoopContext> resolve(Node node) {
    EventLoopContext context = walk(node);
    if (context != null && context.framework().equals("COMMON_POOL") && !options.commonPool()) {
      return Optional.empty();
    }
    return Optional.ofNullable(context);
  }

  private EventLoopContext walk(Node start) {
    // A method reference to a blocking API is itself the callable: judge it by where it is passed.
    Node current = start instanceof MethodReferenceExpr ? start : parent(start);
    while (current != null && !(current instanceof LambdaExpr || current instanceof MethodReferenceExpr
        || current instanceof CallableDeclaration<?> || current instanceof BodyDeclaration<?>)) {
      current = parent(current);
    }
    if (current == null) {
      return null;
    }
    Node callable = current;
    if (memo.containsKey(callable)) {
      return memo.get(callable);
    }
    EventLoopContext context = walkFrom(callable);
    memo.put(callable, context);
    return context;
  }

  /** The walk from the nearest enclosing callable (or declaration) outward. */
  private EventLoopContext walkFrom(Node start) {
    Node current = start;
    while (current != null) {
      if (current instanceof LambdaExpr || current instanceof MethodReferenceExpr) {
        Passed passed = passedTo(current);
        if (passed.kind != Passed.Kind.UNKNOWN_CALLEE) {
          return passed.context;
        }
      } else if (current instanceof MethodDeclaration || current instanceof ConstructorDeclaration) {
        CallableDeclaration<?> method = (CallableDeclaration<?>) current;
        EventLoopContext declared = declaredContext(method);
        if (declared != null || isDeclaredBlocking(method)) {
          return declared;
        }
        if (!(parent(method) instanceof ObjectCreationExpr anonymous)) {
          return null; // a named method: callers decide (transitive analysis), not us
        }
        Passed passed = passedTo(anonymous);
        if (passed.kind != Passed.Kind.UNKNOWN_CALLEE) {
          return passed.context;
        }
        current = anonymous;
      } else if (current instanceof BodyDeclaration<?>) {
        return null; // types, field initialisers and initializer blocks
      }
      current = parent(current);
    }
    return null;
  }

  private static Node parent(Node node) {
    return node.getParentNode().orElse(null);
  }

  /**
   * Whether a named method is event-loop code by its own declaration (a handler override, a
   * verticle method, {@code @NonBlocking}): transitive summaries skip those, since their blocking
   * calls are reported where they are.
   */
  boolean isEventLoopMethod(CallableDeclaration<?> method) {
    if (parent(method) instanceof ObjectCreationExpr) {
      return false; // judged by where the anonymous class is passed
    }
    try {
      return declaredContext(method) != null;
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  /** A handler override, a verticle method, or a method (or its class) annotated @NonBlocking. */
  private EventLoopContext declaredContext(CallableDeclaration<?> method) {
    String name = method.getNameAsString();
    Node parent = parent(method);
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.ANNOTATION)) {
      String annotation = entry.method().owner();
      if (Annotations.has(method, annotation)
          || (parent instanceof TypeDeclaration<?> type && Annotations.has(type, annotation))) {
        return EventLoopContext.insideAnnotated(name, entry);
      }
    }
    if (!(method instanceof MethodDeclaration)) {
      return null; // constructors override nothing
    }
    DeclaringClass owner = null;
    int arity = method.getParameters().size();
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.OVERRIDE)) {
      if (!entry.method().matchesName(name)) {
        continue;
      }
      if (owner == null) {
        owner = declaringClass(parent);
        if (owner == null) {
          return null;
        }
      }
      String entryOwner = TypeHierarchy.normalize(entry.method().owner());
      if (!owner.supertypes.containsKey(entryOwner) || !overridesMethodOf(owner, name, arity, entryOwner)) {
        continue;
      }
      if (offLoop.runsOffLoop(parent, path)) {
        return null; // a worker verticle, or a handler added with its own executor group
      }
      return EventLoopContext.insideOverride(name, owner.anonymous ? null : owner.simpleName, entry);
    }
    return null;
  }

  /** The class a method is declared in: its name, and its supertypes (itself included). */
  private record DeclaringClass(String simpleName, boolean anonymous,
      Map<String, ResolvedReferenceTypeDeclaration> supertypes, String selfName) {}

  private DeclaringClass declaringClass(Node parent) {
    TypeHierarchy types = matcher.types();
    try {
      if (parent instanceof TypeDeclaration<?> type) {
        ResolvedReferenceTypeDeclaration resolved = type.resolve();
        return new DeclaringClass(type.getNameAsString(), false, types.supertypes(resolved),
            TypeHierarchy.name(resolved));
      }
      if (parent instanceof ObjectCreationExpr creation) {
        ResolvedType created = creation.getType().resolve();
        if (!created.isReferenceType() || created.asReferenceType().getTypeDeclaration().isEmpty()) {
          return null;
        }
        return new DeclaringClass("", true,
            types.supertypesOf(List.of(created.asReferenceType().getTypeDeclaration().get())), "");
      }
    } catch (RuntimeException | StackOverflowError e) {
      return null; // the class or its supertypes are not on the classpath
    }
    return null;
  }

  private boolean overridesMethodOf(DeclaringClass owner, String method, int arity, String entryOwner) {
    TypeHierarchy types = matcher.types();
    for (Map.Entry<String, ResolvedReferenceTypeDeclaration> supertype : owner.supertypes.entrySet()) {
      if (supertype.getKey().equals(owner.selfName) || !types.declares(supertype.getValue(), method, arity)) {
        continue;
      }
      if (supertype.getKey().equals(entryOwner) || types.isSubtype(entryOwner, supertype.getKey())) {
        return true;
      }
    }
    return false;
  }

  private boolean isDeclaredBlocking(CallableDeclaration<?> method) {
    for (String annotation : catalog.blockingAnnotations()) {
      if (Annotations.has(method, annotation)) {
        return true;
      }
    }
    return false;
  }

  /** What the method a callable is passed to does with it. */
  private record Passed(Kind kind, EventLoopContext context) {
    enum Kind {
      ON_LOOP,
      OFF_LOOP,
      NOT_AN_ARGUMENT,
      UNKNOWN_CALLEE,
      /** The solver cannot say which method it is passed to: not judged, a miss rather than a guess. */
      CANNOT_TELL
    }

    static final Passed OFF = new Passed(Kind.OFF_LOOP, null);
    static final Passed NOT_ARGUMENT = new Passed(Kind.NOT_AN_ARGUMENT, null);
    static final Passed UNKNOWN = new Passed(Kind.UNKNOWN_CALLEE, null);
    static final Passed CANNOT_TELL = new Passed(Kind.CANNOT_TELL, null);
  }

  private Passed passedTo(Node callable) {
    Node argument = callable;
    Node parent = parent(callable);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      argument = parent;
      parent = parent(parent);
    }
    NodeList<Expression> arguments;
    if (parent instanceof MethodCallExpr invocation) {
      arguments = invocation.getArguments();
    } else if (parent instanceof ObjectCreationExpr creation && creation != callable) {
      arguments = creation.getArguments();
    } else {
      return Passed.NOT_ARGUMENT; // stored, returned, or the receiver of a call
    }
    int index = -1;
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i) == argument) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      return Passed.NOT_ARGUMENT;
    }
    // What follows reads the callee's name, owner, parameters and receiver only, which the one
    // method of that name and arity on the receiver's class gives without typing the arguments
    // (the lambda among them: the solver's costliest work, asked for every lambda in the code).
    Optional<Callable> resolved = calls.resolveByReceiver(parent);
    if (resolved.isEmpty()) {
      // Unlike a method the catalog does not know (forEach: the lambda runs where its caller
      // runs), an unresolved one may be a reactive operator or an offload point.
      return Passed.CANNOT_TELL;
    }
    Callable callee = resolved.get();
    int paramIndex = Math.min(index, callee.paramCount() - 1);

    CallbackOrOffload.Choice choice = CallbackOrOffload.choose(catalog, new CallbackOrOffload.Callee() {
      @Override
      public boolean matches(MethodPattern pattern) {
        return matcher.matches(pattern, callee);
      }

      @Override
      public boolean moreSpecific(MethodPattern a, MethodPattern b) {
        return matcher.moreSpecific(a, b);
      }

      @Override
      public boolean hasParamOfType(String type) {
        return EventLoopContextResolver.this.hasParamOfType(callee, type);
      }

      @Override
      public boolean functionalParam(int index) {
        return EventLoopContextResolver.functionalParam(callee, index);
      }
    }, paramIndex);
    if (choice.offloaded()) {
      return Passed.OFF;
    }
    EventLoopEntry bestCallback = choice.callback();
    if (bestCallback == null) {
      // The catalog knows nothing, or the callable runs at once (choice.runsInline()): either way
      // it runs where the call runs, so the walk goes on to the enclosing code.
      return Passed.UNKNOWN;
    }
    if (ReactiveChain.FRAMEWORKS.contains(bestCallback.framework()) && parent instanceof MethodCallExpr operator) {
      // The chain decides: publishOn/subscribeOn, and where it is subscribed.
      Optional<EventLoopContext> placed = chain.get().placeCallback(operator, bestCallback, chainReads);
      return placed.isEmpty() ? Passed.OFF : new Passed(Passed.Kind.ON_LOOP, placed.get());
    }
    if (bestCallback.framework().equals("VERTX")) {
      // Callbacks registered by a worker verticle (or code nested in one) run on its worker context.
      for (Node type = OffLoopClasses.enclosingClass(callable); type != null; type = OffLoopClasses.enclosingClass(type)) {
        if (offLoop.runsOffLoop(type, path)) {
          return Passed.OFF;
        }
      }
    }
    String what = callable instanceof MethodReferenceExpr ? "the method reference"
        : callable instanceof ObjectCreationExpr ? "the anonymous class" : "the lambda";
    String calleeName = callee.isConstructor()
        ? "new " + callee.declaringSimpleName()
        : callee.declaringSimpleName() + "." + callee.name();
    return new Passed(Passed.Kind.ON_LOOP, EventLoopContext.insideCallback(what, calleeName, bestCallback));
  }


  private boolean hasParamOfType(Callable callee, String type) {
    if (type == null) {
      return false;
    }
    for (String param : callee.erasedParams()) {
      if (matcher.types().isSubtype(param, type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean functionalParam(Callable callee, int index) {
    Optional<ResolvedType> type = callee.paramType(index);
    try {
      return type.isPresent() && type.get().isReferenceType()
          && type.get().asReferenceType().getTypeDeclaration().map(d -> d.isFunctionalInterface()).orElse(false);
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }


}
