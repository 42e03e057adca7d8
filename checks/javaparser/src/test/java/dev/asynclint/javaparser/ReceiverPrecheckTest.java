package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.BlockingApi;
import dev.asynclint.core.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks made before the symbol solver resolves a call (the receiver's class against the
 * catalog owners; a dropped call's type from its receiver's methods) must agree with resolving it:
 * the same calls typed both ways.
 */
class ReceiverPrecheckTest {
  private static final String SAMPLE = String.join("\n",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import java.nio.file.*;",
      "class Sample {",
      "  Map<String, Integer> map = new HashMap<>();",
      "  BlockingQueue<String> queue = new LinkedBlockingQueue<>();",
      "  LinkedBlockingQueue<String> concrete = new LinkedBlockingQueue<>();",
      "  Future<String> future;",
      "  CompletableFuture<String> completable;",
      "  ExecutorService executor;",
      "  Runnable task;",
      "  List<String> list = new ArrayList<>();",
      "  void run(Path path, Callable<String> work) throws Exception {",
      "    map.put(\"a\", 1);",
      "    map.get(\"a\");",
      "    queue.put(\"x\");",
      "    concrete.put(\"y\");",
      "    queue.offer(\"z\");",
      "    list.get(0);",
      "    future.get();",
      "    completable.join();",
      "    completable.get(1, TimeUnit.SECONDS);",
      "    completable.thenApply(s -> s.length());",
      "    executor.submit(work);",
      "    executor.submit(() -> task.run());",
      "    task.wait();",
      "    this.queue.take();",
      "    Files.readAllBytes(path);",
      "    Thread.sleep(1);",
      "    Objects.requireNonNull(completable);",
      "    Objects.requireNonNull(path, \"path\");",
      "    var local = new LinkedBlockingQueue<String>();",
      "    local.take();",
      "    new ArrayList<String>(list).get(0);",
      "    map.keySet().iterator().next();",
      "    CompletableFuture.supplyAsync(() -> 1).thenAccept(i -> list.add(\"\" + i));",
      "  }",
      "}");

  private final Catalog catalog = Catalog.builtIn();
  private CompilationUnit unit;
  private TypeHierarchy types;
  private CatalogMatcher matcher;

  @BeforeEach
  void parse() {
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(FileAnalyzer.LANGUAGE_LEVEL)
        .setSymbolResolver(new JavaSymbolSolver(solver)));
    unit = parser.parse(SAMPLE).getResult().orElseThrow();
    types = new TypeHierarchy(solver);
    matcher = new CatalogMatcher(types);
  }

  private List<MethodCallExpr> calls() {
    return unit.findAll(MethodCallExpr.class);
  }

  @Test
  void everyCatalogMatchOfAResolvedCallPassesTheReceiverCheck() {
    CallResolver calls = new CallResolver();
    int checked = 0;
    for (MethodCallExpr call : calls()) {
      Optional<Callable> resolved = calls.resolve(call);
      Optional<ResolvedReferenceTypeDeclaration> receiver = calls.receiverClass(call);
      if (resolved.isEmpty() || receiver.isEmpty()) {
        continue;
      }
      for (BlockingApi api : catalog.blockingCandidates(call.getNameAsString())) {
        if (matcher.matches(api.method(), resolved.get())) {
          assertThat(matcher.mayMatchOwner(api.method(), receiver.get())).isTrue();
          checked++;
        }
      }
    }
    assertThat(checked).isAtLeast(6); // queue.put, concrete.put, future.get, completable.join/get, task.wait, take...
  }

  @Test
  void theClassifierFindsTheSameBlockingCallsWithAndWithoutTheReceiverCheck() {
    List<String> withCheck = blocking(new BlockingCallClassifier(catalog, matcher, new CallResolver(), null, Set.of()));
    CallResolver resolvingEverything = new CallResolver();
    List<String> reference = new ArrayList<>();
    for (MethodCallExpr call : calls()) {
      Optional<Callable> resolved = resolvingEverything.resolve(call);
      if (resolved.isPresent() && catalog.blockingCandidates(call.getNameAsString()).stream()
          .anyMatch(api -> matcher.matches(api.method(), resolved.get()))) {
        reference.add(call.toString());
      }
    }
    assertThat(withCheck).containsExactlyElementsIn(reference);
    assertThat(withCheck).contains("queue.put(\"x\")");
    assertThat(withCheck).contains("task.wait()");
    assertThat(withCheck).doesNotContain("map.put(\"a\", 1)");
  }

  @Test
  void aCallNoneOfWhoseOverloadsTheCatalogNamesIsNotResolved() {
    // queue.offer("z"): BlockingQueue's one-argument offer is not the catalog's timed offer.
    CallResolver byReceiver = new CallResolver(types);
    CallResolver full = new CallResolver();
    List<String> found = blocking(new BlockingCallClassifier(catalog, matcher, byReceiver, null, Set.of()));
    assertThat(found).containsExactlyElementsIn(blocking(new BlockingCallClassifier(catalog, matcher, full, null, Set.of())));
    assertThat(byReceiver.attempted()).isLessThan(full.attempted());
    MethodCallExpr offer = calls().stream().filter(c -> c.toString().equals("queue.offer(\"z\")")).findFirst().orElseThrow();
    assertThat(byReceiver.noCandidatePasses(offer, callable -> false)).isTrue();
    assertThat(byReceiver.noCandidatePasses(offer, callable -> callable.name().equals("offer"))).isFalse();
  }

  private List<String> blocking(BlockingCallClassifier classifier) {
    List<String> out = new ArrayList<>();
    for (MethodCallExpr call : calls()) {
      if (classifier.classify(call).isPresent()) {
        out.add(call.toString());
      }
    }
    return out;
  }

  @Test
  void theReceiverCheckSparesResolvingCallsOnUnrelatedClasses() {
    CallResolver calls = new CallResolver();
    BlockingCallClassifier classifier = new BlockingCallClassifier(catalog, matcher, calls, null, Set.of());
    for (MethodCallExpr call : calls()) {
      if (call.toString().startsWith("map.put") || call.toString().startsWith("list.get")) {
        assertThat(classifier.classify(call)).isEmpty();
      }
    }
    assertThat(calls.attempted()).isEqualTo(0); // neither was resolved
  }

  @Test
  void aDroppedCallIsAsyncTypedAsTheSolverTypesIt() {
    Predicate<ResolvedReferenceTypeDeclaration> hot = type -> catalog.asyncResultTypes(AsyncResultType.Temperature.HOT)
        .stream().anyMatch(entry -> types.isSubtype(type, entry.type()));
    ExpressionTypes cheap = new ExpressionTypes(new CallResolver());
    ExpressionTypes full = new ExpressionTypes(new CallResolver());
    int async = 0;
    for (ExpressionStmt statement : unit.findAll(ExpressionStmt.class)) {
      Expression expression = statement.getExpression();
      if (!(expression instanceof MethodCallExpr)) {
        continue;
      }
      boolean byReceiver = cheap.asyncTypeOf(expression, types, hot).flatMap(ExpressionTypes::declaration)
          .map(hot::test).orElse(false);
      Optional<ResolvedType> typed = full.typeOf(expression);
      boolean bySolver = typed.flatMap(ExpressionTypes::declaration).map(hot::test).orElse(false);
      assertWithMessage(expression.toString()).that(byReceiver).isEqualTo(bySolver);
      async += bySolver ? 1 : 0;
    }
    assertThat(async).isAtLeast(3); // thenApply, the submits, supplyAsync...thenAccept
  }

  @Test
  void aCallResolvedByItsReceiverIsTheMethodTheSolverPicks() {
    CallResolver byReceiver = new CallResolver(types);
    CallResolver full = new CallResolver();
    int compared = 0;
    for (MethodCallExpr call : calls()) {
      Optional<Callable> quick = byReceiver.resolveByReceiver(call);
      Optional<Callable> solved = full.resolve(call);
      assertWithMessage(call.toString()).that(quick.isPresent()).isEqualTo(solved.isPresent());
      if (quick.isPresent()) {
        // the words a summary keeps; the declaration may be read from source or from a class file
        assertWithMessage(call.toString()).that(method(quick.get())).isEqualTo(method(solved.get()));
        // The receiver's type too, where the solver knows it: `s` in `s -> s.length()` (thenApply
        // on a CompletableFuture<String>) it cannot type, javac and the receiver typing say String.
        if (solved.get().receiverType().get().isPresent() || !call.toString().equals("s.length()")) {
          assertWithMessage(call.toString()).that(words(quick.get())).isEqualTo(words(solved.get()));
        } else {
          assertThat(quick.get().receiverType().get()).hasValue("java.lang.String");
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(calls().size());
    assertThat(byReceiver.attempted()).isEqualTo(calls().size());
  }

  @Test
  void anOverloadedNameIsLeftToTheSolverAndACallCountsOnce() {
    CallResolver calls = new CallResolver(types);
    MethodCallExpr submit = calls().stream().filter(c -> c.toString().equals("executor.submit(work)")).findFirst().orElseThrow();
    MethodCallExpr take = calls().stream().filter(c -> c.toString().equals("this.queue.take()")).findFirst().orElseThrow();

    assertThat(calls.resolveByReceiver(submit).map(Callable::erasedParams).orElseThrow())
        .containsExactly("java.util.concurrent.Callable"); // submit(Callable) or submit(Runnable): the solver chose
    assertThat(calls.resolveByReceiver(take)).isPresent();
    calls.resolve(take); // a rule that needs the solver's own answer still gets it
    assertThat(calls.attempted()).isEqualTo(2);
    assertThat(calls.unresolved()).isEqualTo(0);
  }

  @Test
  void unqualifiedAndStaticCallsAreResolvedByTheClassTheyName() {
    // helper(1) in the top-level class is its one helper, and helper(5) in the inner class too:
    // the innermost class with a method of that name is the one. max is statically imported
    // (no enclosing class has one): the solver decides, as for the overloaded log.
    // Integer.parseInt names a class, unless a variable called Integer shadows it. Either way
    // the answer is the solver's.
    String text = String.join("\n",
        "import static java.lang.Math.max;",
        "class Outer {",
        "  void helper(int n) {}",
        "  void log(String s) {}",
        "  void log(int n) {}",
        "  void run() {",
        "    helper(1);",
        "    log(2);",
        "    Runnable later = new Runnable() { public void run() { helper(3); } };",
        "    Runnable lambda = () -> helper(4);",
        "    Integer.parseInt(\"5\");",
        "    java.util.Objects.requireNonNull(this);",
        "  }",
        "  int shadowed(String Integer) { return Integer.length(); }",
        "  class Inner { void go() { helper(5); own(); this.own(); max(1, 2); } void own() {} }",
        "  static class Nested { void go() { max(3, 4); } }",
        "}");
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    CompilationUnit outer = parse(text, solver);
    CallResolver byReceiver = new CallResolver(new TypeHierarchy(solver));
    CallResolver full = new CallResolver();
    List<MethodCallExpr> calls = outer.findAll(MethodCallExpr.class);
    assertThat(calls).hasSize(12);
    for (MethodCallExpr call : calls) {
      assertWithMessage(call.toString()).that(byReceiver.resolveByReceiver(call).map(ReceiverPrecheckTest::words))
          .isEqualTo(full.resolve(call).map(ReceiverPrecheckTest::words));
    }
  }

  @Test
  void aReceiverHasTheTypeOfTheDeclarationItNamesWhateverShadowsIt() {
    // Each receiver name is also a field of another type: the loop, catch, resource, lambda and
    // pattern variables, the parameter and the local are what the calls use.
    String text = String.join("\n",
        "import java.util.*;",
        "import java.util.concurrent.*;",
        "import java.io.*;",
        "class Shadows {",
        "  Map<String, String> item, e, in, q, p, local, self;",
        "  BlockingQueue<String> self2;",
        "  void run(List<BlockingQueue<String>> queues, Object o, StringBuilder p) throws Exception {",
        "    for (BlockingQueue<String> item : queues) { item.take(); }",
        "    for (Iterator<BlockingQueue<String>> item = queues.iterator(); item.hasNext();) { item.next(); }",
        "    try { o.wait(); } catch (InterruptedException e) { e.printStackTrace(); }",
        "    try (Reader in = new StringReader(\"x\")) { in.read(); }",
        "    if (o instanceof Deque<?> q) { q.pollFirst(); }",
        "    p.append(1);",
        "    StringBuilder local = new StringBuilder();",
        "    local.append(2);",
        "    queues.forEach(self -> self.poll());",
        "    CompletableFuture<StringBuilder> later = new CompletableFuture<>();",
        "    later.thenAccept(built -> built.reverse());",
        "    later.whenComplete((done, failure) -> failure.getCause());",
        "    Map<String, Deque<Integer>> byName = new HashMap<>();",
        "    byName.computeIfAbsent(\"k\", key -> new ArrayDeque<>()).push(1);",
        "    byName.forEach((key, values) -> values.peekFirst());",
        "    item.get(\"k\");",
        "    this.self2.offer(\"x\");",
        "  }",
        "}");
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    CompilationUnit shadows = parse(text, solver);
    // javac's types. The solver itself gets `item.get` wrong: it still sees the second loop's
    // variable after that loop, and types the lambda parameter `self` as `? super
    // BlockingQueue<String>`, no class, where javac takes the wildcard's bound.
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("item.take()", "java.util.concurrent.BlockingQueue");
    expected.put("queues.iterator()", "java.util.List");
    expected.put("item.hasNext()", "java.util.Iterator");
    expected.put("item.next()", "java.util.Iterator");
    expected.put("o.wait()", "java.lang.Object");
    expected.put("e.printStackTrace()", "java.lang.InterruptedException");
    expected.put("in.read()", "java.io.Reader");
    expected.put("q.pollFirst()", "java.util.Deque");
    expected.put("p.append(1)", "java.lang.StringBuilder");
    expected.put("local.append(2)", "java.lang.StringBuilder");
    expected.put("queues.forEach(self -> self.poll())", "java.util.List");
    expected.put("item.get(\"k\")", "java.util.Map");
    expected.put("later.thenAccept(built -> built.reverse())", "java.util.concurrent.CompletableFuture");
    expected.put("built.reverse()", "java.lang.StringBuilder");
    expected.put("later.whenComplete((done, failure) -> failure.getCause())", "java.util.concurrent.CompletableFuture");
    expected.put("failure.getCause()", "java.lang.Throwable");
    expected.put("byName.computeIfAbsent(\"k\", key -> new ArrayDeque<>())", "java.util.Map");
    expected.put("byName.computeIfAbsent(\"k\", key -> new ArrayDeque<>()).push(1)", "java.util.Deque");
    expected.put("byName.forEach((key, values) -> values.peekFirst())", "java.util.Map");
    expected.put("values.peekFirst()", "java.util.Deque");
    expected.put("self.poll()", "java.util.concurrent.BlockingQueue");
    expected.put("this.self2.offer(\"x\")", "java.util.concurrent.BlockingQueue");
    CallResolver calls = new CallResolver(new TypeHierarchy(solver));
    java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
    for (MethodCallExpr call : shadows.findAll(MethodCallExpr.class)) {
      calls.receiverClass(call).ifPresent(type -> found.put(call.toString(), TypeHierarchy.name(type)));
    }
    assertThat(found).containsExactlyEntriesIn(expected);
  }

  @Test
  void aClassTheSolverCannotReadLeavesTheCallToTheSolverWithoutThrowing() {
    // `Missing` is on no classpath: the anonymous class around helper(1) cannot be typed.
    String text = String.join("\n",
        "class Outer {",
        "  void helper(int n) {}",
        "  Object run() { return new Missing() { public void go() { helper(1); this.go(); } }; }",
        "}");
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    CompilationUnit outer = parse(text, solver);
    CallResolver byReceiver = new CallResolver(new TypeHierarchy(solver));
    CallResolver full = new CallResolver();
    for (MethodCallExpr call : outer.findAll(MethodCallExpr.class)) {
      assertWithMessage(call.toString()).that(byReceiver.resolveByReceiver(call).map(ReceiverPrecheckTest::words))
          .isEqualTo(full.resolve(call).map(ReceiverPrecheckTest::words));
    }
  }

  @Test
  void anOverloadRuledOutByAnArgumentOfAKnownUnrelatedClassIsNotConsidered() {
    String text = String.join("\n",
        "import java.util.*;",
        "class Orphan extends MissingFromTheClasspath {}",
        "class Args {",
        "  void fail(String message) {}",
        "  void fail(Throwable cause) {}",
        "  void count(int n) {}",
        "  void count(List<String> names) {}",
        "  <T> void any(T value) {}",
        "  void any(String value) {}",
        "  void all(String... values) {}",
        "  void all(Throwable cause) {}",
        "  void run(Throwable cause, ArrayList<String> names, Object unknown, Integer boxed, Orphan orphan) {",
        "    fail(cause);",
        "    fail(\"text\");",
        "    fail(new IllegalStateException());",
        "    fail((Throwable) unknown);",
        "    count(names);",
        "    count(boxed);",
        "    fail(unknown.toString());",
        "    fail(null);",
        "    fail(orphan);",
        "    any(cause);",
        "    all(cause);",
        "  }",
        "}");
    Parsed parsed = parsedWithTypes(text);
    CompilationUnit args = parsed.unit();
    TypeHierarchy hierarchy = parsed.types();
    ResolvedReferenceTypeDeclaration owner = args.getClassByName("Args").orElseThrow().resolve();
    // Decided by an argument: a variable's declared type, a literal, new, a cast, an Integer that
    // can only unbox (not become a List), and a Throwable that only a type variable can take.
    Set<String> decided = Set.of("fail(cause)", "fail(\"text\")", "fail(new IllegalStateException())",
        "fail((Throwable) unknown)", "count(names)", "count(boxed)", "any(cause)");
    // Left to the solver: an argument typed only by the solver, null, a class whose supertypes
    // cannot all be read, a varargs position.
    for (MethodCallExpr call : args.findAll(MethodCallExpr.class, c -> c.getScope().isEmpty())) {
      var candidates = hierarchy.methods(owner, call.getNameAsString(), call.getArguments().size());
      assertWithMessage(call.toString()).that(candidates).hasSize(2);
      var kept = CallResolver.byArgumentTypes(call, candidates, hierarchy);
      if (decided.contains(call.toString())) {
        assertWithMessage(call.toString()).that(kept).hasSize(1);
        assertWithMessage(call.toString()).that(kept.get(0).getQualifiedSignature())
            .isEqualTo(call.resolve().getQualifiedSignature());
      } else {
        assertWithMessage(call.toString()).that(kept).hasSize(2);
      }
    }
    assertThat(hierarchy.knowsAllSupertypes(args.getClassByName("Orphan").orElseThrow().resolve())).isFalse();
    assertThat(hierarchy.knowsAllSupertypes(owner)).isTrue();
  }

  @Test
  void constructorsAndMethodReferencesWithOneCandidateAreTheOnesTheSolverPicks() {
    String text = String.join("\n",
        "import java.util.*;",
        "import java.util.concurrent.atomic.AtomicInteger;",
        "class Refs {",
        "  Refs(String name) {}",
        "  static int size(String s) { return s.length(); }",
        "  void run(List<String> names) {",
        "    new AtomicInteger(3);",
        "    new Refs(\"x\");",
        "    new ArrayList<String>(names);",
        "    new StringBuilder(\"y\");",
        "    names.stream().map(String::length);",
        "    names.stream().map(Refs::size);",
        "    names.forEach(System.out::println);",
        "    names.stream().map(String::valueOf);",
        "  }",
        "}");
    Parsed parsed = parsedWithTypes(text);
    CompilationUnit refs = parsed.unit();
    TypeHierarchy hierarchy = parsed.types();
    CallResolver quick = new CallResolver(hierarchy);
    CallResolver full = new CallResolver();
    List<com.github.javaparser.ast.Node> calls = new ArrayList<>();
    calls.addAll(refs.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class));
    calls.addAll(refs.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class));
    assertThat(calls).hasSize(8);
    for (com.github.javaparser.ast.Node call : calls) {
      assertWithMessage(call.toString()).that(quick.resolve(call).map(ReceiverPrecheckTest::method))
          .isEqualTo(full.resolve(call).map(ReceiverPrecheckTest::method));
    }
    assertThat(quick.unresolved()).isEqualTo(0);
    // Taken from the owner's methods of that name (the hierarchy's own list), not inferred.
    var length = refs.findFirst(com.github.javaparser.ast.expr.MethodReferenceExpr.class,
        r -> r.toString().equals("String::length")).orElseThrow();
    assertThat(quick.resolve(length).orElseThrow().declaration())
        .isSameInstanceAs(hierarchy.methodsNamed(hierarchy.solve("java.lang.String").orElseThrow(), "length").get(0));
  }

  @Test
  void aCovariantOverrideIsTheMethodOfTheReceiversTypeAsTheSolverPicksIt() {
    String text = String.join("\n",
        "interface Base { Object owner(); }",
        "interface Derived extends Base { String owner(); }",
        "interface Left { Object get(); }",
        "interface Right { String get(); }",
        "interface Both extends Left, Right {}",
        "class Use { void run(Derived d, Both b) { d.owner(); b.get(); } }");
    Parsed parsed = parsedWithTypes(text);
    CompilationUnit use = parsed.unit();
    TypeHierarchy hierarchy = parsed.types();
    var candidates = hierarchy.methods(use.getInterfaceByName("Derived").orElseThrow().resolve(), "owner", 0);
    assertThat(candidates).hasSize(2);
    CallResolver quick = new CallResolver(hierarchy);
    CallResolver full = new CallResolver();
    for (MethodCallExpr call : use.findAll(MethodCallExpr.class)) {
      assertWithMessage(call.toString()).that(quick.resolveByReceiver(call).map(ReceiverPrecheckTest::words))
          .isEqualTo(full.resolve(call).map(ReceiverPrecheckTest::words));
    }
    MethodCallExpr owner = use.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("owner")).orElseThrow();
    assertThat(quick.resolveByReceiver(owner).orElseThrow().declaringType()).isEqualTo("Derived");
    // Picked from the candidates (the hierarchy's own objects), not left to the solver.
    Object picked = quick.resolveByReceiver(owner).orElseThrow().declaration();
    assertThat(candidates.stream().anyMatch(candidate -> candidate == picked)).isTrue();
    // A method listed twice (a type both in the sources and in a jar) is one candidate.
    var derived = candidates.stream().filter(c -> c.declaringType().getName().equals("Derived")).findFirst().orElseThrow();
    assertThat(CallResolver.withoutOverridden(List.of(derived, derived), hierarchy)).hasSize(1);
  }

  @Test
  void castsNewStringsAndFieldsOfTypedVariablesAreTypedAsTheSolverTypesThem() {
    String text = String.join("\n",
        "import java.util.*;",
        "class Holder<T> {",
        "  List<String> items = new ArrayList<>();",
        "  T value;",
        "  static Map<String, Integer> SHARED = new HashMap<>();",
        "}",
        "class Use {",
        "  void run(Object o, Holder<StringBuilder> holder) {",
        "    ((List<String>) o).size();",
        "    new ArrayList<String>().size();",
        "    \"abc\".length();",
        "    holder.items.size();",
        "    holder.value.length();",
        "    Holder.SHARED.size();",
        "  }",
        "}");
    Parsed parsed = parsedWithTypes(text);
    CompilationUnit use = parsed.unit();
    TypeHierarchy hierarchy = parsed.types();
    List<MethodCallExpr> calls = use.findAll(MethodCallExpr.class);
    assertThat(calls).hasSize(6);
    for (MethodCallExpr call : calls) {
      assertWithMessage(call.toString()).that(ExpressionTypes.declaredReceiverType(call, hierarchy, 0).map(ResolvedType::describe))
          .hasValue(call.getScope().orElseThrow().calculateResolvedType().describe());
    }
  }

  @Test
  void superInNestedClassesIsTypedAsTheSolverTypesIt() {
    String text = String.join("\n",
        "import java.util.*;",
        "class Base<T> { protected List<String> names = new ArrayList<>(); }",
        "class Child extends Base<String> {",
        "  void run() { super.toString(); }",
        "  static class Nested extends Base<Integer> { void go() { super.hashCode(); } }",
        "  class Inner { void go() { super.toString(); } }",
        "  Runnable task = new Runnable() { public void run() { super.toString(); } };",
        "  void inherited() { names.size(); }",
        "}");
    Parsed parsed = parsedWithTypes(text);
    CompilationUnit child = parsed.unit();
    TypeHierarchy hierarchy = parsed.types();
    List<Integer> typedLines = List.of(4, 5, 6);
    for (MethodCallExpr call : child.findAll(MethodCallExpr.class)) {
      int line = call.getBegin().orElseThrow().line;
      Optional<String> declared = ExpressionTypes.declaredReceiverType(call, hierarchy, 0).map(ResolvedType::describe);
      if (typedLines.contains(line)) {
        assertWithMessage(call + " at " + line).that(declared).hasValue(call.getScope().orElseThrow().calculateResolvedType().describe());
      } else {
        // super in an anonymous class, and an inherited field (listing a class's fields with
        // their types cost more than the solver's typing of the one name): the solver's.
        assertWithMessage(call + " at " + line).that(declared).isEmpty();
      }
    }
  }

  /** A parsed source and a type hierarchy over the same solver (the JDK only). */
  private record Parsed(CompilationUnit unit, TypeHierarchy types) {}

  private static Parsed parsedWithTypes(String text) {
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    return new Parsed(parse(text, solver), new TypeHierarchy(solver));
  }

  private static CompilationUnit parse(String text, CombinedTypeSolver solver) {
    return new JavaParser(new ParserConfiguration().setLanguageLevel(FileAnalyzer.LANGUAGE_LEVEL)
        .setSymbolResolver(new JavaSymbolSolver(solver))).parse(text).getResult().orElseThrow();
  }

  private static String method(Callable callable) {
    return callable.name() + " " + callable.declaringType() + " " + callable.isStatic() + " " + callable.erasedParams();
  }

  private static String words(Callable callable) {
    return callable.name() + " " + callable.declaringType() + " " + callable.isStatic() + " " + callable.erasedParams()
        + " " + callable.receiverType().get();
  }
}
