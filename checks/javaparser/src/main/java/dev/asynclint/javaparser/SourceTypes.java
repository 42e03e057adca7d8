package dev.asynclint.javaparser;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import java.util.Set;

/**
 * Types declared in the scanned sources, resolved by JavaParser's {@code JavaParserTypeSolver} but
 * asked only for names that have a file of their own ({@code a/b/C.java} for {@code a.b.C} and
 * {@code a.b.C.Inner}, found as a member of {@code a.b.C}). The plain solver answers a name it
 * has no file for (and the resolver probes many: variable names, anonymous classes) by parsing
 * every file of the package, which meant parsing the code base again on every thread; top-level
 * types in a file of another name are the price of skipping that.
 */
final class SourceTypes implements TypeSolver {
  private final TypeSolver files;
  private final Set<String> topLevelTypes;
  private TypeSolver parent;

  SourceTypes(TypeSolver files, Set<String> topLevelTypes) {
    this.files = files;
    this.topLevelTypes = topLevelTypes;
  }

  @Override
  public TypeSolver getParent() {
    return parent;
  }

  @Override
  public void setParent(TypeSolver parent) {
    this.parent = parent;
    files.setParent(parent);
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
    String topLevel = topLevelPrefix(name);
    if (topLevel == null) {
      return SymbolReference.unsolved();
    }
    SymbolReference<ResolvedReferenceTypeDeclaration> outer = files.tryToSolveType(topLevel);
    if (!outer.isSolved() || topLevel.length() == name.length()) {
      return outer;
    }
    // Nested types are found through their outer type, never by the solver's directory scan.
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

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String name) {
    return tryToSolveType(name);
  }

  /** The longest prefix of {@code name} that is a top-level type with a file of its own. */
  private String topLevelPrefix(String name) {
    String prefix = name;
    while (true) {
      if (topLevelTypes.contains(prefix)) {
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
