package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.asynclint.core.MethodPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Matches the catalog's {@link MethodPattern}s against javac symbols and types. */
final class CatalogLookup {
  private CatalogLookup() {}

  /**
   * Whether a call of {@code method} on a receiver of {@code receiverType} (null for static calls
   * and constructors) is meant by {@code pattern}: the method is declared in the owner or a
   * subtype, or the receiver is a subtype of the owner and the owner inherits the method (so
   * {@code eventLoop.execute(...)} matches {@code EventLoopGroup#execute} though {@code execute}
   * is declared on {@code Executor}).
   */
  static boolean matches(
      MethodPattern pattern, MethodSymbol method, @Nullable Type receiverType, VisitorState state) {
    return pattern.matchesName(method.getSimpleName().toString())
        && matchesOwner(pattern, method, receiverType, state)
        && pattern.matchesParams(erasedParams(method, state));
  }

  static boolean matchesOwner(
      MethodPattern pattern, MethodSymbol method, @Nullable Type receiverType, VisitorState state) {
    Symbol declaring = method.owner;
    if (pattern.ownerIsPackage()) {
      return pattern.packageContains(declaring.getQualifiedName().toString());
    }
    Type owner = type(pattern.owner(), state);
    if (owner == null) {
      return false; // the owner is not on this compilation's classpath
    }
    Types types = state.getTypes();
    if (isSubtype(declaring.type, owner, state)) {
      return true;
    }
    return receiverType != null
        && !method.isStatic()
        && isSubtype(receiverType, owner, state)
        && owner.tsym.isSubClass(declaring, types);
  }

  /**
   * The type a catalog names. Catalog names are binary ({@code Outer$Inner}), so they are looked
   * up as written first: Error Prone's guess would read the package {@code libA} as a class.
   */
  static @Nullable Type type(String name, VisitorState state) {
    // Asked for every call the catalog might mean; a lookup by string costs a symbol-table search.
    Map<String, Optional<Type>> known = TYPES.ifLast(state.context);
    if (known == null) {
      known = TYPES.get(state.context, c -> new HashMap<>());
    }
    Optional<Type> type = known.get(name);
    if (type == null) {
      type = Optional.ofNullable(lookUp(name, state));
      known.put(name, type);
    }
    return type.orElse(null);
  }

  private static final PerCompilation<Map<String, Optional<Type>>> TYPES = new PerCompilation<>();

  private static @Nullable Type lookUp(String name, VisitorState state) {
    if (packageHasUpperCase(name)) {
      Symbol.ClassSymbol exact = state.getSymbolFromName(state.getName(name));
      if (exact != null) {
        return exact.type;
      }
    }
    return state.getTypeFromString(name);
  }

  private static boolean packageHasUpperCase(String name) {
    int lastDot = name.lastIndexOf('.');
    if (lastDot < 0 || name.indexOf('$') >= 0) {
      return false;
    }
    for (int i = 0; i < lastDot; i++) {
      if (Character.isUpperCase(name.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is {@code qualifiedName} or one of its subtypes (erasures compared). */
  static boolean isSubtype(@Nullable Type type, String qualifiedName, VisitorState state) {
    Type other = type(qualifiedName, state);
    return other != null && isSubtype(type, other, state);
  }

  /**
   * {@link #isSubtype(Type, Type, Types)}, remembered per pair of classes: the checks ask the same
   * few hundred questions (is this receiver a Netty future? a Vert.x handler?) for every call.
   */
  static boolean isSubtype(@Nullable Type a, Type b, VisitorState state) {
    if (a == null) {
      return false;
    }
    // The erasure of a class type depends on its class alone; arrays, type variables and
    // intersections are asked directly.
    if (!a.hasTag(com.sun.tools.javac.code.TypeTag.CLASS) || !b.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
      return isSubtype(a, b, state.getTypes());
    }
    Map<SymbolPair<Symbol.TypeSymbol, Symbol.TypeSymbol>, Boolean> known = SUBTYPES.ifLast(state.context);
    if (known == null) {
      known = SUBTYPES.get(state.context, c -> new HashMap<>());
    }
    SymbolPair<Symbol.TypeSymbol, Symbol.TypeSymbol> question = new SymbolPair<>(a.tsym, b.tsym); // sub, super
    Boolean answer = known.get(question);
    if (answer == null) {
      answer = isSubtype(a, b, state.getTypes());
      known.put(question, answer);
    }
    return answer;
  }

  private static final PerCompilation<Map<SymbolPair<Symbol.TypeSymbol, Symbol.TypeSymbol>, Boolean>> SUBTYPES = new PerCompilation<>();

  static boolean isSubtype(@Nullable Type a, Type b, Types types) {
    return a != null && types.isSubtype(types.erasure(a), types.erasure(b));
  }

  static List<String> erasedParams(MethodSymbol method, VisitorState state) {
    Types types = state.getTypes();
    List<String> out = new ArrayList<>(method.getParameters().size());
    for (Symbol.VarSymbol p : method.getParameters()) {
      // Varargs print as "T..." only sometimes (erasure can drop the flag): always write "T[]".
      out.add(types.erasure(p.type).toString().replace("...", "[]"));
    }
    return out;
  }

  /** How specific an owner is, to choose between an offload point and a callback on one call. */
  static boolean moreSpecific(MethodPattern a, MethodPattern b, VisitorState state) {
    if (a.ownerIsPackage()) {
      return false;
    }
    if (b.ownerIsPackage()) {
      return true;
    }
    Type ta = type(a.owner(), state);
    Type tb = type(b.owner(), state);
    if (ta == null || tb == null) {
      return false;
    }
    Types types = state.getTypes();
    return !types.isSameType(types.erasure(ta), types.erasure(tb)) && isSubtype(ta, tb, types);
  }
}
