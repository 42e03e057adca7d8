package dev.asynclint.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Types declared in the scanned sources, read from this thread's {@link ParsedTrees}, and asked
 * only for names that have a file of their own ({@code a/b/C.java} for {@code a.b.C} and
 * {@code a.b.C.Inner}, found as a member of {@code a.b.C}). JavaParser's own source solver
 * parses every file again (its trees are not the ones analysed) and answers a name it has no file
 * for (the resolver probes many: variable names, anonymous classes) by parsing every file of the
 * package; top-level types in a file of another name are the price of skipping that.
 */
final class SourceTypes implements TypeSolver {
  private final ScannedSources sources;
  private final ParsedTrees trees;
  private final Map<String, SymbolReference<ResolvedReferenceTypeDeclaration>> found = new HashMap<>();
  private TypeSolver parent;

  SourceTypes(ScannedSources sources, ParsedTrees trees) {
    this.sources = sources;
    this.trees = trees;
  }

  @Override
  public TypeSolver getParent() {
    return parent;
  }

  @Override
  public void setParent(TypeSolver parent) {
    this.parent = parent;
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
    SymbolReference<ResolvedReferenceTypeDeclaration> known = found.get(name);
    if (known == null) {
      known = solve(name);
      found.put(name, known);
    }
    return known;
  }

  private SymbolReference<ResolvedReferenceTypeDeclaration> solve(String name) {
    String topLevel = topLevelPrefix(name);
    if (topLevel == null) {
      return SymbolReference.unsolved();
    }
    SymbolReference<ResolvedReferenceTypeDeclaration> outer = topLevelType(topLevel);
    if (!outer.isSolved() || topLevel.length() == name.length()) {
      return outer;
    }
    // Nested types are found through their outer type.
    ResolvedReferenceTypeDeclaration current = outer.getCorrespondingDeclaration();
    for (String member : name.substring(topLevel.length() + 1).split("\\.")) {
      ResolvedReferenceTypeDeclaration next = null;
      try {
        for (ResolvedReferenceTypeDeclaration inner : current.internalTypes()) {
          if (inner.getName().equals(member)) {
            next = inner;
            break;
          }
        }
      } catch (RuntimeException e) {
        return SymbolReference.unsolved();
      }
      if (next == null) {
        return SymbolReference.unsolved();
      }
      current = next;
    }
    return SymbolReference.solved(current);
  }

  private SymbolReference<ResolvedReferenceTypeDeclaration> topLevelType(String qualifiedName) {
    Optional<Path> file = sources.fileOf(qualifiedName);
    Optional<CompilationUnit> unit = file.flatMap(trees::unit);
    if (unit.isEmpty()) {
      return SymbolReference.unsolved();
    }
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    for (TypeDeclaration<?> type : unit.get().getTypes()) {
      if (type.getNameAsString().equals(simple)) {
        return SymbolReference.solved(JavaParserFacade.get(this).getTypeDeclaration(type));
      }
    }
    return SymbolReference.unsolved();
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String name) {
    return tryToSolveType(name);
  }

  /** Whether a type of this qualified name may be declared in the scanned sources (by name alone). */
  boolean mayDeclare(String qualifiedName) {
    return topLevelPrefix(qualifiedName) != null;
  }

  /** The longest prefix of {@code name} that is a top-level type with a file of its own. */
  private String topLevelPrefix(String name) {
    String prefix = name;
    while (true) {
      if (sources.declaresTopLevel(prefix)) {
        return prefix;
      }
      int dot = prefix.lastIndexOf('.');
      if (dot < 0) {
        return null;
      }
      prefix = prefix.substring(0, dot);
    }
  }
}
