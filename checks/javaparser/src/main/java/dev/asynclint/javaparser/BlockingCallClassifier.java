package dev.asynclint.javaparser;

import dev.asynclint.core.BlockingCall;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.JavaToken;
import dev.asynclint.core.BlockingApi;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.NonBlockingApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a call, constructor call or method reference is a blocking API from the
 * catalog (or a method annotated {@code @Blocking}), as the Error Prone engine's classifier does.
 * Only calls whose name the catalog knows are resolved, which is what keeps the scanner fast.
 */
final class BlockingCallClassifier {
  private static final int MAX_SHOWN = 80;

  private final Catalog catalog;
  private final CatalogMatcher matcher;
  private final CallResolver calls;
  private final Set<String> blockingAnnotatedNames;
  private boolean byReceiver;
  /** By identity: a record's hash walks all its fields, and this is asked for every call. */
  private final Set<BlockingApi> notInThisFile = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * @param fileText the source, to skip entries for every method of a type ({@code Files#*})
   *     whose type is never named in it; null when calls of several files are classified
   * @param blockingAnnotatedNames names of methods the scanned sources declare {@code @Blocking}
   */
  BlockingCallClassifier(Catalog catalog, CatalogMatcher matcher, CallResolver calls,
      String fileText, Set<String> blockingAnnotatedNames) {
    this.catalog = catalog;
    this.matcher = matcher;
    this.calls = calls;
    this.blockingAnnotatedNames = blockingAnnotatedNames;
    for (BlockingApi api : fileText == null ? List.<BlockingApi>of() : catalog.blockingApis()) {
      if (api.method().names().contains("*") && !api.method().ownerIsPackage()) {
        String owner = TypeHierarchy.normalize(api.method().owner());
        if (!fileText.contains(owner.substring(owner.lastIndexOf('.') + 1))) {
          notInThisFile.add(api);
        }
      }
    }
  }

  /**
   * Resolves calls with {@link CallResolver#resolveByReceiver} where the catalog decides alone
   * (calls of {@code @Blocking} methods are still resolved in full: their annotations are read
   * from the declaration). For the transitive summaries, which keep only the words of a match.
   */
  BlockingCallClassifier resolvingByReceiver() {
    this.byReceiver = true;
    return this;
  }

  /** The value of the call's argument at {@code index} when it is a string literal, else null. */
  private static String literalArgument(Node call, int index) {
    com.github.javaparser.ast.NodeList<com.github.javaparser.ast.expr.Expression> arguments =
        call instanceof MethodCallExpr invocation ? invocation.getArguments()
            : call instanceof ObjectCreationExpr creation ? creation.getArguments() : null;
    return arguments != null && index < arguments.size()
        && arguments.get(index) instanceof com.github.javaparser.ast.expr.StringLiteralExpr literal
        ? literal.asString() : null;
  }

  static String calledName(Node call) {
    if (call instanceof MethodCallExpr invocation) {
      return invocation.getNameAsString();
    }
    if (call instanceof ObjectCreationExpr) {
      return Callable.CONSTRUCTOR;
    }
    if (call instanceof MethodReferenceExpr reference) {
      return reference.getIdentifier().equals("new") ? Callable.CONSTRUCTOR : reference.getIdentifier();
    }
    return "";
  }

  /** Whether the call's name alone could make it blocking: the cheap test before any resolution. */
  boolean mayBlock(Node call) {
    String name = calledName(call);
    return blockingAnnotatedNames.contains(name) || !candidates(name).isEmpty();
  }

  private List<BlockingApi> candidates(String name) {
    List<BlockingApi> candidates = new ArrayList<>();
    for (BlockingApi api : catalog.blockingCandidates(name)) {
      if (!notInThisFile.contains(api)) {
        candidates.add(api);
      }
    }
    return candidates;
  }

  Optional<BlockingCall> classify(Node call) {
    String name = calledName(call);
    List<BlockingApi> candidates = candidates(name);
    boolean annotated = blockingAnnotatedNames.contains(name);
    if (candidates.isEmpty() && !annotated) {
      return Optional.empty();
    }
    if (!annotated && call instanceof MethodCallExpr invocation && !mayMatchReceiver(invocation, candidates)) {
      return Optional.empty(); // map.put on a Map is no BlockingQueue#put: no need to resolve it
    }
    if (!annotated && calls.noCandidatePasses(call, callable -> matchesAny(candidates, callable))) {
      return Optional.empty(); // no overload of that name on the receiver is in the catalog
    }
    Optional<Callable> resolved = byReceiver && !annotated ? calls.resolveByReceiver(call) : calls.resolve(call);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    Callable callable = resolved.get();
    for (BlockingApi api : candidates) {
      if (matcher.matches(api.method(), callable) && !exempt(callable)) {
        if (api.skipsLookup(i -> literalArgument(call, i))) {
          return Optional.empty(); // a constant IP literal as the host: nothing is looked up
        }
        return Optional.of(new BlockingCall(
            api.category(), shown(call), api.reason(), api.alternative(), List.of()));
      }
    }
    if (annotated) {
      Optional<Node> declaration = callable.declaration().toAst();
      if (declaration.isPresent() && declaration.get() instanceof MethodDeclaration method) {
        for (String annotation : catalog.blockingAnnotations()) {
          if (Annotations.has(method, annotation)) {
            String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
            return Optional.of(new BlockingCall(
                Category.IO, shown(call), "is annotated @" + simple + ", so it may block", "", List.of()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean matchesAny(List<BlockingApi> candidates, Callable callable) {
    for (BlockingApi api : candidates) {
      if (matcher.matches(api.method(), callable)) {
        return true;
      }
    }
    return false;
  }

  /** False when the receiver's class is known and no candidate's owner can match it. */
  private boolean mayMatchReceiver(MethodCallExpr call, List<BlockingApi> candidates) {
    Optional<com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration> receiver =
        calls.receiverClass(call);
    if (receiver.isEmpty()) {
      return true;
    }
    for (BlockingApi api : candidates) {
      if (matcher.mayMatchOwner(api.method(), receiver.get())) {
        return true;
      }
    }
    return false;
  }

  private boolean exempt(Callable callable) {
    for (NonBlockingApi api : catalog.nonBlockingApis()) {
      if (!api.method().matchesName(callable.name())) {
        continue;
      }
      TypeHierarchy types = matcher.types();
      Optional<String> receiver = callable.isStatic() ? Optional.empty() : callable.receiverType().get();
      if ((receiver.isPresent() && types.isSubtype(receiver.get(), api.method().owner()))
          || types.isSubtype(callable.declaringType(), api.method().owner())) {
        return true;
      }
    }
    return false;
  }

  /** The call as written, on one line, cut at 80 characters, as the Error Prone engine shows it. */
  static String shown(Node call) {
    StringBuilder source = new StringBuilder();
    if (call.getTokenRange().isPresent()) {
      for (JavaToken token : call.getTokenRange().get()) {
        source.append(token.getText());
      }
    } else {
      source.append(call);
    }
    String text = source.toString().replaceAll("\\s+", " ");
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }
}
