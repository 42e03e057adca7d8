package dev.asynclint.javaparser;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import dev.asynclint.core.BlockingCall;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.EventLoopEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Transitive summaries over the scanned sources, as the Error Prone engine's
 * {@code TransitiveSummaries} computes them (docs/transitive-summaries.md): for a call inside
 * event-loop code to a method declared in the sources, whether it reaches a blocking API and the
 * shortest chain of calls to it ({@code UserService.loadUser → UserDao.find →
 * DriverManager.getConnection}).
 *
 * <p>Computed lazily, memoised per scanning thread (keyed by the method's qualified signature, so
 * a method is summarised once however many files call it), cycle-safe and bounded by
 * {@code --max-depth}. What counts as a call from a method: calls in its body, not in lambdas or
 * classes declared in it. Static, private, final and constructor calls have one target; a virtual
 * call blocks when every implementation in the sources blocks. {@code @NonBlocking} methods are
 * trusted, and methods that are event-loop code themselves have no summary: their blocking calls
 * are reported where they are. A call the solver cannot resolve reaches nothing: a miss, never a
 * false finding.
 */
final class TransitiveSummaries {
  /**
   * How a method reaches a blocking API (or a registered {@link MethodProperty}).
   *
   * @param kind a category name, or the id of the rule that registered a property
   * @param chain the steps from the summarised method (first) to the blocking API (last)
   * @param depth how many of the project's own methods the chain goes through
   */
  record Reach(String kind, Category category, List<String> chain, String reason, String alternative, int depth) {
    Reach prefixedBy(String step) {
      return new Reach(kind, category, prepend(step, chain), reason, alternative, depth + 1);
    }
  }

  /**
   * Something a method does itself, not a call, that a rule follows through calls like a blocking
   * API: a loop rule registers "contains a loop that never yields", and a handler that calls a
   * method with such a loop is then reported at the call, with the chain.
   */
  interface MethodProperty {
    /** What the method does ("spins until a flag is set"), or null when it does not have the property. */
    String test(CallableDeclaration<?> method);
  }

  private static final int NONE = Integer.MAX_VALUE;

  private final Catalog catalog;
  private final int maxDepth;
  private final ProjectTypes project;
  private final ParsedTrees trees;
  private final TypeHierarchy types;
  private final BlockingCallClassifier classifier;
  private final CallResolver calls;
  private final com.github.javaparser.resolution.SymbolResolver symbolResolver;
  private final Map<String, MethodProperty> properties;
  /** A type of the scanned sources by qualified name, even when the classpath has it too. */
  private final java.util.function.Function<String, Optional<ResolvedReferenceTypeDeclaration>> sourceType;
  /** Whether a qualified name may be a type of the scanned sources, by name alone (cheap). */
  private final Predicate<String> mayBeSourceType;
  private Predicate<CallableDeclaration<?>> eventLoopCode = m -> false;

  /** Final summaries hold only words, so every scanning thread shares them. */
  private final Map<String, Result> finals;
  private final Map<String, Result> provisional = new HashMap<>();
  private final Map<String, Integer> onStack = new HashMap<>();
  private final Map<Node, String> keys = new IdentityHashMap<>();
  private final Map<String, List<CallableDeclaration<?>>> implementations = new HashMap<>();

  /** The summaries the threads of one scan share. */
  static final class Shared {
    final Map<String, Result> finals = new java.util.concurrent.ConcurrentHashMap<>();
  }

  TransitiveSummaries(Catalog catalog, int maxDepth, ProjectTypes project, ParsedTrees trees, JavaParser parser,
      TypeHierarchy types,
      Set<String> blockingAnnotatedNames, Map<String, MethodProperty> properties, Shared shared,
      Predicate<String> mayBeSourceType,
      java.util.function.Function<String, Optional<ResolvedReferenceTypeDeclaration>> sourceType) {
    this.mayBeSourceType = mayBeSourceType;
    this.sourceType = sourceType;
    this.finals = shared.finals;
    this.catalog = catalog;
    this.maxDepth = maxDepth;
    this.project = project;
    this.trees = trees;
    this.symbolResolver = parser.getParserConfiguration().getSymbolResolver().orElseThrow();
    this.types = types;
    this.calls = new CallResolver(types);
    this.classifier = new BlockingCallClassifier(catalog, new CatalogMatcher(types), calls, null, blockingAnnotatedNames)
        .resolvingByReceiver();
    this.properties = Map.copyOf(properties);
  }

  /**
   * Starts a new file: forgets that file-bound state (resolved calls hold their trees) and says
   * how to tell event-loop code there. Summaries themselves are kept.
   */
  void startFile(Predicate<CallableDeclaration<?>> eventLoopCode) {
    this.eventLoopCode = eventLoopCode;
    calls.forget();
    keys.clear();
  }

  /** The cheap test before resolution: can this call have a summary at all? */
  boolean mayReach(Node call) {
    if (call instanceof ObjectCreationExpr creation) {
      return creation.getAnonymousClassBody().isEmpty() && project.mayDeclare(creation.getType().getNameAsString());
    }
    if (call instanceof MethodCallExpr invocation) {
      if (project.mayDeclare(invocation.getNameAsString())) {
        return true;
      }
      Node scope = invocation.getScope().orElse(null);
      String receiver = scope instanceof NameExpr name ? name.getNameAsString()
          : scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString() : null;
      return receiver != null && project.mayHoldLambda(receiver);
    }
    return call instanceof MethodReferenceExpr reference && project.mayDeclare(reference.getIdentifier());
  }

  /**
   * The cheap test after {@link #mayReach}, before resolution: a call on a receiver whose class
   * and supertypes are all outside the sources (a {@code Map}, a {@code Buffer} from a jar)
   * resolves to a method with no body to summarise, unless it invokes a lambda held in a field.
   */
  private boolean mayReachFromReceiver(Node call, CallResolver resolver) {
    if (!(call instanceof MethodCallExpr invocation) || invocation.getScope().isEmpty()
        || project.mayHoldLambda(scopeName(invocation))) {
      return true;
    }
    Optional<ResolvedReferenceTypeDeclaration> receiver = resolver.receiverClass(invocation);
    if (receiver.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, ResolvedReferenceTypeDeclaration> type : types.supertypes(receiver.get()).entrySet()) {
      if (mayBeSourceType.test(type.getKey()) || type.getValue().toAst().isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static String scopeName(MethodCallExpr invocation) {
    Node scope = invocation.getScope().orElse(null);
    return scope instanceof NameExpr name ? name.getNameAsString()
        : scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString() : "";
  }

  /** Every category (and property) the call reaches through the project's own methods. */
  Map<String, Reach> reaches(Node call, CallResolver fileCalls) {
    if (!mayReachFromReceiver(call, fileCalls)) {
      return Map.of();
    }
    Optional<Callable> callee = fileCalls.resolveByReceiver(call);
    if (callee.isEmpty()) {
      return Map.of();
    }
    return callResult(call, callee.get(), maxDepth).reaches;
  }

  /** The blocking call of {@code category} that {@code call} reaches, in the words both engines use. */
  static BlockingCall blockingCall(Node call, Reach reach) {
    return new BlockingCall(reach.category(), BlockingCallClassifier.shown(call), reach.reason(),
        reach.alternative(), reach.chain());
  }

  // ------------------------------------------------------------------------------ the search

  private static final class Result {
    static final Result CUT = new Result(Map.of(), true, NONE, 0);
    static final Result NOTHING = new Result(Map.of(), false, NONE, 0);

    final Map<String, Reach> reaches;
    final boolean truncated;
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

  private static final class Accumulator {
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

  private Result compute(CallableDeclaration<?> method, int budget) {
    if (budget <= 0) {
      return Result.CUT;
    }
    resolvable(method);
    String key = key(method);
    if (key == null) {
      return Result.NOTHING;
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
      result = summarise(method, budget);
    } catch (RuntimeException | StackOverflowError e) {
      result = new Result(Map.of(), false, NONE, budget); // the solver failed inside: nothing known
    } finally {
      onStack.remove(key);
    }
    provisional.values().removeIf(r -> r.low >= mine);
    if (result.low >= mine) {
      finals.put(key, new Result(result.reaches, result.truncated, NONE, budget));
    } else {
      provisional.put(key, result);
    }
    return result;
  }

  /**
   * Trees the type solver parsed for its own use (other files' classes) have no symbol resolver:
   * give them this thread's, so the calls in their bodies resolve like the scanned file's.
   */
  private void resolvable(Node node) {
    node.findCompilationUnit().ifPresent(unit -> {
      if (!unit.containsData(Node.SYMBOL_RESOLVER_KEY)) {
        unit.setData(Node.SYMBOL_RESOLVER_KEY, symbolResolver);
      }
    });
  }

  /** The method's qualified signature, the same whichever file's tree it is read from. */
  private String key(CallableDeclaration<?> method) {
    String known = keys.get(method);
    if (known != null) {
      return known;
    }
    String key;
    try {
      var resolved = method instanceof MethodDeclaration m ? m.resolve() : ((ConstructorDeclaration) method).resolve();
      StringBuilder out = new StringBuilder(TypeHierarchy.name(resolved.declaringType()))
          .append('#').append(method.getNameAsString()).append('(');
      for (int i = 0; i < resolved.getNumberOfParams(); i++) {
        out.append(i == 0 ? "" : ",").append(Callable.erasure(resolved.getParam(i).getType()));
      }
      key = out.append(')').toString();
    } catch (RuntimeException | StackOverflowError e) {
      key = null;
    }
    keys.put(method, key);
    return key;
  }

  private Result summarise(CallableDeclaration<?> method, int budget) {
    Optional<? extends Node> body = method instanceof MethodDeclaration m ? m.getBody()
        : Optional.of(((ConstructorDeclaration) method).getBody());
    if (body.isEmpty() || trustedNonBlocking(method) || eventLoopCode.test(method)) {
      return new Result(Map.of(), false, NONE, budget);
    }
    String step = step(method);
    Accumulator acc = new Accumulator();
    scanCalls(body.get(), budget, step, acc);
    for (Map.Entry<String, MethodProperty> property : properties.entrySet()) {
      String what = property.getValue().test(method);
      if (what != null) {
        acc.offer(new Reach(property.getKey(), null, List.of(step), what, "", 1));
      }
    }
    return acc.result(budget);
  }

  /** Every call in {@code body} outside nested lambdas and classes, offered with {@code step} first. */
  private void scanCalls(Node node, int budget, String step, Accumulator acc) {
    for (Node child : node.getChildNodes()) {
      if (child instanceof LambdaExpr || child instanceof LocalClassDeclarationStmt
          || child instanceof LocalRecordDeclarationStmt || child instanceof BodyDeclaration<?>) {
        continue; // runs whenever someone calls it, maybe on another thread
      }
      if (child instanceof MethodCallExpr || child instanceof ObjectCreationExpr) {
        callOf(child, budget, step, acc);
      }
      scanCalls(child, budget, step, acc);
    }
  }

  private void callOf(Node call, int budget, String step, Accumulator acc) {
    Optional<BlockingCall> direct = classifier.classify(call);
    if (direct.isPresent()) {
      Optional<Callable> callee = calls.resolveByReceiver(call);
      if (callee.isPresent()) {
        acc.offer(catalogReach(direct.get(), callee.get()).prefixedBy(step));
      }
      return;
    }
    if (!mayReach(call) || !mayReachFromReceiver(call, calls)) {
      return;
    }
    Optional<Callable> callee = calls.resolveByReceiver(call);
    if (callee.isEmpty()) {
      return;
    }
    Result result = callResult(call, callee.get(), budget - 1);
    acc.dependOn(result);
    for (Reach reach : result.reaches.values()) {
      acc.offer(reach.prefixedBy(step));
    }
  }

  private Result callResult(Node call, Callable callee, int budget) {
    VariableDeclarator field = lambdaField(call, callee);
    if (field != null) {
      return computeField(field, budget);
    }
    Optional<Node> declaration = declarationOf(callee);
    if (declaration.isEmpty() || !(declaration.get() instanceof CallableDeclaration<?> method)) {
      return new Result(Map.of(), false, NONE, budget); // not declared in the scanned sources
    }
    if (dispatchesDirectly(call, callee, method)) {
      return compute(method, budget);
    }
    return virtualCall(callee, method, budget);
  }

  /**
   * The field a call's receiver reads when the call invokes a lambda stored there ({@code
   * loader.apply(id)} on {@code private final Function<..> loader = id -> dao.find(id)}): a final
   * field, or a private one never reassigned, declared in the sources. Its lambda or method
   * reference is what runs; any other value (say {@code new FileStore()}) is not followed, as in
   * the Error Prone engine.
   */
  private VariableDeclarator lambdaField(Node call, Callable callee) {
    if (!(call instanceof MethodCallExpr invocation) || invocation.getScope().isEmpty()) {
      return null;
    }
    Node scope = invocation.getScope().get();
    if (!(scope instanceof NameExpr || (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr))) {
      return null;
    }
    try {
      if (!(callee.declaration() instanceof ResolvedMethodDeclaration method) || !method.isAbstract()
          || !method.declaringType().isInterface()) {
        return null;
      }
      var value = scope instanceof NameExpr name ? name.resolve() : ((FieldAccessExpr) scope).resolve();
      if (!value.isField()) {
        return null;
      }
      Optional<Node> ast = value.asField().toAst();
      if (ast.isEmpty() || !(ast.get() instanceof FieldDeclaration declaration)) {
        return null;
      }
      String name = value.getName();
      for (VariableDeclarator variable : declaration.getVariables()) {
        if (variable.getNameAsString().equals(name)
            && (declaration.isFinal() || (declaration.isPrivate() && neverReassigned(declaration, name)))) {
          return variable;
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
    return null;
  }

  private static boolean neverReassigned(FieldDeclaration field, String name) {
    Optional<CompilationUnit> unit = field.findCompilationUnit();
    if (unit.isEmpty()) {
      return false;
    }
    for (AssignExpr assign : unit.get().findAll(AssignExpr.class)) {
      if (names(assign.getTarget(), name)) {
        return false;
      }
    }
    for (UnaryExpr unary : unit.get().findAll(UnaryExpr.class)) {
      if (!unary.getOperator().isPostfix() && !unary.getOperator().isPrefix()) {
        continue;
      }
      if ((unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT || unary.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT
          || unary.getOperator().isPostfix()) && names(unary.getExpression(), name)) {
        return false;
      }
    }
    return true;
  }

  private static boolean names(Node target, String name) {
    return (target instanceof NameExpr n && n.getNameAsString().equals(name))
        || (target instanceof FieldAccessExpr a && a.getScope() instanceof ThisExpr && a.getNameAsString().equals(name));
  }

  private Result computeField(VariableDeclarator field, int budget) {
    if (budget <= 0) {
      return Result.CUT;
    }
    resolvable(field);
    String owner = field.findAncestor(TypeDeclaration.class).map(t -> t.getFullyQualifiedName().orElse(t.getNameAsString()).toString()).orElse("?");
    String key = "field " + owner + "#" + field.getNameAsString();
    Result done = finals.get(key);
    if (done != null && done.usableFor(budget)) {
      return done.within(budget);
    }
    Integer position = onStack.get(key);
    if (position != null) {
      return new Result(Map.of(), false, position, budget);
    }
    int mine = onStack.size();
    onStack.put(key, mine);
    Accumulator acc = new Accumulator();
    try {
      String step = field.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("?")
          + "." + field.getNameAsString();
      Node init = field.getInitializer().map(ReactiveChain::strip).orElse(null);
      if (init instanceof LambdaExpr lambda) {
        scanCalls(lambda.getBody(), budget, step, acc);
      } else if (init instanceof MethodReferenceExpr reference) {
        Optional<Callable> target = calls.resolve(reference);
        if (target.isPresent()) {
          Optional<BlockingCall> direct = classifier.classify(reference);
          if (direct.isPresent()) {
            acc.offer(catalogReach(direct.get(), target.get()).prefixedBy(step));
          } else {
            Result result = callResult(reference, target.get(), budget - 1);
            acc.dependOn(result);
            result.reaches.values().forEach(reach -> acc.offer(reach.prefixedBy(step)));
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // the solver failed inside: what was found so far stands
    } finally {
      onStack.remove(key);
    }
    Result result = acc.result(budget);
    provisional.values().removeIf(r -> r.low >= mine);
    if (result.low >= mine) {
      finals.put(key, new Result(result.reaches, result.truncated, NONE, budget));
    } else {
      provisional.put(key, result);
    }
    return result;
  }

  /**
   * The callee's declaration in the scanned sources. The symbol solver looks in the classpath
   * before the sources (faster, and right for most calls), so a scanned type that is also in a
   * jar (a module scanned with its own jar on the classpath) resolves to the jar: its source
   * declaration is then looked up by name and parameters, as javac would prefer the source.
   */
  Optional<Node> declarationOf(Callable callee) {
    try {
      Optional<Node> ast = callee.declaration().toAst();
      if (ast.isPresent()) {
        return ast;
      }
      Optional<Node> type = sourceType.apply(callee.declaringType()).flatMap(t -> t.toAst());
      if (type.isEmpty() || !(type.get() instanceof TypeDeclaration<?> declaration)) {
        return Optional.empty();
      }
      resolvable(declaration);
      for (BodyDeclaration<?> member : declaration.getMembers()) {
        if (member instanceof CallableDeclaration<?> candidate
            && (callee.isConstructor() ? candidate instanceof ConstructorDeclaration
                : candidate instanceof MethodDeclaration && candidate.getNameAsString().equals(callee.name()))
            && sameParameters(candidate, callee.erasedParams())) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** Parameter types as written against erased qualified names, by simple name (generics dropped). */
  private static boolean sameParameters(CallableDeclaration<?> candidate, List<String> erased) {
    if (candidate.getParameters().size() != erased.size()) {
      return false;
    }
    for (int i = 0; i < erased.size(); i++) {
      String written = candidate.getParameter(i).getType().asString().replaceAll("<.*>", "").replace("...", "[]");
      if (candidate.getParameter(i).isVarArgs()) {
        written += "[]";
      }
      String wanted = erased.get(i);
      String simpleWritten = written.substring(written.lastIndexOf('.') + 1);
      String simpleWanted = wanted.substring(wanted.lastIndexOf('.') + 1);
      // a type variable erases to its bound (Object), so a single upper-case name matches anything
      if (!simpleWritten.equals(simpleWanted) && !written.matches("[A-Z]\\w?")) {
        return false;
      }
    }
    return true;
  }

  private static boolean dispatchesDirectly(Node call, Callable callee, CallableDeclaration<?> method) {
    if (callee.isStatic() || callee.isConstructor() || method.isPrivate() || method.isFinal()) {
      return true;
    }
    Node owner = method.getParentNode().orElse(null);
    if (owner instanceof ObjectCreationExpr || owner instanceof EnumDeclaration || owner instanceof RecordDeclaration
        || (owner instanceof ClassOrInterfaceDeclaration type && type.isFinal())) {
      return true;
    }
    return call instanceof MethodCallExpr invocation && invocation.getScope().orElse(null) instanceof SuperExpr;
  }

  /**
   * A virtual call blocks when every implementation in the sources it can dispatch to blocks;
   * the chain goes through the declared method and the implementation with the shortest chain.
   * Interfaces meant for lambdas are left alone: their implementations cannot all be seen.
   */
  private Result virtualCall(Callable callee, CallableDeclaration<?> declared, int budget) {
    Node owner = declared.getParentNode().orElse(null);
    if (!(owner instanceof TypeDeclaration<?> ownerType) || Annotations.has(ownerType, "java.lang.FunctionalInterface")) {
      return new Result(Map.of(), false, NONE, budget);
    }
    String staticType = callee.receiverType().get().orElse(callee.declaringType());
    // Shared like a method's summary: another thread (or file) that made the same virtual call
    // need not find and parse its implementations again.
    String key = "virtual " + staticType + "#" + callee.name() + "/" + callee.paramCount() + " " + step(declared);
    Result done = finals.get(key);
    if (done != null && done.usableFor(budget)) {
      return done.within(budget);
    }
    Result result = implementationsResult(staticType, callee, declared, budget);
    if (result.low == NONE) {
      finals.put(key, new Result(result.reaches, result.truncated, NONE, budget));
    }
    return result;
  }

  private Result implementationsResult(String staticType, Callable callee, CallableDeclaration<?> declared, int budget) {
    List<CallableDeclaration<?>> found = implementations.computeIfAbsent(
        staticType + "#" + callee.name() + "/" + callee.paramCount(),
        k -> implementationsOf(staticType, callee.name(), callee.paramCount()));
    if (found.isEmpty()) {
      return new Result(Map.of(), false, NONE, budget);
    }
    Accumulator acc = new Accumulator();
    Map<String, Reach> shortest = null;
    for (CallableDeclaration<?> implementation : found) {
      Result result = compute(implementation, budget);
      acc.dependOn(result);
      if (result.reaches.isEmpty()) {
        // One implementation that reaches nothing empties the intersection, whatever the others
        // reach: most virtual calls end here, so the rest are neither summarised nor read. (If
        // this answer is provisional, so is ours, through dependOn.)
        return acc.result(budget);
      }
      if (shortest == null) {
        shortest = new TreeMap<>(result.reaches);
      } else {
        shortest.keySet().retainAll(result.reaches.keySet());
        for (Map.Entry<String, Reach> e : result.reaches.entrySet()) {
          shortest.computeIfPresent(e.getKey(),
              (c, known) -> e.getValue().depth() < known.depth() ? e.getValue() : known);
        }
      }
    }
    String step = step(declared);
    for (Reach reach : shortest.values()) {
      acc.offer(reach.chain().get(0).equals(step) ? reach
          : new Reach(reach.kind(), reach.category(), prepend(step, reach.chain()), reach.reason(),
              reach.alternative(), reach.depth()));
    }
    return acc.result(budget);
  }

  /**
   * The methods a call of {@code name} on {@code staticType} can run: every body of a method of
   * that name and arity declared by a class of the sources (named, abstract or anonymous) that is
   * a subtype. Abstract classes count too, since their bodies run for subclasses that do not
   * override them. Sorted by class name, so equally short chains come out the same each run.
   *
   * <p>Empty as soon as one implementation {@linkplain #reachesNothingByItself reaches nothing by
   * its body alone}: the intersection over all of them is then empty, so the other files need not
   * be parsed nor the other bodies summarised. Files this thread has parsed already are read
   * first, as they cost nothing. (Most virtual calls into Vert.x's interfaces end here: some
   * implementation is a getter or a no-op.)
   */
  private List<CallableDeclaration<?>> implementationsOf(String staticType, String name, int arity) {
    String simple = staticType.substring(staticType.lastIndexOf('.') + 1);
    // By class name: the implementation and the position of its file in the scan, where the last
    // file wins for a class name declared twice (whatever order the files are read in).
    TreeMap<String, Map.Entry<Integer, CallableDeclaration<?>>> out = new TreeMap<>();
    List<Map.Entry<Path, String>> candidates = project.filesWithSubtypesOf(simple, name);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> !trees.has(candidates.get(i).getKey())));
    for (int position : order) {
      Map.Entry<Path, String> file = candidates.get(position);
      // The thread's tree of that file: the one analysed and read by the symbol solver.
      Optional<CompilationUnit> unit = trees.unit(file.getKey(), file.getValue());
      if (unit.isEmpty()) {
        continue;
      }
      try {
        UnitDeclarations declarations = UnitDeclarations.of(unit.get());
        for (TypeDeclaration<?> type : declarations.types()) {
          if (type instanceof ClassOrInterfaceDeclaration declaration && declaration.isInterface()) {
            continue;
          }
          CallableDeclaration<?> implementation = declared(type.getMembers(), name, arity);
          if (implementation != null) {
            ResolvedReferenceTypeDeclaration resolved = type.resolve();
            if (types.isSubtype(resolved, staticType)) {
              if (reachesNothingByItself(implementation)) {
                return List.of();
              }
              found(out, TypeHierarchy.name(resolved), position, implementation);
            }
          }
        }
        for (ObjectCreationExpr creation : declarations.anonymousClasses()) {
          CallableDeclaration<?> implementation = declared(creation.getAnonymousClassBody().get(), name, arity);
          if (implementation == null) {
            continue;
          }
          var created = creation.getType().resolve();
          if (!created.isReferenceType() || created.asReferenceType().getTypeDeclaration().isEmpty()) {
            return List.of();
          }
          if (types.isSubtype(created.asReferenceType().getTypeDeclaration().get(), staticType)) {
            if (reachesNothingByItself(implementation)) {
              return List.of();
            }
            found(out, file.getKey() + ":" + creation.getBegin().map(p -> p.line + ":" + p.column).orElse("?"),
                position, implementation);
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        return List.of(); // a class we cannot place: do not claim every implementation blocks
      }
    }
    List<CallableDeclaration<?>> sorted = new ArrayList<>();
    out.values().forEach(found -> sorted.add(found.getValue()));
    return sorted;
  }

  private static void found(Map<String, Map.Entry<Integer, CallableDeclaration<?>>> out, String key, int position,
      CallableDeclaration<?> implementation) {
    Map.Entry<Integer, CallableDeclaration<?>> known = out.get(key);
    if (known == null || known.getKey() <= position) {
      out.put(key, Map.entry(position, implementation));
    }
  }

  /**
   * Whether a method's summary is empty by its body alone, before any call is resolved: no call
   * in it (outside nested lambdas and classes) has a name the catalog or the sources declare (the
   * tests {@link #callOf} starts with), and no rule's property holds for it.
   */
  private boolean reachesNothingByItself(CallableDeclaration<?> method) {
    Optional<? extends Node> body = method instanceof MethodDeclaration m ? m.getBody()
        : Optional.of(((ConstructorDeclaration) method).getBody());
    if (body.isEmpty()) {
      return true;
    }
    if (mayReachByName(body.get())) {
      return false;
    }
    for (MethodProperty property : properties.values()) {
      if (property.test(method) != null) {
        return false;
      }
    }
    return true;
  }

  private boolean mayReachByName(Node node) {
    for (Node child : node.getChildNodes()) {
      if (child instanceof LambdaExpr || child instanceof LocalClassDeclarationStmt
          || child instanceof LocalRecordDeclarationStmt || child instanceof BodyDeclaration<?>) {
        continue; // as in scanCalls
      }
      if ((child instanceof MethodCallExpr || child instanceof ObjectCreationExpr)
          && (classifier.mayBlock(child) || mayReach(child))) {
        return true;
      }
      if (mayReachByName(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A file's named and anonymous classes, listed once per tree (kept in the tree): every virtual
   * call whose implementations may be in the file asks, and walking the whole tree each time
   * was a tenth of a scan.
   */
  record UnitDeclarations(List<TypeDeclaration<?>> types, List<ObjectCreationExpr> anonymousClasses) {
    private static final com.github.javaparser.ast.DataKey<UnitDeclarations> KEY =
        new com.github.javaparser.ast.DataKey<>() {};

    static UnitDeclarations of(CompilationUnit unit) {
      if (unit.containsData(KEY)) {
        return unit.getData(KEY);
      }
      List<TypeDeclaration<?>> types = new ArrayList<>();
      for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
        types.add(type);
      }
      List<ObjectCreationExpr> anonymous = new ArrayList<>();
      for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
        if (creation.getAnonymousClassBody().isPresent()) {
          anonymous.add(creation);
        }
      }
      UnitDeclarations declarations = new UnitDeclarations(List.copyOf(types), List.copyOf(anonymous));
      unit.setData(KEY, declarations);
      return declarations;
    }
  }

  private static CallableDeclaration<?> declared(List<BodyDeclaration<?>> members, String name, int arity) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof MethodDeclaration method && method.getNameAsString().equals(name)
          && method.getParameters().size() == arity && method.getBody().isPresent()) {
        return method;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------- words and facts

  /**
   * A catalog hit as the end of a chain. Summaries written by an upstream module read {@code
   * reaches A.b → C.d, which <reason>}; their chain is spliced in so it reads as one.
   */
  static Reach catalogReach(BlockingCall call, Callable callee) {
    String reason = call.reason();
    List<String> chain = new ArrayList<>();
    chain.add(step(callee));
    if (reason.startsWith(REACHES) && reason.contains(WHICH)) {
      int which = reason.indexOf(WHICH);
      for (String s : reason.substring(REACHES.length(), which).split(" → ")) {
        if (!s.isBlank()) {
          chain.add(s.strip());
        }
      }
      reason = reason.substring(which + WHICH.length());
    }
    return new Reach(call.category().name(), call.category(), List.copyOf(chain), reason, call.alternative(), 0);
  }

  static final String REACHES = "reaches ";
  static final String WHICH = ", which ";

  /** A direct call of a method an upstream module summarised: its chain, spliced out of the reason. */
  static BlockingCall spliced(BlockingCall call, Optional<Callable> callee) {
    if (!call.chain().isEmpty() || !call.reason().startsWith(REACHES) || callee.isEmpty()) {
      return call;
    }
    Reach reach = catalogReach(call, callee.get());
    return new BlockingCall(call.category(), call.shown(), reach.reason(), reach.alternative(), reach.chain());
  }

  static String step(Callable callee) {
    return callee.isConstructor() ? "new " + callee.declaringSimpleName()
        : callee.declaringSimpleName() + "." + callee.name();
  }

  static String step(CallableDeclaration<?> method) {
    Node parent = method.getParentNode().orElse(null);
    String owner;
    if (parent instanceof TypeDeclaration<?> type) {
      owner = type.getNameAsString();
    } else if (parent instanceof ObjectCreationExpr creation) {
      owner = "(anonymous " + creation.getType().getNameAsString() + ")";
    } else {
      owner = "?";
    }
    return method instanceof ConstructorDeclaration ? "new " + owner : owner + "." + method.getNameAsString();
  }

  private boolean trustedNonBlocking(CallableDeclaration<?> method) {
    for (EventLoopEntry entry : catalog.eventLoopEntries(EventLoopEntry.Kind.ANNOTATION)) {
      if (Annotations.has(method, entry.method().owner())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> prepend(String step, List<String> chain) {
    List<String> out = new ArrayList<>(chain.size() + 1);
    out.add(step);
    out.addAll(chain);
    return Collections.unmodifiableList(out);
  }
}
