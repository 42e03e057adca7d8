package dev.asynclint.javaparser;

import com.github.javaparser.resolution.MethodUsage;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subtype questions by qualified name, answered from the symbol solver and memoised. One per
 * solver, so one per thread. Supertypes that cannot be found on the classpath are skipped, not
 * fatal: the answer is then "not a subtype", as for javac when a type is missing.
 */
final class TypeHierarchy {
  private final TypeSolver solver;
  private final Map<String, Optional<ResolvedReferenceTypeDeclaration>> solved = new HashMap<>();
  private final Map<String, Map<String, ResolvedReferenceTypeDeclaration>> ancestors = new HashMap<>();
  private final Map<String, Map<String, java.util.Set<Integer>>> declaredMethods = new HashMap<>();

  TypeHierarchy(TypeSolver solver) {
    this.solver = solver;
  }

  /** The catalog's spelling of a type: {@code a.b.Outer.Inner}, whatever the solver returns. */
  static String name(ResolvedReferenceTypeDeclaration type) {
    return type.getQualifiedName();
  }

  /** Catalog owners may use binary names ({@code Outer$Inner}); the solver uses dots. */
  static String normalize(String catalogName) {
    return catalogName.replace('$', '.');
  }

  Optional<ResolvedReferenceTypeDeclaration> solve(String qualifiedName) {
    String key = normalize(qualifiedName);
    Optional<ResolvedReferenceTypeDeclaration> known = solved.get(key);
    if (known != null) {
      return known;
    }
    Optional<ResolvedReferenceTypeDeclaration> result;
    try {
      SymbolReference<ResolvedReferenceTypeDeclaration> ref = solver.tryToSolveType(key);
      result = ref.isSolved() ? Optional.of(ref.getCorrespondingDeclaration()) : Optional.empty();
    } catch (RuntimeException | StackOverflowError e) {
      result = Optional.empty();
    }
    solved.put(key, result);
    return result;
  }

  /** Whether {@code type} is {@code owner} or one of its subtypes. */
  boolean isSubtype(String type, String owner) {
    String target = normalize(owner);
    if (type.equals(target)) {
      return true;
    }
    return solve(type).map(t -> supertypes(t).containsKey(target)).orElse(false);
  }

  boolean isSubtype(ResolvedReferenceTypeDeclaration type, String owner) {
    return supertypes(type).containsKey(normalize(owner));
  }

  /** The type itself and every supertype that can be found, nearest first, by qualified name. */
  Map<String, ResolvedReferenceTypeDeclaration> supertypes(ResolvedReferenceTypeDeclaration type) {
    String key = name(type);
    Map<String, ResolvedReferenceTypeDeclaration> known = ancestors.get(key);
    if (known != null) {
      return known;
    }
    Map<String, ResolvedReferenceTypeDeclaration> out = new LinkedHashMap<>();
    Deque<ResolvedReferenceTypeDeclaration> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      ResolvedReferenceTypeDeclaration next = queue.poll();
      String name;
      try {
        name = name(next);
      } catch (RuntimeException e) {
        continue;
      }
      if (out.putIfAbsent(name, next) != null) {
        continue;
      }
      Map<String, ResolvedReferenceTypeDeclaration> cached = name.equals(key) ? null : ancestors.get(name);
      if (cached != null) {
        cached.forEach(out::putIfAbsent);
        continue;
      }
      for (ResolvedReferenceTypeDeclaration parent : directSupertypes(next)) {
        queue.add(parent);
      }
    }
    ancestors.put(key, out);
    return out;
  }

  private final Map<Object, Map<String, Optional<com.github.javaparser.resolution.types.ResolvedType>>> returnTypes =
      new java.util.IdentityHashMap<>();

  /**
   * {@code compute(method, receiver)}, memoised per method (this hierarchy lists each method once)
   * and receiver type: a jar method's return type is read from its signature afresh on each ask,
   * and every dropped call asks it of each candidate.
   */
  Optional<com.github.javaparser.resolution.types.ResolvedType> returnedBy(
      com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration method,
      com.github.javaparser.resolution.types.ResolvedType receiver,
      java.util.function.BiFunction<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration,
          com.github.javaparser.resolution.types.ResolvedType, Optional<com.github.javaparser.resolution.types.ResolvedType>> compute) {
    String seenFrom;
    try {
      seenFrom = receiver.describe();
    } catch (RuntimeException | StackOverflowError e) {
      return compute.apply(method, receiver);
    }
    Map<String, Optional<com.github.javaparser.resolution.types.ResolvedType>> byReceiver =
        returnTypes.computeIfAbsent(method, m -> new HashMap<>());
    Optional<com.github.javaparser.resolution.types.ResolvedType> known = byReceiver.get(seenFrom);
    if (known == null) {
      known = compute.apply(method, receiver);
      byReceiver.put(seenFrom, known);
    }
    return known;
  }

  private final Map<List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>,
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> withoutOverridden =
      new java.util.IdentityHashMap<>();

  private final Map<List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>, Boolean> handedOut =
      new java.util.IdentityHashMap<>();

  /** {@code compute(candidates)}, memoised per list ({@link #methods} hands out one list per type, name and arity). */
  List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> withoutOverridden(
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> candidates,
      java.util.function.UnaryOperator<List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> compute) {
    List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> known = withoutOverridden.get(candidates);
    if (known == null) {
      known = compute.apply(candidates);
      if (handedOut.containsKey(candidates)) { // a list made by the caller is not kept
        withoutOverridden.put(candidates, known);
      }
    }
    return known;
  }

  private final Map<String, Boolean> knowsAllSupertypes = new HashMap<>();

  /**
   * Whether every supertype of the type can be read (none is missing from the classpath), so
   * that not finding a class among {@link #supertypes} means it is not one.
   */
  boolean knowsAllSupertypes(ResolvedReferenceTypeDeclaration type) {
    String key;
    try {
      key = name(type);
    } catch (RuntimeException e) {
      return false;
    }
    Boolean known = knowsAllSupertypes.get(key);
    if (known != null) {
      return known;
    }
    knowsAllSupertypes.put(key, false); // while this type's supertypes are read (a cyclic classpath stays false)
    boolean all = true;
    try {
      for (ResolvedReferenceType parent : type.getAncestors(false)) {
        Optional<ResolvedReferenceTypeDeclaration> declaration = parent.getTypeDeclaration();
        if (declaration.isEmpty() || !knowsAllSupertypes(declaration.get())) {
          all = false;
          break;
        }
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      all = false;
    }
    knowsAllSupertypes.put(key, all);
    return all;
  }

  /** Supertypes of a type known only by its direct supertypes (an anonymous class). */
  Map<String, ResolvedReferenceTypeDeclaration> supertypesOf(List<ResolvedReferenceTypeDeclaration> direct) {
    Map<String, ResolvedReferenceTypeDeclaration> out = new LinkedHashMap<>();
    for (ResolvedReferenceTypeDeclaration type : direct) {
      supertypes(type).forEach(out::putIfAbsent);
    }
    return out;
  }

  static List<ResolvedReferenceTypeDeclaration> directSupertypes(ResolvedReferenceTypeDeclaration type) {
    List<ResolvedReferenceTypeDeclaration> out = new ArrayList<>();
    List<ResolvedReferenceType> parents;
    try {
      parents = type.getAncestors(true);
    } catch (RuntimeException | StackOverflowError e) {
      return out;
    }
    for (ResolvedReferenceType parent : parents) {
      try {
        parent.getTypeDeclaration().ifPresent(out::add);
      } catch (RuntimeException e) {
        // a supertype missing from the classpath: skip it
      }
    }
    return out;
  }

  private final Map<String, List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> methodsByName =
      new HashMap<>();

  /**
   * The methods of {@code type}, declared or inherited, with this name that take {@code arity}
   * arguments (varargs included), memoised per type; empty when the solver cannot list them.
   */
  List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> methods(
      ResolvedReferenceTypeDeclaration type, String method, int arity) {
    String key;
    try {
      key = name(type) + "#" + method + "/" + arity;
    } catch (RuntimeException e) {
      return List.of();
    }
    return methodsByName.computeIfAbsent(key, k -> {
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> out = new ArrayList<>();
      try {
        for (var declaration : allMethods(type, method)) { // UNLISTED is empty too
          int params = declaration.getNumberOfParams();
          if (params == arity || (declaration.hasVariadicParameter() && arity >= params - 1)) {
            out.add(declaration);
          }
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return List.of();
      }
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> listed = List.copyOf(out);
      handedOut.put(listed, Boolean.TRUE);
      return listed;
    });
  }

  private final Map<String, List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> named =
      new HashMap<>();

  /** Every method of a type with this name, declared or inherited, any arity; empty when it cannot be listed. */
  List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> methodsNamed(
      ResolvedReferenceTypeDeclaration type, String method) {
    try {
      return allMethods(type, method);
    } catch (RuntimeException e) {
      return List.of();
    }
  }
  private final Map<String, List<ResolvedReferenceType>> allAncestors = new HashMap<>();

  /**
   * Every method of a type with this name, declared or inherited: what the solver's {@code
   * getAllMethods()} lists of that name, in the same order of precedence (declared first, then
   * each ancestor's methods whose signature, seen through the ancestor's type arguments, is not
   * listed yet), but built for one name. {@code getAllMethods()} builds a method usage with every
   * parameter type of every method of every ancestor, and a Vert.x interface has hundreds of
   * them: that was about 8 % of a scan. Empty when the solver cannot list them.
   */
  private List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> allMethods(
      ResolvedReferenceTypeDeclaration type, String method) {
    return named.computeIfAbsent(name(type) + "#" + method, k -> {
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> out = new ArrayList<>();
      java.util.Set<String> signatures = new java.util.HashSet<>();
      try {
        for (var declared : declaredMethods(type, method)) {
          out.add(declared);
          signatures.add(signature(new MethodUsage(declared), declared));
        }
        for (ResolvedReferenceType ancestor : allAncestors(type)) {
          Optional<ResolvedReferenceTypeDeclaration> declaration = ancestor.getTypeDeclaration();
          if (declaration.isEmpty()) {
            continue;
          }
          var typeArguments = ancestor.getTypeParametersMap();
          for (var inherited : declaredMethods(declaration.get(), method)) {
            MethodUsage seen = new MethodUsage(inherited);
            for (var argument : typeArguments) {
              seen = seen.replaceTypeParameter(argument.a, argument.b);
            }
            if (signatures.add(signature(seen, inherited))) {
              out.add(inherited);
            }
          }
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        return UNLISTED; // a type the solver cannot list: no candidates, so callers type the call in full
      }
      return List.copyOf(out);
    });
  }

  private final Map<String, Map<String, List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>>>
      declaredByName = new HashMap<>();

  /**
   * The methods a type itself declares with this name. The solver builds every declared method
   * afresh on each call, and a supertype is asked once per name looked up in its subtypes.
   */
  private List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> declaredMethods(
      ResolvedReferenceTypeDeclaration type, String method) {
    String key = name(type);
    Map<String, List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration>> byName =
        declaredByName.get(key);
    if (byName == null) {
      byName = new HashMap<>();
      for (var declared : type.getDeclaredMethods()) { // may throw: the caller lists nothing then
        byName.computeIfAbsent(declared.getName(), n -> new ArrayList<>()).add(declared);
      }
      declaredByName.put(key, byName);
    }
    return byName.getOrDefault(method, List.of());
  }

  static final int NOT_FUNCTIONAL = -1;
  static final int UNKNOWN_ARITY = -2;
  private final Map<String, Integer> functionalArity = new HashMap<>();

  /**
   * How many parameters the one abstract method of a functional interface takes; {@link
   * #NOT_FUNCTIONAL} for any other type, {@link #UNKNOWN_ARITY} when the solver cannot tell.
   */
  int functionalArity(ResolvedReferenceTypeDeclaration type) {
    String key;
    try {
      key = name(type);
    } catch (RuntimeException e) {
      return UNKNOWN_ARITY;
    }
    Integer known = functionalArity.get(key);
    if (known == null) {
      try {
        known = !type.isInterface() ? NOT_FUNCTIONAL
            : com.github.javaparser.resolution.logic.FunctionalInterfaceLogic.getFunctionalMethod(type)
                .map(MethodUsage::getNoParams).orElse(NOT_FUNCTIONAL);
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        known = UNKNOWN_ARITY;
      }
      functionalArity.put(key, known);
    }
    return known;
  }

  /** What {@link #allMethods} answers for a type the solver cannot list (by identity). */
  private static final List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> UNLISTED =
      java.util.Collections.unmodifiableList(new ArrayList<>());

  /**
   * Whether a type has a method of this name, declared or inherited, whatever its arity: empty
   * when the solver cannot list the type's methods.
   */
  Optional<Boolean> hasMethodNamed(ResolvedReferenceTypeDeclaration type, String method) {
    try {
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> all = allMethods(type, method);
      return all == UNLISTED ? Optional.empty() : Optional.of(!all.isEmpty());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Overrides are told apart as the solver tells them: signature and declared return type. */
  private static String signature(MethodUsage usage,
      com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration declaration) {
    return usage.getSignature() + " " + declaration.getReturnType().describe();
  }

  private List<ResolvedReferenceType> allAncestors(ResolvedReferenceTypeDeclaration type) {
    String key = name(type);
    List<ResolvedReferenceType> known = allAncestors.get(key);
    if (known == null) {
      known = type.getAllAncestors(); // may throw: the caller lists nothing then, as before
      allAncestors.put(key, known);
    }
    return known;
  }

  /** A type by a simple or qualified name as written at {@code from} (imports, nesting), if any. */
  Optional<ResolvedReferenceTypeDeclaration> typeNamed(com.github.javaparser.ast.Node from, String name) {
    try {
      var ref = com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFactory.getContext(from, solver)
          .solveType(name);
      return ref.isSolved() && ref.getCorrespondingDeclaration().isType()
          && ref.getCorrespondingDeclaration() instanceof ResolvedReferenceTypeDeclaration type
          ? Optional.of(type) : Optional.empty();
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Whether {@code type} itself declares a method of this name and arity (memoised per type). */
  boolean declares(ResolvedReferenceTypeDeclaration type, String method, int arity) {
    String key;
    try {
      key = name(type);
    } catch (RuntimeException e) {
      return false;
    }
    Map<String, java.util.Set<Integer>> methods = declaredMethods.computeIfAbsent(key, k -> {
      Map<String, java.util.Set<Integer>> out = new HashMap<>();
      try {
        for (var declared : type.getDeclaredMethods()) {
          out.computeIfAbsent(declared.getName(), n -> new java.util.HashSet<>()).add(declared.getNumberOfParams());
        }
      } catch (RuntimeException | StackOverflowError e) {
        // a type the solver cannot read: it declares nothing we can see
      }
      return out;
    });
    return methods.getOrDefault(method, java.util.Set.of()).contains(arity);
  }
}
