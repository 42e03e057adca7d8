package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ExpressionStatementTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.NeverSubscribed;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * A cold publisher (the catalog's {@code async-result COLD} types: Reactor, RxJava 3, Mutiny,
 * any Reactive Streams {@code Publisher}) that is created and never subscribed, so its work never
 * happens: dropped as a statement, returned into a callback whose result is discarded
 * ({@code doOnNext(x -> repo.save(x))}), nested by {@code map} where {@code flatMap} was meant, or
 * kept in a local that is never read. See {@code docs/rules/UnsubscribedPublisher.md}.
 */
@BugPattern(
    summary = "A publisher that is never subscribed does nothing: its work silently never happens",
    severity = ERROR,
    linkType = CUSTOM,
    link = "https://github.com/async-lint/async-lint/blob/main/docs/rules/UnsubscribedPublisher.md")
public final class UnsubscribedPublisher extends BugChecker
    implements ExpressionStatementTreeMatcher, LambdaExpressionTreeMatcher, MemberReferenceTreeMatcher,
        MethodInvocationTreeMatcher, VariableTreeMatcher {

  private static final String CAN_IGNORE = "com.google.errorprone.annotations.CanIgnoreReturnValue";

  private final AsyncLintConfig config;

  /** Used when Error Prone runs with no flags. */
  public UnsubscribedPublisher() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public UnsubscribedPublisher(ErrorProneFlags flags) {
    this.config = new AsyncLintConfig(flags);
  }

  // --------------------------------------------------------------------- dropped as a statement

  @Override
  public Description matchExpressionStatement(ExpressionStatementTree tree, VisitorState state) {
    try {
      ExpressionTree expression = ASTHelpers.stripParentheses(tree.getExpression());
      Optional<String> type = createdColdPublisher(expression, state);
      if (type.isEmpty()) {
        return Description.NO_MATCH;
      }
      return buildDescription(expression)
          .setMessage(NeverSubscribed.dropped(BlockingCallClassifier.shown(expression, state), type.get(),
              qualifiedName(expression)))
          .build();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  // --------------------------------------------------- returned into a callback that discards it

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    try {
      if (tree.getBodyKind() != LambdaExpressionTree.BodyKind.EXPRESSION) {
        return Description.NO_MATCH;
      }
      ExpressionTree body = ASTHelpers.stripParentheses((ExpressionTree) tree.getBody());
      // What the body makes first (its type is on the tree); the lambda's descriptor costs more.
      Optional<String> type = createdColdPublisher(body, state);
      if (type.isEmpty() || !returnsVoid(tree, state)) {
        return Description.NO_MATCH;
      }
      MethodInvocationTree call = callReceiving(state.getPath());
      Description.Builder description = buildDescription(body)
          .setMessage(NeverSubscribed.discardedByLambda(BlockingCallClassifier.shown(body, state), type.get(),
              operatorName(call)));
      SuggestedFix fix = doOnNextFix(call, tree, body, state);
      if (fix != null) {
        description.addFix(fix);
      }
      return description.build();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    try {
      if (!(ASTHelpers.getSymbol(tree) instanceof MethodSymbol method) || method.isConstructor()) {
        return Description.NO_MATCH;
      }
      // The result type first (cached per type); the descriptor and the annotations cost more.
      Optional<String> type = coldTypeName(method.getReturnType(), state);
      if (type.isEmpty() || !returnsVoid(tree, state) || ignorable(method, state)) {
        return Description.NO_MATCH;
      }
      MethodInvocationTree call = callReceiving(state.getPath());
      return buildDescription(tree)
          .setMessage(NeverSubscribed.discardedByReference(BlockingCallClassifier.shown(tree, state), type.get(),
              operatorName(call)))
          .build();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  // ------------------------------------------------------------ map where flatMap was meant

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    try {
      MethodSymbol method = ASTHelpers.getSymbol(tree);
      if (method == null || !isMapOperator(method, state)) {
        return Description.NO_MATCH;
      }
      Type result = ASTHelpers.getType(tree);
      if (result == null || result.getTypeArguments().isEmpty()) {
        return Description.NO_MATCH;
      }
      Type inner = result.getTypeArguments().get(0);
      Optional<String> innerName = coldTypeName(inner, state);
      if (innerName.isEmpty() || coldTypeName(result, state).isEmpty()) {
        return Description.NO_MATCH;
      }
      // Only when the nested publisher goes on into an operator that does not flatten it; when it
      // is returned, stored or passed on, someone else may still flatten it.
      TreePath path = state.getPath();
      TreePath next = path.getParentPath();
      if (!(next.getLeaf() instanceof MemberSelectTree select)
          || !(next.getParentPath().getLeaf() instanceof MethodInvocationTree nextCall)
          || nextCall.getMethodSelect() != select) {
        return Description.NO_MATCH;
      }
      String nextName = select.getIdentifier().toString();
      if (NeverSubscribed.flattens(nextName)) {
        return Description.NO_MATCH;
      }
      String outerName = result.tsym.getSimpleName().toString();
      String flat = NeverSubscribed.flatteningName(method.getSimpleName().toString(),
          result.tsym.getQualifiedName().toString(), inner.tsym.getQualifiedName().toString());
      Description.Builder description = buildDescription(tree)
          .setMessage(NeverSubscribed.nestedByMap(method.getSimpleName().toString(), outerName, innerName.get(), flat));
      if (flat != null && typeSurvivesFlattening(path, state)) {
        description.addFix(SuggestedFixes.renameMethodInvocation(tree, flat, state));
      }
      return description.build();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  // ---------------------------------------------------------------- kept in a local, never read

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    try {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol == null || symbol.getKind() != ElementKind.LOCAL_VARIABLE || tree.getInitializer() == null
          || tree.getName().toString().startsWith("unused")) {
        return Description.NO_MATCH;
      }
      Optional<String> type = createdColdPublisher(ASTHelpers.stripParentheses(tree.getInitializer()), state);
      if (type.isEmpty()
          || !SourceIndex.of(state.getPath().getCompilationUnit()).reads(symbol).isEmpty()) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(NeverSubscribed.neverRead(tree.getName().toString(), type.get(),
              qualifiedName(tree.getInitializer())))
          .build();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  // ----------------------------------------------------------------------------- what counts

  /** The simple name of the cold type a call or constructor creates, unless it may be ignored. */
  private Optional<String> createdColdPublisher(ExpressionTree expression, VisitorState state) {
    if (!(expression instanceof MethodInvocationTree || expression instanceof NewClassTree)) {
      return Optional.empty();
    }
    // The type first: it is on the tree already, and almost no statement makes a publisher.
    // A call that hands back its argument (requireNonNull(flux)) has the argument's type.
    Optional<String> cold = coldTypeName(ASTHelpers.getType(expression), state);
    if (cold.isEmpty()) {
      return cold;
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (!(symbol instanceof MethodSymbol method) || ignorable(method, state)) {
      return Optional.empty();
    }
    if (expression instanceof MethodInvocationTree call) {
      if (subscribes(method, state)) {
        return Optional.empty(); // subscribeWith(processor) hands back what it subscribed
      }
      int given = HandedBack.source(method, state);
      if (given == HandedBack.HELD) {
        return Optional.empty(); // executions.put(node, flux) drops the previous mapping, not flux
      }
      if (given >= 0) {
        // Objects.requireNonNull(flux) hands back what it was given: it is dropped only if it was
        // made right there.
        return given < call.getArguments().size()
            ? createdColdPublisher(ASTHelpers.stripParentheses(call.getArguments().get(given)), state)
            : Optional.empty();
      }
      // verify(repo).save(x), doReturn(m).when(repo).save(x): a stubbing or verification, not a call.
      if (ASTHelpers.getReceiver(call) instanceof MethodInvocationTree receiver
          && ASTHelpers.getSymbol(receiver) instanceof MethodSymbol receiverMethod
          && receiverMethod.owner.getQualifiedName().toString().startsWith("org.mockito.")) {
        return Optional.empty();
      }
    }
    if (expression instanceof MethodInvocationTree && returnsThis(method, state)) {
      return Optional.empty();
    }
    return cold;
  }

  /**
   * A fluent setter compiled here whose every {@code return} is {@code this}: reactor-netty's
   * connections and responses implement {@code Publisher} ({@code NettyOutbound}) but are stateful
   * objects, and {@code response.header(k, v)} or {@code ops.addHandlerFirst(h)} configures and
   * hands back the receiver; it creates nothing. Methods in jars have no body to read and still
   * count, so a dropped {@code outbound.sendString(...)} is still found.
   */
  private static boolean returnsThis(MethodSymbol method, VisitorState state) {
    if (method.isStatic()) {
      return false;
    }
    com.sun.source.tree.MethodTree source = NonYieldingLoops.sourceOf(method, state);
    if (source == null || source.getBody() == null) {
      return false;
    }
    boolean[] onlyThis = {true};
    int[] returns = {0};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(com.sun.source.tree.ClassTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitReturn(com.sun.source.tree.ReturnTree tree, Void unused) {
        returns[0]++;
        ExpressionTree value = tree.getExpression() == null ? null : ASTHelpers.stripParentheses(tree.getExpression());
        if (!(value instanceof com.sun.source.tree.IdentifierTree id && id.getName().contentEquals("this"))) {
          onlyThis[0] = false;
        }
        return null;
      }
    }.scan(source.getBody(), null);
    return onlyThis[0] && returns[0] > 0;
  }

  private Optional<String> coldTypeName(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return Optional.empty();
    }
    Catalog catalog = config.catalog(state);
    ColdTypes known = COLD_TYPES.ifLast(state.context);
    if (known == null || known.catalog != catalog) {
      known = COLD_TYPES.get(state.context, c -> new ColdTypes(catalog));
      if (known.catalog != catalog) {
        known = new ColdTypes(catalog);
        COLD_TYPES.put(state.context, known);
      }
    }
    // Keyed by the type's symbol: the erasure the subtype test uses depends on nothing else.
    Optional<String> verdict = known.byType.get(type.tsym);
    if (verdict == null) {
      verdict = Optional.empty();
      for (AsyncResultType cold : catalog.asyncResultTypes(AsyncResultType.Temperature.COLD)) {
        if (CatalogLookup.isSubtype(type, cold.type(), state)) {
          verdict = Optional.of(type.tsym.getSimpleName().toString());
          break;
        }
      }
      known.byType.put(type.tsym, verdict);
    }
    return verdict;
  }

  /** Which types of this compilation are cold publishers, by the catalog they were judged with. */
  private static final class ColdTypes {
    final Catalog catalog;
    final java.util.Map<Symbol.TypeSymbol, Optional<String>> byType = new java.util.concurrent.ConcurrentHashMap<>();

    ColdTypes(Catalog catalog) {
      this.catalog = catalog;
    }
  }

  private static final PerCompilation<ColdTypes> COLD_TYPES = new PerCompilation<>();

  /** A method the catalog lists as subscribing its receiver (the COLD entries' handlers=). */
  private boolean subscribes(MethodSymbol method, VisitorState state) {
    String name = method.getSimpleName().toString();
    for (AsyncResultType cold : config.catalog(state).asyncResultTypes(AsyncResultType.Temperature.COLD)) {
      if (CatalogLookup.isSubtype(method.owner.type, cold.type(), state)
          && cold.handlers().stream().anyMatch(h -> NeverSubscribed.globMatches(h, name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean ignorable(MethodSymbol method, VisitorState state) {
    return ASTHelpers.hasAnnotation(method, CAN_IGNORE, state)
        || ASTHelpers.hasAnnotation(method.enclClass(), CAN_IGNORE, state);
  }

  private static boolean returnsVoid(Tree functional, VisitorState state) {
    Type type = ASTHelpers.getType(functional);
    if (type == null) {
      return false;
    }
    Type descriptor = state.getTypes().findDescriptorType(type);
    return descriptor != null && descriptor.getReturnType().getKind() == TypeKind.VOID;
  }

  private boolean isMapOperator(MethodSymbol method, VisitorState state) {
    javax.lang.model.element.Name name = method.getSimpleName(); // asked of every call: no string made
    if (name.contentEquals("map")) {
      return coldTypeName(method.owner.type, state).isPresent();
    }
    // Mutiny: uni.onItem().transform(x -> otherUni)
    return name.contentEquals("transform")
        && method.owner.getQualifiedName().toString().startsWith("io.smallrye.mutiny.groups.")
        && method.owner.getSimpleName().toString().endsWith("OnItem");
  }

  // ---------------------------------------------------------------------------------- fixes

  /**
   * Whether renaming map to its flattening twin keeps the code compiling: the operators after it
   * take no callbacks (whose parameter types would change) and what the chain ends in does not
   * mention the nested publisher ({@code then()}, {@code subscribe()}, {@code count()}).
   */
  private boolean typeSurvivesFlattening(TreePath mapPath, VisitorState state) {
    TreePath path = mapPath;
    while (path.getParentPath().getLeaf() instanceof MemberSelectTree select
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == select) {
      for (ExpressionTree argument : call.getArguments()) {
        if (argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree) {
          return false;
        }
      }
      path = path.getParentPath().getParentPath();
    }
    Type top = ASTHelpers.getType(path.getLeaf());
    return top != null && !mentionsColdPublisherInside(top, state, 0);
  }

  private boolean mentionsColdPublisherInside(Type type, VisitorState state, int depth) {
    if (depth > 4) {
      return true;
    }
    for (Type argument : type.getTypeArguments()) {
      if (coldTypeName(argument, state).isPresent() || mentionsColdPublisherInside(argument, state, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code doOnNext(x -> save(x))} on a Reactor Mono or Flux becomes {@code flatMap(x ->
   * save(x).thenReturn(x))} (Mono) or {@code concatMap(...)} (Flux, keeping order and one save at
   * a time, as doOnNext did): the items flow on unchanged, now after the save completed.
   */
  private @Nullable SuggestedFix doOnNextFix(@Nullable MethodInvocationTree call, LambdaExpressionTree lambda,
      ExpressionTree body, VisitorState state) {
    if (call == null || lambda.getParameters().size() != 1) {
      return null;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || !method.getSimpleName().contentEquals("doOnNext")) {
      return null;
    }
    String owner = method.owner.getQualifiedName().toString();
    String replacement = owner.equals("reactor.core.publisher.Mono") ? "flatMap"
        : owner.equals("reactor.core.publisher.Flux") ? "concatMap" : null;
    Type bodyType = ASTHelpers.getType(body);
    if (replacement == null || bodyType == null) {
      return null;
    }
    String inner = bodyType.tsym.getQualifiedName().toString();
    String parameter = lambda.getParameters().get(0).getName().toString();
    String suffix = inner.equals("reactor.core.publisher.Mono") ? ".thenReturn(" + parameter + ")"
        : inner.equals("reactor.core.publisher.Flux") ? ".then().thenReturn(" + parameter + ")" : null;
    if (suffix == null) {
      return null;
    }
    return SuggestedFix.builder()
        .merge(SuggestedFixes.renameMethodInvocation(call, replacement, state))
        .postfixWith(body, suffix)
        .build();
  }

  /** The method call a lambda or method reference at {@code path} is an argument of. */
  private static @Nullable MethodInvocationTree callReceiving(TreePath path) {
    TreePath parent = path.getParentPath();
    while (parent != null && (parent.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
        || parent.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
      parent = parent.getParentPath();
    }
    return parent != null && parent.getLeaf() instanceof MethodInvocationTree call ? call : null;
  }

  private static String operatorName(@Nullable MethodInvocationTree call) {
    return call == null ? "" : ASTHelpers.getSymbol(call).getSimpleName().toString();
  }

  private static String qualifiedName(ExpressionTree created) {
    Type type = ASTHelpers.getType(created);
    return type == null ? "" : type.tsym.getQualifiedName().toString();
  }
}
