package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources being compiled in this javac run. Error Prone runs with
 * {@code -XDcompilePolicy=simple}, so every unit is attributed before the first check runs and
 * facts that span files (how a verticle is deployed, which handler gets its own executor) can be
 * read from all of them.
 */
final class Compilation {
  private Compilation() {}

  /** Every compilation unit javac entered, in no particular order; at least the current one. */
  static List<CompilationUnitTree> units(VisitorState state) {
    Map<CompilationUnitTree, Boolean> seen = new IdentityHashMap<>();
    List<CompilationUnitTree> units = new ArrayList<>();
    try {
      for (Env<AttrContext> env : Enter.instance(state.context).getEnvs()) {
        if (env.toplevel != null && seen.put(env.toplevel, Boolean.TRUE) == null) {
          units.add(env.toplevel);
        }
      }
    } catch (RuntimeException e) {
      // javac internals differ between versions: fall back to the unit at hand.
      units.clear();
      seen.clear();
    }
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (seen.put(current, Boolean.TRUE) == null) {
      units.add(current);
    }
    return units;
  }
}
