package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.MethodUsage;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeHierarchy#methods} lists a type's methods of one name without the solver's {@code
 * getAllMethods()}: it must list what that does, overrides and generic supertypes included.
 */
class TypeHierarchyTest {
  private static final String SOURCE = String.join("\n",
      "import java.util.concurrent.*;",
      "interface Store<T> { T load(String id); void save(T value); default void save(T value, int copies) {} }",
      "abstract class Base<T> implements Store<T> { public void save(T value) {} abstract Object extra(T value); }",
      "class UserStore extends Base<String> {",
      "  public String load(String id) { return id; }",
      "  public void save(String value) {}",
      "  String extra(String value) { return value; }",
      "  void save(String value, String more) {}",
      "}",
      "abstract class Queue2 extends LinkedBlockingQueue<String> implements Comparable<Queue2> {",
      "  public String take() { return null; }",
      "}",
      "enum Level { LOW, HIGH; Level next() { return HIGH; } }");

  private final CombinedTypeSolver solver = jarsAndJdk();

  /** The JDK by reflection and the frameworks' jars by Javassist: both ways the solver reads classes. */
  private static CombinedTypeSolver jarsAndJdk() {
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    for (java.nio.file.Path jar : Corpus.frameworkClasspath()) {
      try {
        solver.add(new com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver(jar));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return solver;
  }
  private final CompilationUnit unit = new JavaParser(new ParserConfiguration().setLanguageLevel(FileAnalyzer.LANGUAGE_LEVEL)
      .setSymbolResolver(new JavaSymbolSolver(solver))).parse(SOURCE).getResult().orElseThrow();

  @Test
  void methodsOfANameAreWhatTheSolverListsOfThatName() {
    TypeHierarchy types = new TypeHierarchy(solver);
    List<ResolvedReferenceTypeDeclaration> checked = new ArrayList<>();
    for (TypeDeclaration<?> type : unit.getTypes()) {
      checked.add(type.resolve());
    }
    for (String name : List.of("java.util.concurrent.LinkedBlockingQueue", "java.util.HashMap",
        "java.util.concurrent.CompletableFuture", "java.lang.String", "java.util.concurrent.TimeUnit",
        "io.vertx.core.http.HttpServerRequest", "io.vertx.core.impl.ContextInternal",
        "io.netty.channel.DefaultChannelPipeline", "io.netty.util.concurrent.DefaultPromise")) {
      checked.add(solver.solveType(name));
    }
    int compared = 0;
    for (ResolvedReferenceTypeDeclaration type : checked) {
      Set<MethodUsage> all = type.getAllMethods();
      for (MethodUsage usage : all) {
        String name = usage.getName();
        int arity = usage.getDeclaration().getNumberOfParams();
        Set<String> expected = new TreeSet<>();
        for (MethodUsage other : all) {
          int params = other.getDeclaration().getNumberOfParams();
          if (other.getName().equals(name)
              && (params == arity || (other.getDeclaration().hasVariadicParameter() && arity >= params - 1))) {
            expected.add(other.getDeclaration().getQualifiedSignature());
          }
        }
        assertWithMessage(type.getQualifiedName() + "#" + name + "/" + arity)
            .that(signatures(types.methods(type, name, arity))).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void anOverrideHidesWhatItOverridesAndACovariantOneDoesNot() {
    TypeHierarchy types = new TypeHierarchy(solver);
    ResolvedReferenceTypeDeclaration store = unit.getClassByName("UserStore").orElseThrow().resolve();
    assertThat(signatures(types.methods(store, "save", 1))).containsExactly("UserStore.save(java.lang.String)");
    assertThat(signatures(types.methods(store, "save", 2)))
        .containsExactly("UserStore.save(java.lang.String, java.lang.String)", "Store.save(T, int)");
    // String load(String) over T load(String): the solver keeps both (their return types differ).
    assertThat(signatures(types.methods(store, "load", 1)))
        .containsExactly("UserStore.load(java.lang.String)", "Store.load(java.lang.String)");
  }

  private static Set<String> signatures(List<ResolvedMethodDeclaration> methods) {
    Set<String> out = new TreeSet<>();
    for (ResolvedMethodDeclaration method : methods) {
      out.add(method.getQualifiedSignature());
    }
    return out;
  }

  @Test
  void returnTypesAndOverrideFilteringAreWorkedOutOncePerMethodAndList() {
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    TypeHierarchy hierarchy = new TypeHierarchy(solver);
    ResolvedReferenceTypeDeclaration builder = hierarchy.solve("java.lang.StringBuilder").orElseThrow();
    List<ResolvedMethodDeclaration> appends = hierarchy.methods(builder, "append", 1);
    var receiver = new com.github.javaparser.resolution.model.typesystem.ReferenceTypeImpl(builder);
    int[] computed = {0};
    for (int i = 0; i < 3; i++) {
      hierarchy.returnedBy(appends.get(0), receiver, (method, seenFrom) -> {
        computed[0]++;
        return java.util.Optional.of(method.getReturnType());
      });
    }
    assertThat(computed[0]).isEqualTo(1);

    int[] filtered = {0};
    java.util.function.UnaryOperator<List<ResolvedMethodDeclaration>> counting = list -> {
      filtered[0]++;
      return list;
    };
    hierarchy.withoutOverridden(appends, counting);
    hierarchy.withoutOverridden(appends, counting);
    assertThat(filtered[0]).isEqualTo(1);
    // A list the caller made (filtered further) is not kept: it would only grow the memo.
    hierarchy.withoutOverridden(new ArrayList<>(appends), counting);
    hierarchy.withoutOverridden(new ArrayList<>(appends), counting);
    assertThat(filtered[0]).isEqualTo(3);
  }
}
