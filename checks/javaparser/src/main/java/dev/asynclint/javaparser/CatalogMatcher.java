package dev.asynclint.javaparser;

import dev.asynclint.core.MethodPattern;
import java.util.Optional;

/**
 * Matches the catalog's {@link MethodPattern}s against resolved {@link Callable}s, with the same
 * meaning as the Error Prone engine's {@code CatalogLookup}: the method is declared in the owner
 * or a subtype, or it is called on a subtype of the owner that inherits it (so
 * {@code eventLoop.execute(...)} matches {@code EventLoopGroup#execute} though {@code execute} is
 * declared on {@code Executor}).
 */
final class CatalogMatcher {
  private final TypeHierarchy types;

  CatalogMatcher(TypeHierarchy types) {
    this.types = types;
  }

  TypeHierarchy types() {
    return types;
  }

  boolean matches(MethodPattern pattern, Callable callable) {
    return pattern.matchesName(callable.name())
        && matchesOwner(pattern, callable)
        && pattern.matchesParams(callable.erasedParams());
  }

  boolean matchesOwner(MethodPattern pattern, Callable callable) {
    if (pattern.ownerIsPackage()) {
      return pattern.packageContains(callable.declaringType());
    }
    if (types.isSubtype(callable.declaringType(), pattern.owner())) {
      return true;
    }
    if (callable.isStatic()) {
      return false;
    }
    Optional<String> receiver = callable.receiverType().get();
    return receiver.isPresent()
        && types.isSubtype(receiver.get(), pattern.owner())
        && types.isSubtype(TypeHierarchy.normalize(pattern.owner()), callable.declaringType());
  }

  /**
   * Whether a call on a receiver of class {@code receiver} can match the pattern's owner, before
   * it is resolved. The method it resolves to is declared in {@code receiver} or a supertype, so a
   * match ({@link #matchesOwner}) needs the receiver to be a subtype of the owner, or a supertype
   * to be in the owner package. {@code Object}'s methods count for every receiver: the solver
   * does not list {@code Object} among an interface's supertypes.
   */
  boolean mayMatchOwner(MethodPattern pattern, com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration receiver) {
    if (pattern.ownerIsPackage()) {
      for (String type : types.supertypes(receiver).keySet()) {
        if (pattern.packageContains(type)) {
          return true;
        }
      }
      return false;
    }
    String owner = TypeHierarchy.normalize(pattern.owner());
    return owner.equals("java.lang.Object") || types.isSubtype(receiver, owner);
  }

  /** Whether {@code a}'s owner is a proper subtype of {@code b}'s; a package owner is least specific. */
  boolean moreSpecific(MethodPattern a, MethodPattern b) {
    if (a.ownerIsPackage()) {
      return false;
    }
    if (b.ownerIsPackage()) {
      return true;
    }
    String ta = TypeHierarchy.normalize(a.owner());
    String tb = TypeHierarchy.normalize(b.owner());
    return !ta.equals(tb) && types.isSubtype(ta, tb);
  }
}
