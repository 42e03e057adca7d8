package dev.asynclint.errorprone;

import dev.asynclint.core.BlockingCall;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import dev.asynclint.core.BlockingApi;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.NonBlockingApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Decides whether a call, constructor or method reference is a blocking API from the catalog. */
final class BlockingCallClassifier {
  private static final int MAX_SHOWN = 80;

  private static final PerCompilation<BlockingCallClassifier> PER_COMPILATION = new PerCompilation<>();

  private final Catalog catalog;
  /** Verdicts by callee and erased receiver: most calls in a code base repeat a few thousand methods. */
  // Keyed by the callee and its receiver's erased type.
  private final Map<SymbolPair<MethodSymbol, Symbol.TypeSymbol>, Optional<BlockingCall>> verdicts = new HashMap<>();

  /** Verdicts of methods whose name no catalog entry has: they cannot depend on the receiver. */
  private final Map<MethodSymbol, Optional<BlockingCall>> byMethod = new HashMap<>();

  /**
   * The catalog entries each method name could match, by javac's name: asked for every call, and
   * a javac name is one object per compilation, while its string would be decoded every time.
   */
  private final Map<Name, List<BlockingApi>> candidatesByName = new HashMap<>();

  BlockingCallClassifier(Catalog catalog) {
    this.catalog = catalog;
  }

  /** This compilation's classifier for {@code catalog}, with the verdicts it has cached. */
  static BlockingCallClassifier of(Catalog catalog, VisitorState state) {
    BlockingCallClassifier known = PER_COMPILATION.ifLast(state.context);
    if (known == null) {
      known = PER_COMPILATION.get(state.context, c -> new BlockingCallClassifier(catalog));
    }
    if (known.catalog != catalog) {
      known = new BlockingCallClassifier(catalog);
      PER_COMPILATION.put(state.context, known);
    }
    return known;
  }

  Optional<BlockingCall> classify(Tree tree, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (!(symbol instanceof MethodSymbol method) || cannotBlock(method)) {
      return Optional.empty();
    }
    Type receiver = receiverType(tree, method);
    return classify(method, receiver, state)
        .filter(found -> !looksNothingUp(tree, method, receiver, state))
        .map(found -> new BlockingCall(
            found.category(), shown(tree, state), found.reason(), found.alternative(), List.of()));
  }

  /** A name lookup given a constant IP literal as its host ({@code InetAddress.getByName("10.0.0.1")}). */
  boolean looksNothingUp(Tree call, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    List<? extends ExpressionTree> arguments = call instanceof MethodInvocationTree invocation
        ? invocation.getArguments()
        : call instanceof NewClassTree creation ? creation.getArguments() : List.of();
    if (arguments.isEmpty()) {
      return false;
    }
    for (BlockingApi api : candidates(method)) {
      if (api.hostArgument() >= 0 && CatalogLookup.matches(api.method(), method, receiver, state)) {
        return api.skipsLookup(i -> i < arguments.size() ? ASTHelpers.constValue(arguments.get(i), String.class) : null);
      }
    }
    return false;
  }

  /** The catalog entry (or blocking annotation) that makes this method blocking, if any. */
  Optional<BlockingCall> classify(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (candidates(method).isEmpty()) {
      if (method.getRawAttributes().isEmpty()) {
        return Optional.empty(); // most calls: no catalog entry has this name, and no annotation
      }
      // Only the method's annotations can decide, and the receiver (whose erasure is the costly
      // part of the key) does not matter.
      Optional<BlockingCall> known = byMethod.get(method);
      if (known == null) {
        known = decide(method, receiver, state);
        byMethod.put(method, known);
      }
      return known;
    }
    SymbolPair<MethodSymbol, Symbol.TypeSymbol> key =
        new SymbolPair<>(method, receiver == null ? null : state.getTypes().erasure(receiver).tsym);
    Optional<BlockingCall> known = verdicts.get(key);
    if (known == null) {
      known = decide(method, receiver, state);
      verdicts.put(key, known);
    }
    return known;
  }

  /** Neither a catalog entry nor an annotation can make this method blocking: most calls, found with no type work. */
  boolean cannotBlock(MethodSymbol method) {
    return candidates(method).isEmpty() && method.getRawAttributes().isEmpty();
  }

  /** The catalog entries that could match a method of this name. */
  List<BlockingApi> candidates(MethodSymbol method) {
    Name name = method.getSimpleName();
    List<BlockingApi> known = candidatesByName.get(name);
    if (known == null) {
      known = catalog.blockingCandidates(name.toString());
      candidatesByName.put(name, known);
    }
    return known;
  }

  private Optional<BlockingCall> decide(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    String name = method.getSimpleName().toString();
    for (BlockingApi api : candidates(method)) {
      if (CatalogLookup.matches(api.method(), method, receiver, state) && !exempt(method, receiver, state)) {
        return Optional.of(new BlockingCall(
            api.category(), name, api.reason(), api.alternative(), List.of()));
      }
    }
    for (String annotation : catalog.blockingAnnotations()) {
      if (ASTHelpers.hasAnnotation(method, annotation, state)) {
        String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
        return Optional.of(new BlockingCall(
            Category.IO, name, "is annotated @" + simple + ", so it may block", "", List.of()));
      }
    }
    return Optional.empty();
  }

  private boolean exempt(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    for (NonBlockingApi api : catalog.nonBlockingApis()) {
      if (api.method().matchesName(method.getSimpleName().toString())
          && (CatalogLookup.isSubtype(receiver, api.method().owner(), state)
              || CatalogLookup.isSubtype(method.owner.type, api.method().owner(), state))) {
        return true;
      }
    }
    return false;
  }

  /** The static type the method is called on; the constructed type for constructors. */
  static @Nullable Type receiverType(Tree tree, MethodSymbol method) {
    if (method.isStatic()) {
      return null;
    }
    if (tree instanceof NewClassTree newClass) {
      return ASTHelpers.getType(newClass);
    }
    if (tree instanceof MethodInvocationTree invocation) {
      ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
      return receiver == null ? method.owner.type : ASTHelpers.getType(receiver);
    }
    if (tree instanceof MemberReferenceTree reference) {
      return ASTHelpers.getType(reference.getQualifierExpression());
    }
    return null;
  }

  static String shown(Tree tree, VisitorState state) {
    String source = state.getSourceForNode(tree);
    if (source == null) {
      source = tree.toString();
    }
    source = Messages.oneLine(source);
    return source.length() <= MAX_SHOWN ? source : source.substring(0, MAX_SHOWN - 3) + "...";
  }
}
