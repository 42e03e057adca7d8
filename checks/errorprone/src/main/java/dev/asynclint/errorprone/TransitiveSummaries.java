package dev.asynclint.errorprone;

import dev.asynclint.core.BlockingCall;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.util.Context;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.EventLoopContext;
import dev.asynclint.core.EventLoopEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Transitive summaries: for each method declared in the sources being compiled, whether it can
 * reach a blocking API (per category) and the shortest chain of calls to it ({@code
 * UserService.load → UserDao.find → PreparedStatement.executeQuery}).
 *
 * <p>Computed lazily when a call inside event-loop code needs one, memoised per javac run,
 * cycle-safe and bounded by {@code -XepOpt:AsyncLint:MaxDepth}. It relies on Error Prone's
 * {@code -XDcompilePolicy=simple}: every class of the compilation is attributed before any check
 * runs, so any source method's body can be read from its class's tree.
 *
 * <p>What counts as a call from a method: calls in its body, not in lambdas or classes declared
 * in it (those run whenever someone calls them, maybe on another thread). Static, private, final
 * and constructor calls resolve to their one target; a virtual call blocks when every
 * implementation of it in the compilation blocks (the declared method included when it has a
 * body). Methods annotated {@code @NonBlocking} are trusted, and methods that are event-loop code
 * themselves have no summary: their blocking calls are reported where they are.
 *
 * <p>Memoisation with cycles and the depth bound: a result that did not depend on a method still
 * being computed (a recursive call) is final; otherwise it is provisional and forgotten when that
 * method's computation ends. A result cut short by the depth bound remembers the depth it was
 * computed with and is reused only for searches that are no deeper.
 */
final class TransitiveSummaries {

  /**
   * How a method reaches a blocking API.
   *
   * @param chain the steps from the summarised method (first) to the blocking API (last)
   * @param depth how many of the project's own methods the chain goes through
   */
  record Reach(
      String kind, @Nullable Category category, List<String> chain, String reason,
      String alternative, int depth) {
    Reach prefixedBy(String step) {
      return new Reach(kind, category, prepend(step, chain), reason, alternative, depth + 1);
    }
  }

  /**
   * Something a method does itself, not a call, that a rule follows through calls just like a
   * blocking API: {@code NonYieldingLoopInEventLoop} registers "contains a loop that never
   * yields", so a handler that calls a method with such a loop is reported at the call, with the
   * chain. Register before compilation starts (from the check's constructor).
   */
  interface MethodProperty {
    /** What the method does ("spins until a flag is set"), or null when it does not have the property. */
    @Nullable String test(MethodTree method, VisitorState state);
  }

  private static final Map<String, MethodProperty> PROPERTIES =
      Collections.synchronizedMap(new java.util.LinkedHashMap<>());

  /** Adds a property under a rule id; summaries made after this follow it through calls. */
  static void registerProperty(String kind, MethodProperty property) {
    PROPERTIES.put(kind, property);
  }

  /** Why a call is not (or is) reported: the verdict of {@link #explain}, for tests and docs. */
  record Verdict(Map<String, Reach> reaches, String why) {}

  private static final PerCompilation<TransitiveSummaries> PER_COMPILATION = new PerCompilation<>();
  private static final int NONE = Integer.MAX_VALUE;

  private final Catalog catalog;
  private final int maxDepth;
  private final Enter enter;
  private final Symtab symtab;
  private final BlockingCallClassifier classifier;
  private final EventLoopContextResolver resolver;
  private final Map<String, MethodProperty> properties;

  private final Map<Symbol, Result> finals = new HashMap<>();
  private final Map<Symbol, Result> provisional = new HashMap<>();
  private final Map<Symbol, Integer> onStack = new HashMap<>();
  private final Map<ClassSymbol, Map<Symbol, JCTree>> declarations = new HashMap<>();
  private final Map<VarSymbol, Boolean> assignedOnce = new HashMap<>();
  private @Nullable List<ClassSymbol> sourceClasses;
  private final Map<Dispatch, Set<MethodSymbol>> implementations = new HashMap<>();

  private TransitiveSummaries(Catalog catalog, AsyncLintConfig config, Context context, BlockingCallClassifier classifier) {
    this.catalog = catalog;
    this.maxDepth = config.maxDepth();
    this.enter = Enter.instance(context);
    this.symtab = Symtab.instance(context);
    this.classifier = classifier; // the checks' own, so its verdicts are worked out once
    this.resolver = new EventLoopContextResolver(catalog, config);
    synchronized (PROPERTIES) {
      this.properties = Map.copyOf(PROPERTIES);
    }
  }

  static TransitiveSummaries of(VisitorState state, Catalog catalog, AsyncLintConfig config) {
    TransitiveSummaries known = PER_COMPILATION.ifLast(state.context);
    if (known == null) {
      known = PER_COMPILATION.get(state.context,
          context -> new TransitiveSummaries(catalog, config, context, BlockingCallClassifier.of(catalog, state)));
    }
    if (known.catalog != catalog) {
      known = new TransitiveSummaries(catalog, config, state.context, BlockingCallClassifier.of(catalog, state));
      PER_COMPILATION.put(state.context, known);
    }
    return known;
  }

  private @Nullable CompilationUnitTree contextUnit;
  private final Map<Tree, Optional<EventLoopContext>> contexts = new java.util.IdentityHashMap<>();
  private @Nullable Tree lastClassified;
  private Optional<BlockingCall> lastClassification = Optional.empty();

  /**
   * The event-loop context of a call, resolved once per enclosing lambda, method reference,
   * method or class: resolution walks outward from the call and stops at the first of those, so
   * every call directly inside it has the same answer. Calls to project methods are many, and
   * the three blocking checks ask about each of them.
   */
  synchronized @Nullable EventLoopContext contextOf(
      Tree tree, VisitorState state, java.util.function.Supplier<@Nullable EventLoopContext> resolve) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != contextUnit) {
      contexts.clear(); // keep only one file's answers in memory
      contextUnit = unit;
    }
    Tree callable = tree instanceof MemberReferenceTree ? tree : null;
    for (TreePath p = state.getPath().getParentPath(); callable == null && p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MemberReferenceTree
          || leaf instanceof com.sun.source.tree.MethodTree || leaf instanceof ClassTree) {
        callable = leaf;
      }
    }
    if (callable == null) {
      return resolve.get();
    }
    Optional<EventLoopContext> known = contexts.get(callable);
    if (known == null) {
      known = Optional.ofNullable(resolve.get());
      contexts.put(callable, known);
    }
    return known.orElse(null);
  }

  /**
   * The catalog's verdict on a call, worked out once for the three checks that visit it in turn
   * (and the loop check): Error Prone hands every check the same tree before it moves on.
   */
  synchronized Optional<BlockingCall> classified(Tree tree, VisitorState state) {
    if (tree != lastClassified) {
      lastClassified = null;
      lastClassification = classifier.classify(tree, state);
      lastClassified = tree;
    }
    return lastClassification;
  }

  private static final int UNKNOWN = -1;
  private int lastMayReach = UNKNOWN;
  private @Nullable Tree lastMayReachTree;

  /**
   * Cheap test before context resolution: can this call, constructor or method reference have a
   * summary at all (its target is declared in the compilation, or it calls a lambda in a field)?
   * Remembered for the last call: four checks ask in turn.
   */
  synchronized boolean mayReach(Tree call) {
    if (call != lastMayReachTree) {
      lastMayReachTree = null;
      lastMayReach = ASTHelpers.getSymbol(call) instanceof MethodSymbol method
          && (isSource(method.enclClass()) || lambdaField(call) != null) ? 1 : 0;
      lastMayReachTree = call;
    }
    return lastMayReach == 1;
  }

  /** The blocking call of {@code category} that {@code call} reaches through project methods. */
  synchronized Optional<BlockingCall> reach(Tree call, Category category, VisitorState state) {
    Reach reach = reachesOf(call, state).get(category.name());
    if (reach == null) {
      return Optional.empty();
    }
    return Optional.of(new BlockingCall(category, BlockingCallClassifier.shown(call, state),
        reach.reason(), reach.alternative(), reach.chain()));
  }

  /** The chain from {@code call} to a method with a registered {@link MethodProperty}. */
  synchronized Optional<Reach> reachProperty(Tree call, String kind, VisitorState state) {
    return Optional.ofNullable(reachesOf(call, state).get(kind));
  }

  /** What {@code call} reaches, and in words why (not), e.g. which implementation does not block. */
  synchronized Verdict explain(Tree call, VisitorState state) {
    StringBuilder why = new StringBuilder();
    Map<String, Reach> reaches = callResult(call, maxDepth, state, why).reaches;
    return new Verdict(reaches, why.toString());
  }

  /** Every blocking method of the compilation that other modules can call, for the summary file. */
  synchronized Map<MethodSymbol, Reach> exportedSummaries(VisitorState state) {
    Map<MethodSymbol, Reach> out = new java.util.LinkedHashMap<>();
    for (ClassSymbol owner : sourceClasses()) {
      if (owner.isAnonymous() || owner.isDirectlyOrIndirectlyLocal() || !visibleOutside(owner)) {
        continue;
      }
      for (Symbol member : declarations(owner).keySet()) {
        if (!(member instanceof MethodSymbol method) || method.isPrivate()
            || (method.flags() & Flags.SYNTHETIC) != 0) {
          continue;
        }
        Optional<BlockingCall> direct = classifier.classify(method, null, state);
        if (direct.isPresent()) {
          continue; // already in a catalog or annotated @Blocking: downstream sees it as such
        }
        compute(method, maxDepth, state).reaches.values().stream()
            .filter(reach -> reach.category() != null)
            .min(java.util.Comparator.comparingInt(Reach::depth))
            .ifPresent(reach -> out.put(method, reach));
      }
    }
    return out;
  }

  private static boolean visibleOutside(ClassSymbol owner) {
    for (Symbol s = owner; s instanceof ClassSymbol; s = s.owner) {
      if ((s.flags() & Flags.PRIVATE) != 0) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Reach> reachesOf(Tree call, VisitorState state) {
    // The three blocking checks and the loop check ask in turn about the same call. Asked from
    // a check, nothing is being summarised, so the answer is final.
    if (call != lastReached) {
      lastReached = null;
      lastReaches = callResult(call, maxDepth, state, null).reaches;
      lastReached = call;
    }
    return lastReaches;
  }

  private @Nullable Tree lastReached;
  private Map<String, Reach> lastReaches = Map.of();

  // ------------------------------------------------------------------------------ the search

  /** A method's (or a lambda field's) summary as far as {@code budget} project methods deep. */
  private static final class Result {
    static final Result CUT = new Result(Map.of(), true, NONE, 0);

    final Map<String, Reach> reaches;
    /** The depth bound stopped the search somewhere below. */
    final boolean truncated;
    /** The lowest stack position this result depended on (a recursive call), or NONE. */
    final int low;
    final int budget;

    Result(Map<String, Reach> reaches, boolean truncated, int low, int budget) {
      this.reaches = reaches;
      this.truncated = truncated;
      this.low = low;
      this.budget = budget;
    }

    boolean usableFor(int wanted) {
      return !truncated || budget >= wanted;
    }

    Result within(int wanted) {
      if (wanted >= budget) {
        return this;
      }
      Map<String, Reach> kept = new TreeMap<>();
      boolean cut = truncated;
      for (Map.Entry<String, Reach> e : reaches.entrySet()) {
        if (e.getValue().depth() <= wanted) {
          kept.put(e.getKey(), e.getValue());
        } else {
          cut = true;
        }
      }
      return new Result(kept, cut, low, wanted);
    }
  }

  private final class Accumulator {
    final Map<String, Reach> reaches = new TreeMap<>();
    boolean truncated;
    int low = NONE;

    void offer(Reach reach) {
      Reach known = reaches.get(reach.kind());
      if (known == null || reach.depth() < known.depth()) {
        reaches.put(reach.kind(), reach);
      }
    }

    void dependOn(Result result) {
      truncated |= result.truncated;
      low = Math.min(low, result.low);
    }

    Result result(int budget) {
      return new Result(reaches, truncated, low, budget);
    }
  }

  private Result compute(Symbol key, int budget, VisitorState state) {
    if (budget <= 0) {
      return Result.CUT;
    }
    Result done = finals.get(key);
    if (done != null && done.usableFor(budget)) {
      return done.within(budget);
    }
    Integer position = onStack.get(key);
    if (position != null) {
      return new Result(Map.of(), false, position, budget);
    }
    Result known = provisional.get(key);
    if (known != null && known.usableFor(budget)) {
      return known.within(budget);
    }
    int mine = onStack.size();
    onStack.put(key, mine);
    Result result;
    try {
      result = key instanceof VarSymbol field ? summariseField(field, budget, state)
          : summariseMethod((MethodSymbol) key, budget, state);
    } finally {
      onStack.remove(key);
    }
    // Results that leaned on methods still on the stack above us are now out of date.
    provisional.values().removeIf(r -> r.low >= mine);
    if (result.low >= mine) {
      finals.put(key, new Result(result.reaches, result.truncated, NONE, budget));
    } else {
      provisional.put(key, result);
    }
    return result;
  }

  private Result summariseMethod(MethodSymbol method, int budget, VisitorState state) {
    JCTree declaration = declaration(method);
    if (!(declaration instanceof JCMethodDecl tree) || tree.body == null
        || trustedNonBlocking(method, state) || isEventLoopCode(method, tree, state)) {
      return new Result(Map.of(), false, NONE, budget);
    }
    String step = step(method);
    Accumulator acc = new Accumulator();
    scanCalls(tree.body, budget, step, acc, state);
    for (Map.Entry<String, MethodProperty> property : properties.entrySet()) {
      String what = property.getValue().test(tree, state);
      if (what != null) {
        acc.offer(new Reach(property.getKey(), null, List.of(step), what, "", 1));
      }
    }
    return acc.result(budget);
  }

  private Result summariseField(VarSymbol field, int budget, VisitorState state) {
    JCTree declaration = declaration(field);
    Accumulator acc = new Accumulator();
    if (declaration instanceof JCVariableDecl variable && variable.init != null) {
      String step = field.owner.getSimpleName() + "." + field.getSimpleName();
      Tree init = unwrap(variable.init);
      if (init instanceof LambdaExpressionTree lambda) {
        scanCalls((JCTree) lambda.getBody(), budget, step, acc, state);
      } else if (init instanceof MemberReferenceTree reference) {
        callOf(reference, budget, step, acc, state);
      }
    }
    return acc.result(budget);
  }

  /** Every call in {@code body} outside nested lambdas and classes, offered with {@code step} first. */
  private void scanCalls(JCTree body, int budget, String step, Accumulator acc, VisitorState state) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        callOf(tree, budget, step, acc, state);
        return super.visitMethodInvocation(tree, unused);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        callOf(tree, budget, step, acc, state);
        scan(tree.getEnclosingExpression(), null);
        scan(tree.getArguments(), null);
        return null; // an anonymous class body runs when its methods are called
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(body, null);
  }

  /** One call made by a summarised method: a catalog API, or a project method to follow. */
  private void callOf(Tree call, int budget, String step, Accumulator acc, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return;
    }
    if (!(call instanceof MemberReferenceTree) && !classifier.cannotBlock(method)) {
      Type receiver = BlockingCallClassifier.receiverType(call, method);
      Optional<BlockingCall> direct = classifier.classify(method, receiver, state);
      if (direct.isPresent() && !classifier.looksNothingUp(call, method, receiver, state)) {
        acc.offer(catalogReach(direct.get(), method).prefixedBy(step));
        return;
      }
    }
    if (!(call instanceof MemberReferenceTree) && !isSource(method.enclClass()) && lambdaField(call) == null) {
      return; // a library method: only the catalog knows it, and it said no (even at the depth bound)
    }
    Result callee = callResult(call, budget - 1, state, null);
    acc.dependOn(callee);
    for (Reach reach : callee.reaches.values()) {
      acc.offer(reach.prefixedBy(step));
    }
  }

  /** What a call (or method reference) reaches through the project's code; its chain starts at the callee. */
  private Result callResult(Tree call, int budget, VisitorState state, @Nullable StringBuilder why) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return new Result(Map.of(), false, NONE, budget);
    }
    VarSymbol field = lambdaField(call);
    if (field != null && isSource(field.enclClass()) && assignedOnce(field)) {
      note(why, "calls the lambda in field " + field.getSimpleName());
      return compute(field, budget, state);
    }
    if (call instanceof MemberReferenceTree) {
      Optional<BlockingCall> direct = classifier.classify(method, null, state);
      if (direct.isPresent()) {
        Reach reach = catalogReach(direct.get(), method);
        return new Result(Map.of(reach.kind(), reach), false, NONE, budget);
      }
    }
    Type receiver = BlockingCallClassifier.receiverType(call, method);
    if (dispatchesDirectly(call, method)) {
      note(why, step(method) + " is called directly");
      return compute(method, budget, state);
    }
    return virtualCall(method, receiver, budget, state, why);
  }

  /**
   * A virtual call blocks when every implementation in the compilation it can dispatch to
   * blocks; the chain goes through the declared method and the implementation with the shortest
   * chain. Interfaces of lambdas are left alone: their implementations cannot all be seen.
   */
  private Result virtualCall(
      MethodSymbol method, @Nullable Type receiver, int budget, VisitorState state,
      @Nullable StringBuilder why) {
    Types types = state.getTypes();
    ClassSymbol owner = method.enclClass();
    if (!isSource(owner)) {
      note(why, step(method) + " is not declared in this compilation");
      return new Result(Map.of(), false, NONE, budget);
    }
    Type staticType = receiver == null ? owner.type : receiver;
    Dispatch dispatch = new Dispatch(method, staticType.tsym);
    Result done = why == null ? virtualFinals.get(dispatch) : null;
    if (done != null && done.usableFor(budget)) {
      // A popular interface method is called from many places; its implementations' summaries
      // are cached, but merging them again per call was most of the cost. (Only results that
      // passed the test below are cached.)
      return done.within(budget);
    }
    if (ASTHelpers.hasAnnotation(owner, "java.lang.FunctionalInterface", state)) {
      note(why, owner.getSimpleName() + " is meant for lambdas, whose bodies we cannot all see");
      return new Result(Map.of(), false, NONE, budget);
    }
    Set<MethodSymbol> implementations = this.implementations.computeIfAbsent(
        dispatch, d -> implementationsOf(d, types));
    if (implementations.isEmpty()) {
      note(why, "no implementation of " + step(method) + " in this compilation");
      return new Result(Map.of(), false, NONE, budget);
    }
    Accumulator acc = new Accumulator();
    Map<String, Reach> shortest = null;
    for (MethodSymbol implementation : implementations) {
      Result result = compute(implementation, budget, state);
      acc.dependOn(result);
      if (shortest == null) {
        shortest = new TreeMap<>();
        shortest.putAll(result.reaches);
      } else {
        shortest.keySet().retainAll(result.reaches.keySet());
        for (Map.Entry<String, Reach> e : result.reaches.entrySet()) {
          shortest.computeIfPresent(e.getKey(),
              (c, known) -> e.getValue().depth() < known.depth() ? e.getValue() : known);
        }
      }
      if (why != null && result.reaches.isEmpty()) {
        note(why, "not every implementation of " + step(method) + " blocks: "
            + step(implementation) + " does not");
      }
    }
    note(why, implementations.size() + " implementation(s) of " + step(method) + " in this compilation");
    for (Reach reach : shortest.values()) {
      acc.offer(reach.chain().get(0).equals(step(method)) ? reach
          : new Reach(reach.kind(), reach.category(), prepend(step(method), reach.chain()),
              reach.reason(), reach.alternative(), reach.depth()));
    }
    Result result = acc.result(budget);
    if (result.low == NONE) {
      virtualFinals.put(dispatch, result); // leans on nothing still on the stack: final
    }
    return result;
  }

  /** Merged results of virtual calls that depend on no method still being summarised. */
  private final Map<Dispatch, Result> virtualFinals = new HashMap<>();

  /** A virtual call: the method named, on a receiver of this static type. */
  private static final class Dispatch extends SymbolPair<MethodSymbol, Symbol.TypeSymbol> {
    Dispatch(MethodSymbol method, Symbol.TypeSymbol staticType) {
      super(method, staticType);
    }

    MethodSymbol method() {
      return first;
    }

    Symbol.TypeSymbol staticType() {
      return second;
    }
  }

  private Set<MethodSymbol> implementationsOf(Dispatch dispatch, Types types) {
    Set<MethodSymbol> out = new LinkedHashSet<>();
    for (ClassSymbol candidate : concreteSubclassesOf(dispatch.staticType(), types)) {
      MethodSymbol implementation = dispatch.method().implementation(candidate, types, true);
      if (implementation != null && (implementation.flags() & Flags.ABSTRACT) == 0) {
        out.add(implementation);
      }
    }
    return out;
  }

  private List<ClassSymbol> concreteSubclassesOf(Symbol.TypeSymbol type, Types types) {
    if (concreteBySupertype == null) {
      // One pass over the compilation's classes instead of one per virtual call's static type.
      Map<Symbol.TypeSymbol, List<ClassSymbol>> index = new HashMap<>();
      for (ClassSymbol candidate : sourceClasses()) {
        if (candidate.isInterface() || (candidate.flags() & Flags.ABSTRACT) != 0) {
          continue;
        }
        index.computeIfAbsent(candidate, t -> new ArrayList<>()).add(candidate);
        for (Type supertype : types.closure(candidate.type)) {
          if (supertype.tsym != candidate) {
            index.computeIfAbsent(supertype.tsym, t -> new ArrayList<>()).add(candidate);
          }
        }
      }
      concreteBySupertype = index;
    }
    return concreteBySupertype.getOrDefault(type, List.of());
  }

  private @Nullable Map<Symbol.TypeSymbol, List<ClassSymbol>> concreteBySupertype;

  private static List<String> prepend(String step, List<String> chain) {
    List<String> out = new ArrayList<>(chain.size() + 1);
    out.add(step);
    out.addAll(chain);
    return List.copyOf(out);
  }

  private static void note(@Nullable StringBuilder why, String text) {
    if (why != null) {
      why.append(why.isEmpty() ? "" : "; ").append(text);
    }
  }

  private static boolean dispatchesDirectly(Tree call, MethodSymbol method) {
    if (method.isStatic() || method.isPrivate() || method.isConstructor()
        || (method.flags() & Flags.FINAL) != 0
        || (method.enclClass().flags() & Flags.FINAL) != 0
        || method.enclClass().isAnonymous()) {
      return true;
    }
    if (call instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree id
        && id.getName().contentEquals("super")) {
      return true;
    }
    return false;
  }

  /**
   * A catalog hit as the end of a chain. Summaries written by an upstream module read {@code
   * reaches A.b → C.d, which <reason>}; their chain is spliced in so it reads as one.
   */
  static Reach catalogReach(BlockingCall call, MethodSymbol method) {
    String reason = call.reason();
    List<String> chain = new ArrayList<>();
    chain.add(step(method));
    if (reason.startsWith(SummaryFile.REACHES) && reason.contains(SummaryFile.WHICH)) {
      int which = reason.indexOf(SummaryFile.WHICH);
      for (String s : reason.substring(SummaryFile.REACHES.length(), which).split(" → ")) {
        if (!s.isBlank()) {
          chain.add(s.strip());
        }
      }
      reason = reason.substring(which + SummaryFile.WHICH.length());
    }
    return new Reach(call.category().name(), call.category(), List.copyOf(chain), reason,
        call.alternative(), 0);
  }

  /**
   * A direct call of a method an upstream module summarised: its chain, spliced out of the
   * reason, so the message reads "reaches Repository.find → PreparedStatement.executeQuery".
   */
  static BlockingCall spliced(BlockingCall call, Tree tree) {
    if (!call.chain().isEmpty() || !call.reason().startsWith(SummaryFile.REACHES)
        || !(ASTHelpers.getSymbol(tree) instanceof MethodSymbol method)) {
      return call;
    }
    Reach reach = catalogReach(call, method);
    return new BlockingCall(call.category(), call.shown(), reach.reason(), reach.alternative(), reach.chain());
  }

  static String step(MethodSymbol method) {
    String owner = method.enclClass().getSimpleName().toString();
    if (owner.isEmpty()) {
      ClassSymbol anonymous = method.enclClass();
      Type named = anonymous.getInterfaces().isEmpty() ? anonymous.getSuperclass()
          : anonymous.getInterfaces().head;
      owner = "(anonymous " + named.tsym.getSimpleName() + ")";
    }
    return method.isConstructor() ? "new " + owner : owner + "." + method.getSimpleName();
  }

  // ------------------------------------------------------------------- facts about the code

  private boolean isSource(@Nullable ClassSymbol owner) {
    return owner != null && enter.getEnv(owner) != null;
  }

  /** Members declared directly in a source class, by symbol. */
  private Map<Symbol, JCTree> declarations(ClassSymbol owner) {
    return declarations.computeIfAbsent(owner, c -> {
      Env<AttrContext> env = enter.getEnv(c);
      Map<Symbol, JCTree> out = new java.util.LinkedHashMap<>();
      if (env != null && env.tree instanceof JCClassDecl decl) {
        for (JCTree def : decl.defs) {
          if (def instanceof JCMethodDecl m && m.sym != null) {
            out.put(m.sym, m);
          } else if (def instanceof JCVariableDecl v && v.sym != null) {
            out.put(v.sym, v);
          }
        }
      }
      return out;
    });
  }

  /** The declaration of a member of a source class, from an index built once per class; else null. */
  synchronized @Nullable JCTree declaration(Symbol symbol) {
    ClassSymbol owner = symbol.enclClass();
    return isSource(owner) ? declarations(owner).get(symbol) : null;
  }

  /** Classes declared in the sources being compiled (those javac entered from source). */
  private List<ClassSymbol> sourceClasses() {
    if (sourceClasses == null) {
      List<ClassSymbol> out = new ArrayList<>();
      for (ClassSymbol c : symtab.getAllClasses()) {
        if (enter.getEnv(c) != null) {
          out.add(c);
        }
      }
      // Sorted, so that among equally short chains the same one is shown every time.
      out.sort(java.util.Comparator.comparing(c -> c.flatName().toString()));
      sourceClasses = out;
    }
    return sourceClasses;
  }

  private boolean trustedNonBlocking(MethodSymbol method, VisitorState state) {
    if (method.getRawAttributes().isEmpty()) {
      return false; // a method's own annotations only: none, so none of these
    }
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.ANNOTATION)) {
      if (ASTHelpers.hasAnnotation(method, entry.method().owner(), state)) {
        return true;
      }
    }
    return false;
  }

  /** Handler overrides and the like: their own blocking calls are reported where they are. */
  private boolean isEventLoopCode(MethodSymbol method, JCMethodDecl tree, VisitorState state) {
    ClassSymbol owner = method.enclClass();
    if (owner.isAnonymous()) {
      return false; // judged by where the anonymous class is passed, which needs its real path
    }
    Env<AttrContext> env = enter.getEnv(owner);
    if (env == null || env.toplevel == null) {
      return false;
    }
    TreePath path = new TreePath(new TreePath(new TreePath(env.toplevel), env.tree), tree);
    return resolver.resolve(new TreePath(path, tree.body), state) != null;
  }

  /** The field a call's receiver reads when the call invokes a lambda stored there. */
  private static @Nullable VarSymbol lambdaField(Tree call) {
    if (!(call instanceof MethodInvocationTree invocation)) {
      return null;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
    if (receiver == null || !(ASTHelpers.getSymbol(receiver) instanceof VarSymbol field)
        || field.getKind() != javax.lang.model.element.ElementKind.FIELD) {
      return null;
    }
    MethodSymbol method = (MethodSymbol) ASTHelpers.getSymbol(invocation);
    ClassSymbol iface = method.enclClass();
    return iface.isInterface() && (method.flags() & Flags.ABSTRACT) != 0 ? field : null;
  }

  /** A final field, or a private one its class never assigns outside the initializer. */
  private boolean assignedOnce(VarSymbol field) {
    if ((field.flags() & Flags.FINAL) != 0) {
      return true;
    }
    if ((field.flags() & Flags.PRIVATE) == 0) {
      return false;
    }
    return assignedOnce.computeIfAbsent(field, f -> {
      ClassSymbol outermost = f.enclClass().outermostClass();
      Env<AttrContext> env = enter.getEnv(outermost);
      if (env == null) {
        return false;
      }
      boolean[] reassigned = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          check(tree.getVariable());
          return super.visitAssignment(tree, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
          check(tree.getVariable());
          return super.visitCompoundAssignment(tree, unused);
        }

        @Override
        public Void visitUnary(UnaryTree tree, Void unused) {
          check(tree.getExpression());
          return super.visitUnary(tree, unused);
        }

        private void check(ExpressionTree target) {
          if (ASTHelpers.getSymbol(target) == f) {
            reassigned[0] = true;
          }
        }
      }.scan(env.tree, null);
      return !reassigned[0];
    });
  }

  private static Tree unwrap(Tree tree) {
    Tree current = tree;
    while (current.getKind() == Tree.Kind.PARENTHESIZED || current.getKind() == Tree.Kind.TYPE_CAST) {
      current = current instanceof com.sun.source.tree.ParenthesizedTree p ? p.getExpression()
          : ((com.sun.source.tree.TypeCastTree) current).getExpression();
    }
    return current;
  }
}
