package dev.asynclint.javaparser;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.asynclint.core.BlockingApi;
import dev.asynclint.core.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of the scanned sources' methods (and classes, for constructors) whose bodies may reach
 * a blocking API, worked out once per scan from the syntax trees alone, without the symbol solver.
 * A call whose name is not here cannot have a blocking summary, so it is never resolved for one:
 * resolving costs the solver milliseconds a call, and most calls in event-loop code and in the
 * helpers it calls are to methods that block nowhere.
 *
 * <p>Sound by construction, the way a name-level over-approximation is: a method is in when its
 * body (lambdas and local classes included) calls a name that the catalog, a library summary of
 * the classpath or a {@code @Blocking} annotation makes blocking, or the name of a method already
 * in (a fixpoint), or creates a class whose constructor is in; calls on a variable that holds a
 * lambda count when some lambda or method reference stored in a field may block. Overloads and
 * overrides share a name, so every method a call can dispatch to is covered. One approximation:
 * a constructor call counts as blocking only when its class's simple name is a catalog owner's (or
 * a scanned subclass of one); a library class extending a catalog class, created directly, is not
 * seen through helpers.
 */
final class MayBlockNames {
  /** What one declared method or constructor calls, by name only. */
  private record Body(String key, Set<String> names, Set<String> created, boolean callsStoredLambda) {}

  /** What one file contributes: its bodies, the lambdas stored in its fields, its class headers. */
  record FileFacts(List<Body> bodies, List<Body> storedLambdas, Map<String, Set<String>> supertypes,
      Set<String> propertyNames) {}

  private final Set<String> methods = new HashSet<>();
  private final Set<String> constructors = new HashSet<>();
  private boolean storedLambdasMayBlock;

  /** Reads one file's facts; an unparsable file contributes nothing (its calls are not followed). */
  static FileFacts read(String text, List<TransitiveSummaries.MethodProperty> properties) {
    JavaParser parser = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(FileAnalyzer.LANGUAGE_LEVEL)
        .setAttributeComments(false));
    ParseResult<CompilationUnit> parsed = parser.parse(text);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return new FileFacts(List.of(), List.of(), Map.of(), Set.of());
    }
    CompilationUnit unit = parsed.getResult().get();
    Set<String> lambdaHolders = new HashSet<>();
    List<Body> stored = new ArrayList<>();
    for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
      for (VariableDeclarator variable : field.getVariables()) {
        Expression init = variable.getInitializer().map(ReactiveChain::strip).orElse(null);
        if (init instanceof LambdaExpr || init instanceof MethodReferenceExpr) {
          lambdaHolders.add(variable.getNameAsString());
          stored.add(body("field " + variable.getNameAsString(), init, null));
        }
      }
    }
    List<Body> bodies = new ArrayList<>();
    Set<String> propertyNames = new HashSet<>();
    for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
      Node code = callable instanceof MethodDeclaration method ? method.getBody().orElse(null)
          : ((ConstructorDeclaration) callable).getBody();
      if (code == null) {
        continue;
      }
      String key = callable instanceof ConstructorDeclaration ? "new " + callable.getNameAsString() : callable.getNameAsString();
      bodies.add(body(key, code, lambdaHolders));
      for (TransitiveSummaries.MethodProperty property : properties) {
        try {
          if (property.test(callable) != null) {
            propertyNames.add(key);
          }
        } catch (RuntimeException e) {
          propertyNames.add(key); // cannot tell without the solver: keep it
        }
      }
    }
    Map<String, Set<String>> supertypes = new HashMap<>();
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      Set<String> names = supertypes.computeIfAbsent(type.getNameAsString(), n -> new HashSet<>());
      type.getExtendedTypes().forEach(t -> names.add(t.getNameAsString()));
    }
    return new FileFacts(bodies, stored, supertypes, propertyNames);
  }

  private static Body body(String key, Node code, Set<String> lambdaHolders) {
    Set<String> names = new HashSet<>();
    Set<String> created = new HashSet<>();
    boolean[] viaLambda = {false};
    if (code instanceof MethodReferenceExpr reference) {
      addReference(reference, names, created);
    }
    code.walk(node -> {
      if (node instanceof MethodCallExpr call) {
        names.add(call.getNameAsString());
        Node scope = call.getScope().orElse(null);
        String receiver = scope instanceof NameExpr name ? name.getNameAsString()
            : scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString() : null;
        if (receiver != null && lambdaHolders != null && lambdaHolders.contains(receiver)) {
          viaLambda[0] = true;
        }
      } else if (node instanceof ObjectCreationExpr creation) {
        created.add(creation.getType().getNameAsString());
      } else if (node instanceof MethodReferenceExpr reference && node != code) {
        addReference(reference, names, created);
      }
    });
    return new Body(key, names, created, viaLambda[0]);
  }

  private static void addReference(MethodReferenceExpr reference, Set<String> names, Set<String> created) {
    if (reference.getIdentifier().equals("new")) {
      if (reference.getScope().isTypeExpr() && reference.getScope().asTypeExpr().getType() instanceof ClassOrInterfaceType type) {
        created.add(type.getNameAsString());
      }
    } else {
      names.add(reference.getIdentifier());
    }
  }

  /** The fixpoint over every file's facts. */
  MayBlockNames(List<FileFacts> files, Catalog catalog, Set<String> blockingAnnotatedNames) {
    Set<String> catalogConstructors = new HashSet<>();
    boolean anyPackageConstructor = false;
    for (BlockingApi api : catalog.blockingCandidates(Callable.CONSTRUCTOR)) {
      if (api.method().ownerIsPackage()) {
        anyPackageConstructor = true;
      } else {
        String owner = TypeHierarchy.normalize(api.method().owner());
        catalogConstructors.add(owner.substring(owner.lastIndexOf('.') + 1));
      }
    }
    Map<String, Set<String>> supertypes = new HashMap<>();
    List<Body> bodies = new ArrayList<>();
    List<Body> stored = new ArrayList<>();
    for (FileFacts file : files) {
      bodies.addAll(file.bodies());
      stored.addAll(file.storedLambdas());
      file.supertypes().forEach((type, names) -> supertypes.computeIfAbsent(type, t -> new HashSet<>()).addAll(names));
      for (String name : file.propertyNames()) {
        (name.startsWith("new ") ? constructors : methods).add(name.startsWith("new ") ? name.substring(4) : name);
      }
    }
    Set<String> sourceClasses = supertypes.keySet();
    Map<String, Boolean> catalogName = new HashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Body body : stored) {
        if (!storedLambdasMayBlock && reaches(body, catalog, blockingAnnotatedNames, catalogName, catalogConstructors,
            anyPackageConstructor, supertypes, sourceClasses)) {
          storedLambdasMayBlock = true;
          changed = true;
        }
      }
      for (Body body : bodies) {
        boolean constructor = body.key().startsWith("new ");
        String name = constructor ? body.key().substring(4) : body.key();
        if ((constructor ? constructors : methods).contains(name)) {
          continue;
        }
        if (reaches(body, catalog, blockingAnnotatedNames, catalogName, catalogConstructors, anyPackageConstructor,
            supertypes, sourceClasses)) {
          (constructor ? constructors : methods).add(name);
          changed = true;
        }
      }
    }
  }

  private boolean reaches(Body body, Catalog catalog, Set<String> annotated, Map<String, Boolean> catalogName,
      Set<String> catalogConstructors, boolean anyPackageConstructor, Map<String, Set<String>> supertypes,
      Set<String> sourceClasses) {
    if (body.callsStoredLambda() && storedLambdasMayBlock) {
      return true;
    }
    for (String name : body.names()) {
      if (methods.contains(name) || annotated.contains(name)
          || catalogName.computeIfAbsent(name, n -> !catalog.blockingCandidates(n).isEmpty())) {
        return true;
      }
    }
    for (String type : body.created()) {
      if (createsBlocking(type, catalogConstructors, anyPackageConstructor, supertypes, sourceClasses, new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  private boolean createsBlocking(String type, Set<String> catalogConstructors, boolean anyPackageConstructor,
      Map<String, Set<String>> supertypes, Set<String> sourceClasses, Set<String> seen) {
    if (!seen.add(type)) {
      return false;
    }
    if (constructors.contains(type) || catalogConstructors.contains(type)
        || (anyPackageConstructor && !sourceClasses.contains(type))) {
      return true;
    }
    for (String supertype : supertypes.getOrDefault(type, Set.of())) {
      if (createsBlocking(supertype, catalogConstructors, anyPackageConstructor, supertypes, sourceClasses, seen)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a source method of this name may reach a blocking API (or a followed property). */
  boolean method(String name) {
    return methods.contains(name);
  }

  /** Whether a source constructor of this class (simple name) may reach one. */
  boolean constructor(String simpleName) {
    return constructors.contains(simpleName);
  }

  /** Whether some lambda or method reference stored in a field may reach one. */
  boolean storedLambdas() {
    return storedLambdasMayBlock;
  }

  int size() {
    return methods.size() + constructors.size();
  }
}
