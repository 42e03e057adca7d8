package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.asynclint.core.CallbackOrOffload;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.EventLoopEntry;
import dev.asynclint.core.MethodPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers "does this code run on an event loop?". It walks outward from the code to the nearest
 * lambda, method reference, anonymous class or method and asks the catalog what that callable
 * is: a handler override, an argument to a callback parameter, an annotated method, or an
 * argument to an offload point. Lambdas passed to other methods ({@code list.forEach(...)}) run
 * where their caller runs, so the walk goes on outward through them.
 */
final class EventLoopContextResolver {
  private final Catalog catalog;
  private final AsyncLintConfig config;

  EventLoopContextResolver(Catalog catalog, AsyncLintConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  /** The event-loop context of the code at {@code path}, or null when it does not run on one. */
  @Nullable EventLoopContext resolve(TreePath path, VisitorState state) {
    EventLoopContext context = walk(path, state);
    if (context != null && context.framework().equals("COMMON_POOL") && !config.commonPool()) {
      return null;
    }
    return context;
  }

  private @Nullable EventLoopContext walk(TreePath start, VisitorState state) {
    // A method reference to a blocking API is itself the callable: judge it by where it is passed.
    TreePath path = start.getLeaf() instanceof MemberReferenceTree ? start : start.getParentPath();
    while (path != null) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MemberReferenceTree) {
        Passed passed = passedTo(path, state);
        if (passed.kind != Passed.Kind.UNKNOWN_CALLEE) {
          return passed.context;
        }
      } else if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol == null) {
          return null;
        }
        EventLoopContext declared = declaredContext(symbol, state);
        if (declared != null || isDeclaredBlocking(symbol, state)) {
          return declared;
        }
        TreePath anonymous = anonymousClassCreation(path);
        if (anonymous == null) {
          return null; // a named method: callers decide (transitive analysis), not us
        }
        Passed passed = passedTo(anonymous, state);
        if (passed.kind != Passed.Kind.UNKNOWN_CALLEE) {
          return passed.context;
        }
        path = anonymous;
      } else if (leaf instanceof ClassTree) {
        return null; // field initialisers and initializer blocks
      }
      path = path.getParentPath();
    }
    return null;
  }

  /**
   * Declared contexts by method, per compilation: every method on a walk and every summarised
   * method asks, and the answer depends on the method alone.
   */
  private static final PerCompilation<Map<MethodSymbol, Optional<EventLoopContext>>> DECLARED =
      new PerCompilation<>();

  /** A handler override, a verticle method, or a method (or its class) annotated @NonBlocking. */
  private @Nullable EventLoopContext declaredContext(MethodSymbol method, VisitorState state) {
    Map<MethodSymbol, Optional<EventLoopContext>> known = DECLARED.get(state.context, c -> new HashMap<>());
    Optional<EventLoopContext> context = known.get(method);
    if (context == null) {
      context = Optional.ofNullable(decideDeclaredContext(method, state));
      known.put(method, context);
    }
    return context.orElse(null);
  }

  private @Nullable EventLoopContext decideDeclaredContext(MethodSymbol method, VisitorState state) {
    EventLoopContext webFlux = WebFluxHandlers.context(method, catalog, state);
    if (webFlux != null) {
      return webFlux;
    }
    EventLoopEntry classAnnotation = classAnnotation(method.enclClass(), state);
    boolean methodAnnotated = !method.getRawAttributes().isEmpty();
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.ANNOTATION)) {
      if (entry == classAnnotation
          || (methodAnnotated && ASTHelpers.hasAnnotation(method, entry.method().owner(), state))) {
        return EventLoopContext.insideAnnotated(method.getSimpleName().toString(), entry);
      }
    }
    ClassSymbol owner = method.enclClass();
    String name = method.getSimpleName().toString();
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.OVERRIDE)) {
      if (!entry.method().matchesName(name)
          || !CatalogLookup.isSubtype(owner.type, entry.method().owner(), state)
          || !overridesMethodOf(method, entry.method().owner(), state)) {
        continue;
      }
      if (OffLoopClasses.runOffLoop(owner, state)) {
        return null; // a worker verticle, or a handler added with its own executor group
      }
      return EventLoopContext.insideOverride(method.getSimpleName().toString(), owner.isAnonymous() ? null : owner.getSimpleName().toString(), entry);
    }
    return null;
  }

  /**
   * The first catalog annotation (in catalog order) on a class, inherited ones included, or null:
   * every method of the class asks, and the answer is the class's.
   */
  private @Nullable EventLoopEntry classAnnotation(ClassSymbol owner, VisitorState state) {
    Map<ClassSymbol, Optional<EventLoopEntry>> known = CLASS_ANNOTATIONS.get(state.context, c -> new HashMap<>());
    Optional<EventLoopEntry> entry = known.get(owner);
    if (entry == null) {
      entry = Optional.empty();
      for (EventLoopEntry candidate : catalog.eventLoopEntries(EventLoopEntry.Kind.ANNOTATION)) {
        if (ASTHelpers.hasAnnotation(owner, candidate.method().owner(), state)) {
          entry = Optional.of(candidate);
          break;
        }
      }
      known.put(owner, entry);
    }
    return entry.orElse(null);
  }

  private static final PerCompilation<Map<ClassSymbol, Optional<EventLoopEntry>>> CLASS_ANNOTATIONS =
      new PerCompilation<>();

  private static boolean overridesMethodOf(MethodSymbol method, String owner, VisitorState state) {
    for (MethodSymbol superMethod : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      Symbol declaring = superMethod.owner;
      if (declaring.getQualifiedName().contentEquals(owner)
          || CatalogLookup.isSubtype(state.getTypeFromString(owner), declaring.type, state.getTypes())) {
        return true;
      }
    }
    return false;
  }

  private boolean isDeclaredBlocking(MethodSymbol method, VisitorState state) {
    if (method.getRawAttributes().isEmpty()) {
      return false; // most methods: no annotation to look up by name
    }
    for (String annotation : catalog.blockingAnnotations()) {
      if (ASTHelpers.hasAnnotation(method, annotation, state)) {
        return true;
      }
    }
    return false;
  }

  /** The path of the {@code new X() { ... }} that declares the method at {@code methodPath}. */
  private static @Nullable TreePath anonymousClassCreation(TreePath methodPath) {
    TreePath classPath = methodPath.getParentPath();
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
      return null;
    }
    TreePath creation = classPath.getParentPath();
    return creation != null && creation.getLeaf() instanceof NewClassTree ? creation : null;
  }

  /** What the method a callable is passed to does with it. */
  private record Passed(Kind kind, @Nullable EventLoopContext context) {
    enum Kind {
      ON_LOOP,
      OFF_LOOP,
      NOT_AN_ARGUMENT,
      UNKNOWN_CALLEE
    }

    static final Passed OFF = new Passed(Kind.OFF_LOOP, null);
    static final Passed NOT_ARGUMENT = new Passed(Kind.NOT_AN_ARGUMENT, null);
    static final Passed UNKNOWN = new Passed(Kind.UNKNOWN_CALLEE, null);
  }

  private Passed passedTo(TreePath callablePath, VisitorState state) {
    Tree callable = callablePath.getLeaf();
    TreePath parentPath = callablePath.getParentPath();
    while (parentPath != null
        && (parentPath.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
            || parentPath.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
      callable = parentPath.getLeaf();
      parentPath = parentPath.getParentPath();
    }
    if (parentPath == null) {
      return Passed.NOT_ARGUMENT;
    }
    Tree parent = parentPath.getLeaf();
    List<? extends ExpressionTree> arguments;
    if (parent instanceof MethodInvocationTree invocation) {
      arguments = invocation.getArguments();
    } else if (parent instanceof NewClassTree creation && creation != callable) {
      arguments = creation.getArguments();
    } else {
      return Passed.NOT_ARGUMENT; // stored, returned, or the receiver of a call
    }
    int index = arguments.indexOf(callable);
    if (index < 0) {
      return Passed.NOT_ARGUMENT;
    }
    Symbol symbol = ASTHelpers.getSymbol(parent);
    if (!(symbol instanceof MethodSymbol callee)) {
      return Passed.UNKNOWN;
    }
    Type receiver = BlockingCallClassifier.receiverType(parent, callee);
    int paramIndex = Math.min(index, callee.getParameters().size() - 1);

    String methodName = callee.getSimpleName().toString();
    CallbackOrOffload.Choice choice = CallbackOrOffload.choose(catalog, new CallbackOrOffload.Callee() {
      @Override
      public boolean matches(MethodPattern pattern) {
        // The name first, from one string: most of the catalog's entries are other methods.
        return pattern.matchesName(methodName) && CatalogLookup.matches(pattern, callee, receiver, state);
      }

      @Override
      public boolean moreSpecific(MethodPattern a, MethodPattern b) {
        return CatalogLookup.moreSpecific(a, b, state);
      }

      @Override
      public boolean hasParamOfType(String type) {
        return EventLoopContextResolver.hasParamOfType(callee, type, state);
      }

      @Override
      public boolean functionalParam(int index) {
        return EventLoopContextResolver.functionalParam(callee, index, state);
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
    if (ReactiveChain.FRAMEWORKS.contains(bestCallback.framework()) && parent instanceof MethodInvocationTree) {
      // The chain decides: publishOn/subscribeOn, and where it is subscribed.
      EventLoopContext placed = new ReactiveChain(catalog, state, p -> walk(p, state))
          .placeCallback(parentPath, bestCallback);
      return placed == null ? Passed.OFF : new Passed(Passed.Kind.ON_LOOP, placed);
    }
    if (bestCallback.framework().equals("VERTX")) {
      // Callbacks registered by a worker verticle (or code nested in one) run on its worker context.
      ClassTree classTree = ASTHelpers.findEnclosingNode(callablePath, ClassTree.class);
      for (Symbol s = classTree == null ? null : ASTHelpers.getSymbol(classTree);
          s != null; s = s.owner == null ? null : s.owner.enclClass()) {
        if (s instanceof ClassSymbol cls && OffLoopClasses.runOffLoop(cls, state)) {
          return Passed.OFF;
        }
        if (s.owner == null || s.owner.enclClass() == s) {
          break;
        }
      }
    }
    String what = callable instanceof MemberReferenceTree ? "the method reference"
        : callable instanceof NewClassTree ? "the anonymous class" : "the lambda";
    String calleeName = callee.isConstructor()
        ? "new " + callee.owner.getSimpleName()
        : callee.owner.getSimpleName() + "." + callee.getSimpleName();
    return new Passed(Passed.Kind.ON_LOOP, EventLoopContext.insideCallback(what, calleeName, bestCallback));
  }

  private static boolean hasParamOfType(MethodSymbol method, @Nullable String type, VisitorState state) {
    if (type == null) {
      return false;
    }
    for (Symbol.VarSymbol p : method.getParameters()) {
      if (CatalogLookup.isSubtype(p.type, type, state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean functionalParam(MethodSymbol method, int index, VisitorState state) {
    if (index < 0 || index >= method.getParameters().size()) {
      return false;
    }
    Type type = method.getParameters().get(index).type;
    if (method.isVarArgs() && index == method.getParameters().size() - 1 && type instanceof Type.ArrayType array) {
      type = array.elemtype;
    }
    return state.getTypes().isFunctionalInterface(type);
  }


}
