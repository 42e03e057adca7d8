package dev.asynclint.javaparser;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import java.util.Set;

/**
 * Types declared in the scanned sources, resolved by JavaParser's {@code JavaParserTypeSolver} but
 * asked only for names that have a file of their own ({@code a/b/C.java} for {@code a.b.C} and
 * {@code a.b.C.Inner}). The plain solver answers a name it has no file for by parsing every file
 * of the package, which for the names the resolver probes meant parsing the code base again on
 * every thread; top-level types in a file of another name are the price of skipping that.
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
    return hasFile(name) ? files.tryToSolveType(name) : SymbolReference.unsolved();
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String name) {
    return hasFile(name) ? files.tryToSolveTypeInModule(module, name) : SymbolReference.unsolved();
  }

  private boolean hasFile(String name) {
    String prefix = name;
    while (true) {
      if (topLevelTypes.contains(prefix)) {
        return true;
      }
      int dot = prefix.lastIndexOf('.');
      if (dot < 0) {
        return false;
      }
      prefix = prefix.substring(0, dot);
    }
  }
}
