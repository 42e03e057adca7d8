package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ExpressionStatementTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.DroppedFuture;
import dev.asynclint.core.MethodPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A hot async result (the catalog's {@code async-result HOT} types) dropped with no failure
 * handler at the end of its chain: as an expression statement, as the discarded result of a
 * lambda or method reference, or in a local that is never read. See {@code
 * docs/rules/UnawaitedFuture.md}.
 */
@BugPattern(
    summary = "An async result is dropped without a failure handler, so its failure is lost",
    severity = WARNING,
    linkType = CUSTOM,
    link = "https://github.com/async-lint/async-lint/blob/main/docs/rules/UnawaitedFuture.md")
public final class UnawaitedFuture extends BugChecker
    implements ExpressionStatementTreeMatcher,
        LambdaExpressionTreeMatcher,
        MemberReferenceTreeMatcher,
        VariableTreeMatcher {

  private static final String CAN_IGNORE_RETURN_VALUE =
      "com.google.errorprone.annotations.CanIgnoreReturnValue";

  private final AsyncLintConfig config;

  /** Used when Error Prone runs with no flags. */
  public UnawaitedFuture() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public UnawaitedFuture(ErrorProneFlags flags) {
    this.config = new AsyncLintConfig(flags);
  }

  @Override
  public Description matchExpressionStatement(ExpressionStatementTree tree, VisitorState state) {
    try {
      ExpressionTree expression = ASTHelpers.stripParentheses(tree.getExpression());
      if (!(expression instanceof MethodInvocationTree || expression instanceof NewClassTree)) {
        return Description.NO_MATCH; // assignments and increments keep or discard no result
      }
      return check(expression, ASTHelpers.getType(expression), tree, DroppedFuture.DROPPED, state);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    try {
      if (tree.getBodyKind() != LambdaExpressionTree.BodyKind.EXPRESSION) {
        return Description.NO_MATCH;
      }
      ExpressionTree body = ASTHelpers.stripParentheses((ExpressionTree) tree.getBody());
      // The shape first: whether the lambda returns void needs its functional descriptor.
      if (!(body instanceof MethodInvocationTree || body instanceof NewClassTree) || !returnsVoid(tree, state)) {
        return Description.NO_MATCH;
      }
      return check(body, ASTHelpers.getType(body), body,
          DroppedFuture.RETURNED_FROM_LAMBDA, state);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    try {
      // The referenced method's result type first (cached per type); the descriptor costs more.
      if (!(ASTHelpers.getSymbol(tree) instanceof MethodSymbol method) || method.isConstructor()
          || HotResult.of(method.getReturnType(), config.catalog(state), state).isEmpty()
          || !returnsVoid(tree, state)) {
        return Description.NO_MATCH;
      }
      return check(tree, method.getReturnType(), tree,
          DroppedFuture.RETURNED_THROUGH_REFERENCE, state);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    try {
      Symbol.VarSymbol variable = ASTHelpers.getSymbol(tree);
      if (variable == null || variable.getKind() != ElementKind.LOCAL_VARIABLE
          || tree.getInitializer() == null
          || variable.getSimpleName().toString().startsWith("unused")) {
        return Description.NO_MATCH;
      }
      ExpressionTree initializer = ASTHelpers.stripParentheses(tree.getInitializer());
      if (!(initializer instanceof MethodInvocationTree || initializer instanceof NewClassTree)) {
        return Description.NO_MATCH; // an alias: the original is still around to be handled
      }
      // The type first: it is known at once, and few locals hold a hot result; the reads need a scan.
      if (HotResult.of(variable.type, config.catalog(state), state).isEmpty()) {
        return Description.NO_MATCH;
      }
      TreePath scope = state.getPath().getParentPath();
      if (scope == null || isRead(variable, scope.getLeaf())) {
        return Description.NO_MATCH;
      }
      return check(initializer, variable.type, tree,
          DroppedFuture.storedIn(variable.getSimpleName().toString()), state);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  private Description check(
      ExpressionTree expression, @Nullable Type type, Tree reported, String how, VisitorState state) {
    config.reportFlagProblems(state);
    Catalog catalog = config.catalog(state);
    Optional<HotResult> hot = HotResult.of(type, catalog, state);
    if (hot.isEmpty()) {
      return Description.NO_MATCH;
    }
    if (hot.get().netty() && !config.nettyFutures()) {
      return Description.NO_MATCH;
    }
    if (handled(expression, hot.get(), catalog, state) || exempt(expression, hot.get(), state)) {
      return Description.NO_MATCH;
    }
    return buildDescription(reported).setMessage(message(expression, hot.get(), how, state)).build();
  }

  /** Whether the last step of the chain (or a handler before same-future listeners) sees failure. */
  private static boolean handled(ExpressionTree expression, HotResult hot, Catalog catalog, VisitorState state) {
    ExpressionTree current = expression;
    while (true) {
      String name = stepName(current);
      if (name == null) {
        return false;
      }
      if (hot.handles(name)) {
        return true;
      }
      if (current instanceof MemberReferenceTree) {
        return false;
      }
      ExpressionTree receiver = current instanceof MethodInvocationTree invocation
          ? ASTHelpers.getReceiver(invocation) : null;
      if (!(DroppedFuture.SAME_FUTURE_LISTENERS.contains(name) || DroppedFuture.SAME_FUTURE_SETTINGS.contains(name)) || receiver == null) {
        return false;
      }
      ExpressionTree root = ASTHelpers.stripParentheses(receiver);
      if (!(root instanceof MethodInvocationTree || root instanceof NewClassTree)) {
        // A future held in a variable lives on: configuring it drops nothing, and a listener
        // only drops it if the variable has no other use (onFailure in another statement, ...).
        return DroppedFuture.SAME_FUTURE_SETTINGS.contains(name) || usedBeyondListeners(root, state);
      }
      Optional<HotResult> receiverHot = HotResult.of(ASTHelpers.getType(receiver), catalog, state);
      if (receiverHot.isEmpty()) {
        return false;
      }
      hot = receiverHot.get();
      current = ASTHelpers.stripParentheses(receiver);
    }
  }

  /**
   * Whether the future in {@code holder} is used other than by same-future listeners: always for
   * fields and parameters (whoever passed or holds it owns its failure); for a local, any other
   * read in the enclosing method ({@code f.onFailure(...)}, {@code return f}, passing it on).
   */
  private static boolean usedBeyondListeners(ExpressionTree holder, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(holder);
    if (!(symbol instanceof Symbol.VarSymbol variable)
        || (variable.getKind() != ElementKind.LOCAL_VARIABLE
            && variable.getKind() != ElementKind.RESOURCE_VARIABLE)) {
      return true;
    }
    Tree scope = ASTHelpers.findEnclosingNode(state.getPath(), com.sun.source.tree.MethodTree.class);
    if (scope == null) {
      return true;
    }
    boolean[] used = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree tree, Void unused) {
        if (DroppedFuture.SAME_FUTURE_LISTENERS.contains(tree.getIdentifier().toString())
            && ASTHelpers.getSymbol(ASTHelpers.stripParentheses(tree.getExpression())) == variable) {
          return null;
        }
        return super.visitMemberSelect(tree, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == variable) {
          used[0] = true;
        }
        return null;
      }
    }.scan(scope, null);
    return used[0];
  }

  private static @Nullable String stepName(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree || tree instanceof MemberReferenceTree) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      return symbol == null ? null : symbol.getSimpleName().toString();
    }
    return null;
  }

  private boolean exempt(ExpressionTree expression, HotResult hot, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (!(symbol instanceof MethodSymbol method)) {
      return false;
    }
    if (ASTHelpers.hasAnnotation(method, CAN_IGNORE_RETURN_VALUE, state)
        || ASTHelpers.hasAnnotation(method.enclClass(), CAN_IGNORE_RETURN_VALUE, state)) {
      return true;
    }
    if (expression instanceof MethodInvocationTree call) {
      // connections.put(uri, future) hands back the previous mapping; requireNonNull(future) hands
      // back its argument, which is dropped here only if it was made right here.
      int given = HandedBack.source(method, state);
      if (given == HandedBack.HELD) {
        return true;
      }
      if (given >= 0 && given < call.getArguments().size()) {
        ExpressionTree argument = ASTHelpers.stripParentheses(call.getArguments().get(given));
        return !(argument instanceof MethodInvocationTree || argument instanceof NewClassTree);
      }
    }
    Type receiver = expression instanceof MemberReferenceTree reference
        ? ASTHelpers.getType(reference.getQualifierExpression())
        : BlockingCallClassifier.receiverType(expression, method);
    for (MethodPattern pattern : DroppedFuture.EXEMPT) {
      if (CatalogLookup.matches(pattern, method, receiver, state)) {
        return true;
      }
    }
    if (!config.vertxWritesAndCloses()) {
      for (MethodPattern pattern : DroppedFuture.VERTX_WRITES_AND_CLOSES) {
        if (CatalogLookup.matches(pattern, method, receiver, state)) {
          return true;
        }
      }
    }
    // Netty's fluent future API (setSuccess, addListener, sync, ...) returns the future it was
    // called on; dropping that copy loses nothing.
    return hot.netty() && !method.isStatic() && receiver != null
        && isNetty(receiver) && CatalogLookup.isSubtype(receiver, method.getReturnType(), state.getTypes());
  }

  static boolean isNetty(Type type) {
    return type.tsym != null && type.tsym.getQualifiedName().toString().startsWith("io.netty.");
  }

  private static String message(ExpressionTree expression, HotResult hot, String how, VisitorState state) {
    return new DroppedFuture(BlockingCallClassifier.shown(expression, state), hot.typeName(), hot.entries(), how,
        stepName(expression)).message();
  }

  private static boolean returnsVoid(Tree functional, VisitorState state) {
    Type type = ASTHelpers.getType(functional);
    if (type == null) {
      return false;
    }
    Type descriptor = state.getTypes().findDescriptorType(type);
    return descriptor != null && descriptor.getReturnType().hasTag(TypeTag.VOID);
  }

  /** Whether {@code variable} is read anywhere in {@code scope} (assignments to it are not reads). */
  private static boolean isRead(Symbol variable, Tree scope) {
    boolean[] read = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree.getVariable()) == variable) {
          return scan(tree.getExpression(), null);
        }
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == variable) {
          read[0] = true;
        }
        return null;
      }
    }.scan(scope, null);
    return read[0];
  }

  /** A hot result type as the catalog sees it: every catalog entry the type is a subtype of. */
  record HotResult(Type type, List<AsyncResultType> entries, boolean netty) {
    static Optional<HotResult> of(@Nullable Type type, Catalog catalog, VisitorState state) {
      if (type == null || type.isPrimitiveOrVoid() || type.tsym == null) {
        return Optional.empty();
      }
      // Asked for every dropped expression; the answer depends only on the erased type.
      Map<Symbol.TypeSymbol, List<AsyncResultType>> known = MATCHED.ifLast(state.context);
      if (known == null) {
        known = MATCHED.get(state.context, c -> new HashMap<>());
      }
      Symbol.TypeSymbol erased = state.getTypes().erasure(type).tsym;
      List<AsyncResultType> matched = known.get(erased);
      if (matched == null) {
        matched = catalog.asyncResultTypes(AsyncResultType.Temperature.HOT).stream()
            .filter(entry -> CatalogLookup.isSubtype(type, entry.type(), state))
            .toList();
        known.put(erased, matched);
      }
      if (matched.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new HotResult(type, matched, isNetty(type)));
    }

    private static final PerCompilation<Map<Symbol.TypeSymbol, List<AsyncResultType>>> MATCHED =
        new PerCompilation<>();

    boolean handles(String method) {
      return DroppedFuture.handles(entries, method);
    }

    String typeName() {
      return type.tsym.getSimpleName().toString();
    }
  }
}
