package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.Confidence;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.EventLoopEntry;
import dev.asynclint.core.KnownScheduler;
import dev.asynclint.core.SchedulerShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a callback given to a Reactor, RxJava or Mutiny operator runs, read from the chain around
 * the operator, as the Error Prone engine's {@code ReactiveChain} reads it (same order, same
 * words):
 *
 * <ol>
 *   <li>the nearest {@code publishOn} ({@code observeOn}, {@code emitOn}) upstream of the operator
 *       moves it onto that scheduler;
 *   <li>otherwise a {@code subscribeOn} ({@code runSubscriptionOn}) anywhere in the chain moves
 *       the subscription onto its scheduler;
 *   <li>otherwise it runs where the chain is subscribed: where it is {@code subscribe}d, the
 *       operator it is passed to or flat-mapped by, or the callers it is returned to.
 * </ol>
 *
 * Where a step cannot be resolved (a type missing from the classpath), the scanner cannot tell
 * whether it moves the work, so the callback is not judged: a miss, never a false finding.
 */
final class ReactiveChain {
  static final Set<String> FRAMEWORKS = Set.of("REACTOR", "RXJAVA", "MUTINY");

  private static final int MAX_STEPS = 64;
  private static final int MAX_DEPTH = 8;

  private final Catalog catalog;
  private final CatalogMatcher matcher;
  private final CallResolver calls;
  private final Variables variables;
  private final BlockingCallClassifier classifier;
  /** Where code at a node runs, for the place a chain is subscribed (the context resolver). */
  private final Function<Node, EventLoopContext> enclosing;
  private final int depth;

  ReactiveChain(Catalog catalog, CatalogMatcher matcher, CallResolver calls, Variables variables,
      BlockingCallClassifier classifier, Function<Node, EventLoopContext> enclosing) {
    this(catalog, matcher, calls, variables, classifier, enclosing, 0);
  }

  private ReactiveChain(Catalog catalog, CatalogMatcher matcher, CallResolver calls, Variables variables,
      BlockingCallClassifier classifier, Function<Node, EventLoopContext> enclosing, int depth) {
    this.catalog = catalog;
    this.matcher = matcher;
    this.calls = calls;
    this.variables = variables;
    this.classifier = classifier;
    this.enclosing = enclosing;
    this.depth = depth;
  }

  private ReactiveChain deeper() {
    return new ReactiveChain(catalog, matcher, calls, variables, classifier, enclosing, depth + 1);
  }

  /** Thrown when a step of the chain cannot be resolved: the callback is then not judged. */
  private static final class CannotTell extends RuntimeException {
    CannotTell() {
      super(null, null, false, false);
    }
  }

  private int active;
  private static final int MAX_NESTED_READS = 12;

  /**
   * The context of a callback passed to the operator call, or empty when the chain moves it to
   * threads where blocking is fine, or when the scanner cannot read the chain.
   */
  Optional<EventLoopContext> placeCallback(MethodCallExpr operator, EventLoopEntry entry, int[] nesting) {
    if (nesting[0] >= MAX_NESTED_READS) {
      return Optional.of(new EventLoopContext(entry.framework(), "inside a reactive callback whose chain is too"
          + " deeply nested through other chains to follow, which " + entry.where(), Confidence.LIKELY));
    }
    nesting[0]++;
    try {
      Placement placement = place(operator, entry.framework());
      return placement.off() ? Optional.empty() : Optional.of(placement.context());
    } catch (CannotTell e) {
      return Optional.empty();
    } finally {
      nesting[0]--;
    }
  }

  private record Placement(boolean off, EventLoopContext context) {
    static final Placement OFF = new Placement(true, null);

    static Placement on(EventLoopContext context) {
      return new Placement(false, context);
    }
  }

  private Callable resolved(MethodCallExpr call) {
    return calls.resolve(call).orElseThrow(CannotTell::new);
  }

  private Placement place(MethodCallExpr operator, String framework) {
    Callable callee = resolved(operator);
    if (isTask(callee)) {
      return placeTask(operator, callee, framework);
    }
    Upstream upstream = upstream(operator, callee);
    String where = describeOperator(operator, callee, upstream);
    List<String> notes = new ArrayList<>();

    SchedulerUse subscription = null;
    for (MethodCallExpr step : upstream.calls()) {
      SchedulerUse use = shiftOf(step);
      if (use == null) {
        continue;
      }
      if (use.direction() == SchedulerShift.Direction.DOWNSTREAM) {
        Placement decided = judge(use,
            where + (use.implicit() ? " that emits on " : " that is " + movedWord(framework) + " on "),
            framework, notes);
        if (decided != null) {
          return decided;
        }
      } else {
        subscription = use; // the subscribeOn nearest the source wins
      }
    }

    Placement worst = null;
    for (Downstream path : downstream(operator)) {
      Placement placement = placeAlong(path, subscription, where, framework, new ArrayList<>(notes));
      if (!placement.off() && (worst == null || rank(placement) > rank(worst))) {
        worst = placement;
      }
    }
    return worst == null ? Placement.OFF : worst;
  }

  private static int rank(Placement placement) {
    return placement.context() != null && placement.context().definite() ? 2 : 1;
  }

  private Placement placeAlong(Downstream path, SchedulerUse upstreamSubscription, String where,
      String framework, List<String> notes) {
    SchedulerUse subscription = upstreamSubscription;
    if (subscription == null) {
      for (MethodCallExpr step : path.calls()) {
        SchedulerUse use = shiftOf(step);
        if (use != null && use.direction() == SchedulerShift.Direction.SUBSCRIPTION) {
          subscription = use;
          break;
        }
      }
    }
    if (subscription != null) {
      Placement decided = judge(subscription, where + " that is subscribed on ", framework, notes);
      if (decided != null) {
        return decided;
      }
    }
    return subscribedAt(path, where, framework, notes);
  }

  private Placement judge(SchedulerUse use, String prefix, String framework, List<String> notes) {
    if (use.threads() == KnownScheduler.Threads.BLOCKING_OK) {
      return Placement.OFF;
    }
    if (use.threads() == KnownScheduler.Threads.NON_BLOCKING) {
      return Placement.on(new EventLoopContext(framework,
          prefix + use.shown() + ", " + use.description(), Confidence.DEFINITE));
    }
    notes.add(use.threads() == null
        ? "its " + use.shiftName() + "(" + use.shown() + ") uses a scheduler async-lint cannot see, so it is treated as not moving the work"
        : "its " + use.shiftName() + "(" + use.shown() + ") " + use.description());
    return null;
  }

  private Placement subscribedAt(Downstream path, String where, String framework, List<String> notes) {
    String noted = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    String unscheduled = where + " with no " + shiftNames(framework) + noted;
    Node end = path.end();
    if ((path.kind() == EndKind.PASSED_TO_OPERATOR || path.kind() == EndKind.RETURNED_TO_OPERATOR)
        && depth < MAX_DEPTH && end instanceof MethodCallExpr outerOperator) {
      Placement outer = deeper().place(outerOperator, framework);
      if (outer.off()) {
        return Placement.OFF;
      }
      EventLoopContext context = outer.context();
      return Placement.on(new EventLoopContext(framework,
          unscheduled + ", subscribed by `" + outerOperator.getNameAsString() + "`, " + context.reason(),
          context.confidence()));
    }
    if (waitsOnThisThread(path)) {
      EventLoopContext here = enclosing.apply(end);
      return here == null ? Placement.OFF : Placement.on(new EventLoopContext(framework,
          unscheduled + ", so it runs on the thread that waits for it; that is " + here.reason(),
          here.confidence()));
    }
    if (path.kind() == EndKind.RETURNED) {
      Placement callers = placeAtCallers(end, where, framework, notes);
      if (callers != null) {
        return callers;
      }
    }
    EventLoopContext outer = enclosing.apply(end);
    if (outer != null) {
      String how = path.kind() == EndKind.RETURNED ? "; it is returned " : "; it is built ";
      return Placement.on(new EventLoopContext(framework,
          unscheduled + ", so it runs where it is subscribed" + how + outer.reason(), outer.confidence()));
    }
    String tail = path.kind() == EndKind.RETURNED
        ? ", so it runs on the thread that subscribes to it; it is returned from `"
            + enclosingMethodName(end) + "`, so a caller might still move it with " + shiftNames(framework)
            + " — under WebFlux, Vert.x or Quarkus that thread is an event loop"
        : ", so it runs on the thread that subscribes to it or emits into it"
            + " — an event loop under WebFlux, Vert.x or Quarkus";
    return Placement.on(new EventLoopContext(framework, unscheduled + tail, Confidence.LIKELY));
  }

  /** A chain returned from a method, read on at its callers in this file (see the Error Prone engine). */
  private Placement placeAtCallers(Node returnNode, String where, String framework, List<String> notes) {
    Node callable = enclosingCallable(returnNode);
    if (!(callable instanceof MethodDeclaration method) || depth >= MAX_DEPTH) {
      return null;
    }
    boolean allCallersVisible = method.isPrivate();
    List<MethodCallExpr> callers = new ArrayList<>();
    for (MethodCallExpr call : variables.calls(method.getNameAsString(), method.getParameters().size())) {
      // A call whose receiver's class has this method as its one candidate calls it: no need to
      // type its arguments (a class of a reactive API may make hundreds of such calls, each with
      // a lambda). Anything else is left to the solver, as before.
      Optional<Callable> quick = calls.resolveByReceiver(call);
      if (quick.isPresent() && quick.get().declaration().toAst().orElse(null) == method) {
        callers.add(call);
        continue;
      }
      Optional<Callable> target = calls.resolve(call);
      if (target.isPresent() && target.get().declaration().toAst().orElse(null) == method) {
        callers.add(call);
      } else if (target.isEmpty() && allCallersVisible) {
        throw new CannotTell();
      }
    }
    if (callers.isEmpty()) {
      return null;
    }
    ReactiveChain atCaller = deeper();
    Placement worst = null;
    for (MethodCallExpr call : callers) {
      for (Downstream path : atCaller.downstream(call)) {
        Placement placement = atCaller.placeAlong(path, null,
            where + " (returned from `" + method.getNameAsString() + "`)", framework, new ArrayList<>(notes));
        if (!placement.off() && (worst == null || rank(placement) > rank(worst))) {
          worst = placement;
        }
      }
    }
    if (!allCallersVisible) {
      return worst != null && rank(worst) == 2 ? worst : null;
    }
    return worst == null ? Placement.OFF : worst;
  }

  // ------------------------------------------------------------------------- reading the chain

  private record Upstream(List<MethodCallExpr> calls, ResolvedReferenceTypeDeclaration publisher) {}

  private Upstream upstream(MethodCallExpr operator, Callable callee) {
    List<MethodCallExpr> upstream = new ArrayList<>();
    ResolvedReferenceTypeDeclaration publisher = null;
    Expression current = callee.isStatic() ? null : operator.getScope().orElse(null);
    for (int steps = 0; current != null && steps < MAX_STEPS; steps++) {
      current = strip(current);
      if (current instanceof MethodCallExpr call) {
        Callable step = resolved(call);
        if (publisher == null) {
          ResolvedReferenceTypeDeclaration type = CallResolver.typeOf(call).orElse(null);
          if (isColdPublisher(type)) {
            publisher = type;
          }
        }
        upstream.add(call);
        current = step.isStatic() ? null : call.getScope().orElse(null);
      } else if (current instanceof NameExpr || current instanceof FieldAccessExpr) {
        VariableDeclarator variable = variables.declaration(current);
        if (variable == null || variable.getParentNode().orElse(null)
            instanceof com.github.javaparser.ast.body.FieldDeclaration) {
          if (publisher == null) {
            ResolvedReferenceTypeDeclaration type = CallResolver.typeOf(current).orElse(null);
            publisher = isColdPublisher(type) ? type : null;
          }
          break; // a parameter, a field, or a type name: the chain starts before this method
        }
        if (publisher == null) {
          ResolvedReferenceTypeDeclaration type = CallResolver.typeOf(current).orElse(null);
          publisher = isColdPublisher(type) ? type : null;
        }
        current = variables.onlyValue(variable);
      } else {
        break;
      }
    }
    return new Upstream(upstream, publisher);
  }

  enum EndKind {
    SUBSCRIBED_OR_DROPPED,
    RETURNED,
    RETURNED_TO_OPERATOR,
    PASSED_TO_OPERATOR,
    ELSEWHERE
  }

  private record Downstream(List<MethodCallExpr> calls, EndKind kind, Node end) {}

  private List<Downstream> downstream(Node start) {
    List<Downstream> out = new ArrayList<>();
    follow(start, new ArrayList<>(), out, 0);
    return out;
  }

  private void follow(Node start, List<MethodCallExpr> chain, List<Downstream> out, int steps) {
    Node node = start;
    while (steps++ < MAX_STEPS) {
      Node parent = node.getParentNode().orElse(null);
      while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
        node = parent;
        parent = node.getParentNode().orElse(null);
      }
      if (parent == null) {
        out.add(new Downstream(chain, EndKind.ELSEWHERE, node));
        return;
      }
      if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == node) {
        chain.add(call);
        node = call;
        continue;
      }
      if (parent instanceof VariableDeclarator variable && variable.getInitializer().orElse(null) == node) {
        boolean local = !(variable.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration);
        List<NameExpr> reads = local ? variables.reads(variable) : List.of();
        if (!local || reads.isEmpty() || variables.onlyValue(variable) != node) {
          out.add(new Downstream(chain, EndKind.ELSEWHERE, parent));
          return;
        }
        for (NameExpr read : reads) {
          follow(read, new ArrayList<>(chain), out, steps);
        }
        return;
      }
      if (parent instanceof ReturnStmt) {
        Node owner = enclosingCallable(parent);
        if (owner instanceof LambdaExpr) {
          out.add(lambdaResult(chain, owner, parent));
        } else {
          out.add(new Downstream(chain, EndKind.RETURNED, parent));
        }
        return;
      }
      if (parent instanceof ExpressionStmt statement && statement.getParentNode().orElse(null) instanceof LambdaExpr lambda
          && lambda.getBody() == statement) {
        out.add(lambdaResult(chain, lambda, node));
        return;
      }
      if (parent instanceof MethodCallExpr call && call.getArguments().contains(node)) {
        out.add(new Downstream(chain, isReactiveOperator(call) ? EndKind.PASSED_TO_OPERATOR : EndKind.ELSEWHERE, call));
        return;
      }
      EndKind kind = parent instanceof ExpressionStmt ? EndKind.SUBSCRIBED_OR_DROPPED : EndKind.ELSEWHERE;
      out.add(new Downstream(chain, kind, parent));
      return;
    }
    out.add(new Downstream(chain, EndKind.ELSEWHERE, node));
  }

  private boolean waitsOnThisThread(Downstream path) {
    for (MethodCallExpr call : path.calls()) {
      Optional<Expression> receiver = call.getScope();
      if (receiver.isEmpty()) {
        continue;
      }
      ResolvedReferenceTypeDeclaration type = CallResolver.typeOf(receiver.get()).orElse(null);
      boolean reactive = isColdPublisher(type)
          || (type != null && TypeHierarchy.name(type).startsWith("io.smallrye.mutiny.groups."));
      if (reactive && classifier.classify(call).filter(c -> c.category() == Category.WAIT).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Downstream lambdaResult(List<MethodCallExpr> chain, Node lambda, Node end) {
    Node parent = lambda.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof MethodCallExpr call && isReactiveOperator(call)) {
      return new Downstream(chain, EndKind.RETURNED_TO_OPERATOR, call);
    }
    return new Downstream(chain, EndKind.ELSEWHERE, end);
  }

  private boolean isReactiveOperator(MethodCallExpr call) {
    Optional<Callable> callee = calls.resolve(call);
    if (callee.isEmpty()) {
      throw new CannotTell(); // it may subscribe the chain on threads of its own
    }
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.CALLBACK)) {
      if (FRAMEWORKS.contains(entry.framework()) && matcher.matches(entry.method(), callee.get())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------- schedulers

  private boolean isTask(Callable callee) {
    for (SchedulerShift shift : catalog.schedulerShifts()) {
      if (shift.direction() == SchedulerShift.Direction.TASK && matcher.matches(shift.method(), callee)) {
        return true;
      }
    }
    return false;
  }

  private Placement placeTask(MethodCallExpr call, Callable callee, String framework) {
    Expression receiver = call.getScope().orElse(null);
    Expression value = receiver == null ? null : valueOf(receiver);
    if (value instanceof MethodCallExpr make && make.getNameAsString().equals("createWorker")) {
      receiver = make.getScope().orElse(null);
      value = receiver == null ? null : valueOf(receiver);
    }
    KnownScheduler known = value == null ? null : scheduler(value);
    if (known == null || known.threads() == KnownScheduler.Threads.BLOCKING_OK) {
      return Placement.OFF;
    }
    String where = "inside the task given to `" + callee.name() + "` of `" + BlockingCallClassifier.shown(value) + "`";
    if (known.threads() == KnownScheduler.Threads.NON_BLOCKING) {
      return Placement.on(new EventLoopContext(framework, where + ", " + known.description(), Confidence.DEFINITE));
    }
    EventLoopContext here = enclosing.apply(call);
    return here == null ? Placement.OFF : Placement.on(new EventLoopContext(framework,
        where + ", which runs it on the calling thread: " + here.reason(), here.confidence()));
  }

  private record SchedulerUse(SchedulerShift.Direction direction, String shiftName, String shown,
      KnownScheduler.Threads threads, String description, boolean implicit) {}

  private SchedulerUse shiftOf(MethodCallExpr call) {
    Callable callee = resolved(call);
    for (SchedulerShift shift : catalog.schedulerShifts()) {
      if (shift.direction() == SchedulerShift.Direction.TASK) {
        continue;
      }
      if (shift.implicit() != null && matcher.matches(shift.method(), callee)) {
        KnownScheduler known = implicitScheduler(shift);
        String shown = shift.implicit().owner().equals(shift.method().owner())
            ? "the thread `" + callee.name() + "` emits on"
            : "`" + EventLoopContext.simpleName(shift.implicit().owner()) + "."
                + shift.implicit().names().iterator().next() + "()` (the default of `" + callee.name() + "`)";
        return new SchedulerUse(shift.direction(), callee.name(), shown,
            known == null ? null : known.threads(), known == null ? "" : known.description(), true);
      }
      if (shift.implicit() == null && shift.argument() < call.getArguments().size()
          && matcher.matches(shift.method(), callee)) {
        Expression argument = call.getArgument(shift.argument());
        String shown = "`" + BlockingCallClassifier.shown(argument) + "`";
        Expression value = valueOf(argument);
        KnownScheduler known = value == null ? null : scheduler(value);
        if (known == null) {
          return new SchedulerUse(shift.direction(), callee.name(), shown, null, "", false);
        }
        if (value != strip(argument)) {
          shown += " (`" + BlockingCallClassifier.shown(value) + "`)";
        }
        return new SchedulerUse(shift.direction(), callee.name(), shown, known.threads(), known.description(), false);
      }
    }
    return null;
  }

  private KnownScheduler implicitScheduler(SchedulerShift shift) {
    for (KnownScheduler known : catalog.knownSchedulers()) {
      if (known.method().owner().equals(shift.implicit().owner())
          && shift.implicit().names().stream().allMatch(known.method()::matchesName)) {
        return known;
      }
    }
    return null;
  }

  /** The catalog's scheduler a call or constructor call stands for, or null (unknown). */
  private KnownScheduler scheduler(Expression value) {
    if (!(value instanceof MethodCallExpr || value instanceof ObjectCreationExpr)) {
      return null;
    }
    Optional<Callable> callee = calls.resolve(value);
    if (callee.isEmpty()) {
      return null;
    }
    for (KnownScheduler known : catalog.knownSchedulers()) {
      if (matcher.matches(known.method(), callee.get())) {
        return known;
      }
    }
    return null;
  }

  /** The call or constructor an expression stands for, through variables given one value. */
  private Expression valueOf(Expression expression) {
    Expression current = strip(expression);
    for (int i = 0; i < MAX_STEPS; i++) {
      if (current instanceof MethodCallExpr || current instanceof ObjectCreationExpr) {
        return current;
      }
      if (!(current instanceof NameExpr || current instanceof FieldAccessExpr)) {
        return null;
      }
      Expression next = variables.onlyValue(current);
      if (next == null) {
        return null;
      }
      current = strip(next);
    }
    return null;
  }

  // ------------------------------------------------------------------------------------- words

  private String describeOperator(MethodCallExpr operator, Callable callee, Upstream upstream) {
    String name = callee.name();
    Expression receiver = callee.isStatic() ? null : operator.getScope().map(ReactiveChain::strip).orElse(null);
    if (receiver instanceof MethodCallExpr group && !isColdPublisher(CallResolver.typeOf(group).orElse(null))) {
      name = group.getNameAsString() + "()." + name;
    }
    String type = null;
    if (upstream.publisher() != null) {
      type = upstream.publisher().getName();
    }
    if (type == null) {
      ResolvedReferenceTypeDeclaration returned = CallResolver.typeOf(operator).orElse(null);
      if (isColdPublisher(returned)) {
        type = returned.getName();
      }
    }
    if (type == null) {
      type = callee.declaringSimpleName();
    }
    String article = type.isEmpty() || "AEIOaeio".indexOf(type.charAt(0)) < 0 ? "a" : "an";
    return "inside `" + name + "` of " + article + " `" + type + "`";
  }

  private static String shiftNames(String framework) {
    return switch (framework) {
      case "RXJAVA" -> "observeOn or subscribeOn";
      case "MUTINY" -> "emitOn or runSubscriptionOn";
      default -> "publishOn or subscribeOn";
    };
  }

  private static String movedWord(String framework) {
    return switch (framework) {
      case "RXJAVA" -> "observed";
      case "MUTINY" -> "emitted";
      default -> "published";
    };
  }

  private boolean isColdPublisher(ResolvedReferenceTypeDeclaration type) {
    if (type == null) {
      return false;
    }
    for (AsyncResultType result : catalog.asyncResultTypes(AsyncResultType.Temperature.COLD)) {
      if (matcher.types().isSubtype(type, result.type())) {
        return true;
      }
    }
    return false;
  }

  static Expression strip(Expression expression) {
    Expression current = expression;
    while (true) {
      if (current instanceof EnclosedExpr enclosed) {
        current = enclosed.getInner();
      } else if (current instanceof CastExpr cast) {
        current = cast.getExpression();
      } else {
        return current;
      }
    }
  }

  private static Node enclosingCallable(Node node) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof LambdaExpr || current instanceof com.github.javaparser.ast.body.CallableDeclaration<?>) {
        return current;
      }
    }
    return null;
  }

  private static String enclosingMethodName(Node node) {
    return node.findAncestor(MethodDeclaration.class).map(MethodDeclaration::getNameAsString).orElse("its method");
  }
}
