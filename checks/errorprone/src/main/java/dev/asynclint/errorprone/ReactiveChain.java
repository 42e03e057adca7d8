package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Confidence;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.EventLoopEntry;
import dev.asynclint.core.KnownScheduler;
import dev.asynclint.core.SchedulerShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where a callback given to a Reactor, RxJava or Mutiny operator runs, read from the chain around
 * the operator:
 *
 * <ol>
 *   <li>the nearest {@code publishOn} (Rx {@code observeOn}, Mutiny {@code emitOn}) upstream of
 *       the operator moves it onto that scheduler;
 *   <li>otherwise a {@code subscribeOn} ({@code runSubscriptionOn}) anywhere in the chain moves the
 *       subscription, so the source and the operator, onto its scheduler (the one nearest the
 *       source wins);
 *   <li>otherwise it runs where the chain is subscribed: where it is {@code subscribe}d, the
 *       operator it is passed to or flat-mapped by, or the caller it is returned to.
 * </ol>
 *
 * A blocking-friendly scheduler means no finding; a non-blocking one ({@code parallel()}) a
 * DEFINITE one. With no scheduler the answer comes from the place the chain is subscribed: DEFINITE
 * when that is known event-loop code (a WebFlux handler, a Netty handler, a Vert.x callback), and
 * otherwise LIKELY, since a plain {@code main} runs the chain on its own thread. Chains split across
 * local variables of one method are followed; schedulers held in variables or fields count as the
 * value they are given.
 */
final class ReactiveChain {
  static final Set<String> FRAMEWORKS = Set.of("REACTOR", "RXJAVA", "MUTINY");

  private static final int MAX_STEPS = 64;

  private final Catalog catalog;
  private final VisitorState state;
  /** Where code at a path runs, for the place a chain is subscribed (the context resolver). */
  private final Function<TreePath, @Nullable EventLoopContext> enclosing;
  private final SourceIndex index;
  private final int depth;

  ReactiveChain(Catalog catalog, VisitorState state,
      Function<TreePath, @Nullable EventLoopContext> enclosing) {
    this(catalog, state, enclosing, 0);
  }

  private ReactiveChain(Catalog catalog, VisitorState state,
      Function<TreePath, @Nullable EventLoopContext> enclosing, int depth) {
    this.catalog = catalog;
    this.state = state;
    this.enclosing = enclosing;
    this.index = SourceIndex.of(state.getPath().getCompilationUnit());
    this.depth = depth;
  }

  /**
   * The context of a callback passed to the operator call at {@code operatorPath}, or null when
   * the chain moves it to threads where blocking is fine.
   */
  @Nullable EventLoopContext placeCallback(TreePath operatorPath, EventLoopEntry entry) {
    // Reading on at callers and through inner chains re-enters the resolver; bound the whole
    // descent so unusual recursion between private methods ends with an honest "cannot tell".
    int active = ACTIVE.get();
    if (active >= MAX_NESTED_READS) {
      return new EventLoopContext(entry.framework(), "inside a reactive callback whose chain is too"
          + " deeply nested through other chains to follow, which " + entry.where(), Confidence.LIKELY);
    }
    ACTIVE.set(active + 1);
    try {
      Placement placement = place(operatorPath, entry.framework());
      return placement.off() ? null : placement.context();
    } finally {
      ACTIVE.set(active);
    }
  }

  private static final int MAX_NESTED_READS = 12;
  private static final ThreadLocal<Integer> ACTIVE = ThreadLocal.withInitial(() -> 0);

  /** Off the loop, or on it with a context. */
  private record Placement(boolean off, @Nullable EventLoopContext context) {
    static final Placement OFF = new Placement(true, null);

    static Placement on(EventLoopContext context) {
      return new Placement(false, context);
    }
  }

  private Placement place(TreePath operatorPath, String framework) {
    MethodInvocationTree operator = (MethodInvocationTree) operatorPath.getLeaf();
    MethodSymbol callee = ASTHelpers.getSymbol(operator);
    if (callee != null && isTask(operator, callee)) {
      return placeTask(operatorPath, operator, callee, framework);
    }
    Upstream upstream = upstream(operator);
    String where = describeOperator(operator, callee, upstream);
    List<String> notes = new ArrayList<>();

    // 1. The nearest publishOn upstream decides, unless its scheduler is unknown.
    SchedulerUse subscription = null;
    for (MethodInvocationTree step : upstream.calls()) {
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
        subscription = use; // keep walking: the subscribeOn nearest the source wins
      }
    }

    // 2. Otherwise subscribeOn, up- or downstream, then 3. where the chain is subscribed.
    Placement worst = null;
    for (Downstream path : downstream(operatorPath)) {
      Placement placement = placeAlong(path, subscription, where, framework, new ArrayList<>(notes));
      if (!placement.off()) {
        if (worst == null || rank(placement) > rank(worst)) {
          worst = placement;
        }
      }
    }
    return worst == null ? Placement.OFF : worst;
  }

  private static int rank(Placement placement) {
    return placement.context() != null && placement.context().definite() ? 2 : 1;
  }

  private Placement placeAlong(Downstream path, @Nullable SchedulerUse upstreamSubscription,
      String where, String framework, List<String> notes) {
    SchedulerUse subscription = upstreamSubscription;
    if (subscription == null) {
      for (MethodInvocationTree step : path.calls()) {
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

  /** A shift with a known scheduler decides; an unknown one is noted and treated as no move. */
  private @Nullable Placement judge(SchedulerUse use, String prefix, String framework, List<String> notes) {
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

  /** No scheduler decided: the chain runs where it is subscribed. */
  private Placement subscribedAt(Downstream path, String where, String framework, List<String> notes) {
    String noted = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    String unscheduled = where + " with no " + shiftNames(framework) + noted;
    TreePath end = path.end();
    switch (path.kind()) {
      case PASSED_TO_OPERATOR, RETURNED_TO_OPERATOR -> {
        // flatMap(x -> inner), then(inner), zip(a, b): the operator subscribes the inner chain
        // where its own callbacks run.
        if (depth < 8) {
          Placement outer = new ReactiveChain(catalog, state, enclosing, depth + 1).place(end, framework);
          if (outer.off()) {
            return Placement.OFF;
          }
          EventLoopContext context = outer.context();
          return Placement.on(new EventLoopContext(framework,
              unscheduled + ", subscribed by `" + methodName(end) + "`, " + context.reason(),
              context.confidence()));
        }
      }
      default -> {}
    }
    if (waitsOnThisThread(path)) {
      // block()/blockingGet()/await(): the current thread subscribes and the chain runs on it, so
      // it runs exactly where this code runs (the wait itself is BlockingWaitInEventLoop's finding).
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
          unscheduled + ", so it runs where it is subscribed" + how + outer.reason(),
          outer.confidence()));
    }
    String tail = switch (path.kind()) {
      case RETURNED -> ", so it runs on the thread that subscribes to it; it is returned from `"
          + enclosingMethodName(end) + "`, so a caller might still move it with " + shiftNames(framework)
          + " — under WebFlux, Vert.x or Quarkus that thread is an event loop";
      default -> ", so it runs on the thread that subscribes to it or emits into it"
          + " — an event loop under WebFlux, Vert.x or Quarkus";
    };
    return Placement.on(new EventLoopContext(framework, unscheduled + tail, Confidence.LIKELY));
  }

  /**
   * A chain returned from a method, read on at its callers in this file (a caller's subscribeOn
   * still moves the chain; its publishOn comes too late). For a private method those are all its
   * callers; for any other, only a DEFINITE placement at a visible caller counts. Null when
   * nothing is decided here.
   */
  private @Nullable Placement placeAtCallers(TreePath returnPath, String where, String framework,
      List<String> notes) {
    TreePath methodPath = enclosingCallable(returnPath);
    if (methodPath == null || !(methodPath.getLeaf() instanceof MethodTree method) || depth >= 8) {
      return null;
    }
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    if (symbol == null) {
      return null;
    }
    // Callers of a non-private method may live elsewhere: the ones in this file can only prove
    // that it runs on a loop (a DEFINITE placement), never that it does not.
    boolean allCallersVisible = symbol.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE);
    List<TreePath> calls = index.calls(symbol);
    if (calls.isEmpty()) {
      return null;
    }
    ReactiveChain atCaller = new ReactiveChain(catalog, state, enclosing, depth + 1);
    Placement worst = null;
    for (TreePath call : calls) {
      for (Downstream path : atCaller.downstream(call)) {
        Placement placement = atCaller.placeAlong(path, null,
            where + " (returned from `" + method.getName() + "`)", framework, new ArrayList<>(notes));
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

  private record Upstream(List<MethodInvocationTree> calls, @Nullable Type publisher) {}

  /** The calls upstream of the operator, nearest first, following effectively final locals. */
  private Upstream upstream(MethodInvocationTree operator) {
    List<MethodInvocationTree> calls = new ArrayList<>();
    Type publisher = null;
    MethodSymbol symbol = ASTHelpers.getSymbol(operator);
    ExpressionTree current = symbol == null || symbol.isStatic() ? null : ASTHelpers.getReceiver(operator);
    for (int steps = 0; current != null && steps < MAX_STEPS; steps++) {
      current = ASTHelpers.stripParentheses(current);
      if (current instanceof com.sun.source.tree.TypeCastTree cast) {
        current = cast.getExpression();
        continue;
      }
      Type type = ASTHelpers.getType(current);
      Symbol currentSymbol = ASTHelpers.getSymbol(current);
      if (currentSymbol instanceof Symbol.ClassSymbol) {
        break; // a type name: the receiver of a static factory
      }
      if (publisher == null && isColdPublisher(type)) {
        publisher = type;
      }
      if (current instanceof MethodInvocationTree call) {
        calls.add(call);
        MethodSymbol callSymbol = ASTHelpers.getSymbol(call);
        current = callSymbol == null || callSymbol.isStatic() ? null : ASTHelpers.getReceiver(call);
      } else if ((current instanceof IdentifierTree || current instanceof MemberSelectTree)
          && currentSymbol != null && currentSymbol.getKind() == javax.lang.model.element.ElementKind.LOCAL_VARIABLE) {
        current = index.onlyValue(currentSymbol);
      } else {
        break;
      }
    }
    return new Upstream(calls, publisher);
  }

  enum EndKind {
    SUBSCRIBED_OR_DROPPED,
    RETURNED,
    RETURNED_TO_OPERATOR,
    PASSED_TO_OPERATOR,
    ELSEWHERE
  }

  /** One way the chain goes on after the operator, and where it ends. */
  private record Downstream(List<MethodInvocationTree> calls, EndKind kind, TreePath end) {}

  private List<Downstream> downstream(TreePath start) {
    List<Downstream> out = new ArrayList<>();
    follow(start, new ArrayList<>(), out, 0);
    return out;
  }

  private void follow(TreePath start, List<MethodInvocationTree> calls, List<Downstream> out, int steps) {
    TreePath path = start;
    while (steps++ < MAX_STEPS) {
      TreePath parentPath = path.getParentPath();
      while (parentPath != null && (parentPath.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
          || parentPath.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
        path = parentPath;
        parentPath = path.getParentPath();
      }
      if (parentPath == null) {
        out.add(new Downstream(calls, EndKind.ELSEWHERE, path));
        return;
      }
      Tree parent = parentPath.getLeaf();
      Tree leaf = path.getLeaf();
      if (parent instanceof MemberSelectTree select && select.getExpression() == leaf
          && parentPath.getParentPath() != null
          && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        calls.add(call);
        path = parentPath.getParentPath();
        continue;
      }
      if (parent instanceof VariableTree variable && variable.getInitializer() == leaf) {
        Symbol symbol = ASTHelpers.getSymbol(variable);
        List<TreePath> reads = symbol == null ? List.of() : index.reads(symbol);
        if (symbol == null || symbol.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
            || reads.isEmpty() || index.onlyValue(symbol) != leaf) {
          out.add(new Downstream(calls, EndKind.ELSEWHERE, parentPath));
          return;
        }
        for (TreePath read : reads) {
          follow(read, new ArrayList<>(calls), out, steps);
        }
        return;
      }
      if (parent instanceof ReturnTree) {
        TreePath owner = enclosingCallable(parentPath);
        if (owner != null && owner.getLeaf() instanceof LambdaExpressionTree) {
          out.add(lambdaResult(calls, owner, parentPath));
        } else {
          out.add(new Downstream(calls, EndKind.RETURNED, parentPath));
        }
        return;
      }
      if (parent instanceof LambdaExpressionTree lambda && lambda.getBody() == leaf) {
        out.add(lambdaResult(calls, parentPath, path));
        return;
      }
      if (parent instanceof MethodInvocationTree call && call.getArguments().contains(leaf)) {
        out.add(new Downstream(calls,
            isReactiveOperator(call) ? EndKind.PASSED_TO_OPERATOR : EndKind.ELSEWHERE, parentPath));
        return;
      }
      // A statement (subscribed, or dropped), or stored, or part of a larger expression.
      EndKind kind = parent instanceof ExpressionStatementTree ? EndKind.SUBSCRIBED_OR_DROPPED : EndKind.ELSEWHERE;
      out.add(new Downstream(calls, kind, parentPath));
      return;
    }
    out.add(new Downstream(calls, EndKind.ELSEWHERE, path));
  }

  /** Whether the chain ends in a subscribe-and-wait ({@code block()}, {@code blockingGet()}, {@code await().indefinitely()}). */
  private boolean waitsOnThisThread(Downstream path) {
    BlockingCallClassifier classifier = BlockingCallClassifier.of(catalog, state);
    for (MethodInvocationTree call : path.calls()) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (receiver == null) {
        continue;
      }
      Type receiverType = ASTHelpers.getType(receiver);
      boolean reactive = isColdPublisher(receiverType)
          || (receiverType != null && receiverType.tsym.getQualifiedName().toString().startsWith("io.smallrye.mutiny.groups."));
      if (reactive && classifier.classify(call, state)
          .filter(c -> c.category() == dev.asynclint.core.Category.WAIT).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** A chain returned from a lambda: when the lambda feeds an operator (flatMap), that operator subscribes it. */
  private Downstream lambdaResult(List<MethodInvocationTree> calls, TreePath lambdaPath, TreePath end) {
    TreePath parent = lambdaPath.getParentPath();
    while (parent != null && (parent.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
        || parent.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
      parent = parent.getParentPath();
    }
    if (parent != null && parent.getLeaf() instanceof MethodInvocationTree call
        && isReactiveOperator(call)) {
      return new Downstream(calls, EndKind.RETURNED_TO_OPERATOR, parent);
    }
    return new Downstream(calls, EndKind.ELSEWHERE, end);
  }

  private boolean isReactiveOperator(MethodInvocationTree call) {
    MethodSymbol symbol = ASTHelpers.getSymbol(call);
    if (symbol == null) {
      return false;
    }
    Type receiver = BlockingCallClassifier.receiverType(call, symbol);
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.CALLBACK)) {
      if (FRAMEWORKS.contains(entry.framework())
          && CatalogLookup.matches(entry.method(), symbol, receiver, state)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------- schedulers

  private boolean isTask(MethodInvocationTree call, MethodSymbol callee) {
    Type receiver = BlockingCallClassifier.receiverType(call, callee);
    for (SchedulerShift shift : catalog.schedulerShifts()) {
      if (shift.direction() == SchedulerShift.Direction.TASK
          && CatalogLookup.matches(shift.method(), callee, receiver, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A task given straight to a scheduler or its worker runs on that scheduler's threads: fine on
   * a blocking-friendly one, a finding on a non-blocking one, inline for {@code immediate()}. An
   * unknown scheduler's threads are not the caller's, so the task is not judged.
   */
  private Placement placeTask(TreePath taskPath, MethodInvocationTree call, MethodSymbol callee, String framework) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    ExpressionTree value = receiver == null ? null : valueOf(receiver, 0);
    if (value instanceof MethodInvocationTree make
        && ASTHelpers.getSymbol(make) instanceof MethodSymbol maker
        && maker.getSimpleName().contentEquals("createWorker")) {
      receiver = ASTHelpers.getReceiver(make);
      value = receiver == null ? null : valueOf(receiver, 0);
    }
    KnownScheduler known = value == null ? null : scheduler(value, 0);
    if (known == null || known.threads() == KnownScheduler.Threads.BLOCKING_OK) {
      return Placement.OFF;
    }
    String where = "inside the task given to `" + callee.getSimpleName() + "` of `"
        + BlockingCallClassifier.shown(value, state) + "`";
    if (known.threads() == KnownScheduler.Threads.NON_BLOCKING) {
      return Placement.on(new EventLoopContext(framework, where + ", " + known.description(), Confidence.DEFINITE));
    }
    EventLoopContext here = enclosing.apply(taskPath);
    return here == null ? Placement.OFF : Placement.on(new EventLoopContext(framework,
        where + ", which runs it on the calling thread: " + here.reason(), here.confidence()));
  }

  /** A shift operator in the chain and what we know of its scheduler (threads null: unknown). */
  private record SchedulerUse(SchedulerShift.Direction direction, String shiftName, String shown,
      KnownScheduler.@Nullable Threads threads, String description, boolean implicit) {}

  private @Nullable SchedulerUse shiftOf(MethodInvocationTree call) {
    MethodSymbol symbol = ASTHelpers.getSymbol(call);
    if (symbol == null) {
      return null;
    }
    Type receiver = BlockingCallClassifier.receiverType(call, symbol);
    for (SchedulerShift shift : catalog.schedulerShifts()) {
      if (shift.implicit() != null && CatalogLookup.matches(shift.method(), symbol, receiver, state)) {
        KnownScheduler known = implicitScheduler(shift);
        // A source that emits on threads of its own (a WebClient response) names itself.
        String shown = shift.implicit().owner().equals(shift.method().owner())
            ? "the thread `" + symbol.getSimpleName() + "` emits on"
            : "`" + EventLoopContext.simpleName(shift.implicit().owner()) + "."
                + shift.implicit().names().iterator().next() + "()` (the default of `"
                + symbol.getSimpleName() + "`)";
        return new SchedulerUse(shift.direction(), symbol.getSimpleName().toString(), shown,
            known == null ? null : known.threads(), known == null ? "" : known.description(), true);
      }
      if (shift.implicit() == null && shift.argument() < call.getArguments().size()
          && CatalogLookup.matches(shift.method(), symbol, receiver, state)) {
        ExpressionTree argument = call.getArguments().get(shift.argument());
        String shown = "`" + BlockingCallClassifier.shown(argument, state) + "`";
        KnownScheduler known = scheduler(argument, 0);
        if (known == null) {
          return new SchedulerUse(shift.direction(), symbol.getSimpleName().toString(), shown, null, "", false);
        }
        ExpressionTree value = valueOf(argument, 0);
        if (value != null && value != ASTHelpers.stripParentheses(argument)) {
          shown += " (`" + BlockingCallClassifier.shown(value, state) + "`)";
        }
        return new SchedulerUse(shift.direction(), symbol.getSimpleName().toString(), shown,
            known.threads(), known.description(), false);
      }
    }
    return null;
  }

  private @Nullable KnownScheduler implicitScheduler(SchedulerShift shift) {
    for (KnownScheduler known : catalog.knownSchedulers()) {
      if (known.method().owner().equals(shift.implicit().owner())
          && shift.implicit().names().stream().allMatch(known.method()::matchesName)) {
        return known;
      }
    }
    return null;
  }

  /** The catalog's scheduler for an expression, following variables and fields to their value. */
  private @Nullable KnownScheduler scheduler(ExpressionTree expression, int steps) {
    ExpressionTree value = valueOf(expression, steps);
    if (value == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(value);
    if (!(symbol instanceof MethodSymbol method)) {
      return null;
    }
    Type receiver = BlockingCallClassifier.receiverType(value, method);
    for (KnownScheduler known : catalog.knownSchedulers()) {
      if (CatalogLookup.matches(known.method(), method, receiver, state)) {
        return known;
      }
    }
    return null;
  }

  /** The call or constructor an expression stands for, through variables assigned once. */
  private @Nullable ExpressionTree valueOf(ExpressionTree expression, int steps) {
    ExpressionTree current = ASTHelpers.stripParentheses(expression);
    for (int i = steps; i < MAX_STEPS; i++) {
      if (current instanceof MethodInvocationTree || current instanceof NewClassTree) {
        return current;
      }
      if (!(current instanceof IdentifierTree || current instanceof MemberSelectTree)) {
        return null;
      }
      ExpressionTree next = index.onlyValue(ASTHelpers.getSymbol(current));
      if (next == null) {
        return null;
      }
      current = ASTHelpers.stripParentheses(next);
    }
    return null;
  }

  // ------------------------------------------------------------------------------------- words

  /** "inside `map` of a `Flux`", "inside `onItem().transform` of a `Uni`". */
  private String describeOperator(MethodInvocationTree operator, @Nullable MethodSymbol callee, Upstream upstream) {
    String name = callee == null ? "?" : callee.getSimpleName().toString();
    ExpressionTree receiver = callee == null || callee.isStatic() ? null : ASTHelpers.getReceiver(operator);
    if (receiver instanceof MethodInvocationTree group && !isColdPublisher(ASTHelpers.getType(group))) {
      MethodSymbol groupSymbol = ASTHelpers.getSymbol(group);
      if (groupSymbol != null) {
        name = groupSymbol.getSimpleName() + "()." + name;
      }
    }
    Type publisher = upstream.publisher();
    if (publisher == null && callee != null && isColdPublisher(callee.getReturnType())) {
      publisher = callee.getReturnType();
    }
    if (publisher == null && callee != null) {
      publisher = callee.owner.type;
    }
    String type = publisher == null ? "publisher" : publisher.tsym.getSimpleName().toString();
    String article = type.isEmpty() || "AEIOaeio".indexOf(type.charAt(0)) < 0 ? "a" : "an";
    return "inside `" + name + "` of " + article + " `" + type + "`";
  }

  /** The library's own words for the two shifts. */
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

  private boolean isColdPublisher(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    for (AsyncResultType result : catalog.asyncResultTypes(AsyncResultType.Temperature.COLD)) {
      if (CatalogLookup.isSubtype(type, result.type(), state)) {
        return true;
      }
    }
    return false;
  }

  private static String methodName(TreePath callPath) {
    Symbol symbol = ASTHelpers.getSymbol(callPath.getLeaf());
    return symbol == null ? "the operator" : symbol.getSimpleName().toString();
  }

  private static @Nullable TreePath enclosingCallable(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof MethodTree) {
        return p;
      }
    }
    return null;
  }

  private static String enclosingMethodName(TreePath path) {
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    return method == null ? "its method" : method.getName().toString();
  }
}
