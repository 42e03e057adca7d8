package dev.asynclint.errorprone;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each variable of one compilation unit is declared, assigned and read, so a reactive
 * chain split across locals, or a scheduler kept in a field, can be followed. Built once per
 * compilation unit (javac analyses one unit at a time on a thread).
 */
final class SourceIndex {
  /**
   * The index of the unit this thread analyses now. One entry per thread, because the index holds
   * the unit's trees: a weak map keyed by the unit would never let it go.
   */
  private static final ThreadLocal<SourceIndex> LAST = new ThreadLocal<>();

  private final CompilationUnitTree unit;

  private final Map<VarSymbol, TreePath> declarations = new HashMap<>();
  private final Map<VarSymbol, List<ExpressionTree>> assignedValues = new HashMap<>();
  private final Map<VarSymbol, List<TreePath>> reads = new HashMap<>();
  private final Map<MethodSymbol, List<TreePath>> calls = new HashMap<>();

  static SourceIndex of(CompilationUnitTree unit) {
    SourceIndex last = LAST.get();
    if (last != null && last.unit == unit) {
      return last;
    }
    SourceIndex index = new SourceIndex(unit);
    LAST.set(index);
    return index;
  }

  private SourceIndex(CompilationUnitTree unit) {
    this.unit = unit;
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol symbol) {
          declarations.put(symbol, getCurrentPath());
          if (tree.getInitializer() != null) {
            assignedValues.computeIfAbsent(symbol, s -> new ArrayList<>()).add(tree.getInitializer());
          }
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree.getVariable()) instanceof VarSymbol symbol) {
          assignedValues.computeIfAbsent(symbol, s -> new ArrayList<>()).add(tree.getExpression());
        }
        scan(tree.getExpression(), null);
        // The assigned variable itself is written, not read: do not scan it as a read.
        if (tree.getVariable() instanceof MemberSelectTree select) {
          scan(select.getExpression(), null);
        }
        return null;
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree.getVariable()) instanceof VarSymbol symbol) {
          assignedValues.computeIfAbsent(symbol, s -> new ArrayList<>()).add(tree.getExpression());
        }
        return super.visitCompoundAssignment(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) instanceof MethodSymbol symbol) {
          calls.computeIfAbsent(symbol, s -> new ArrayList<>()).add(getCurrentPath());
        }
        return super.visitMethodInvocation(tree, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        read(tree);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        read(tree);
        return super.visitMemberSelect(tree, unused);
      }

      private void read(ExpressionTree tree) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol symbol) {
          reads.computeIfAbsent(symbol, s -> new ArrayList<>()).add(getCurrentPath());
        }
      }
    }.scan(unit, null);
  }

  /** The declaration of a variable of this compilation unit, or null. */
  @Nullable TreePath declaration(Symbol symbol) {
    return declarations.get(symbol);
  }

  /**
   * The one value a variable ever holds, when it is declared in this unit and assigned exactly
   * once (at its declaration or in one assignment, e.g. in a constructor); else null.
   */
  @Nullable ExpressionTree onlyValue(Symbol symbol) {
    if (!(symbol instanceof VarSymbol) || !declarations.containsKey(symbol)) {
      return null;
    }
    List<ExpressionTree> values = assignedValues.getOrDefault(symbol, List.of());
    return values.size() == 1 ? values.get(0) : null;
  }

  /** Every call of the method in this compilation unit. */
  List<TreePath> calls(Symbol method) {
    return calls.getOrDefault(method, List.of());
  }

  /** Every place the variable is read (not written). */
  List<TreePath> reads(Symbol symbol) {
    return reads.getOrDefault(symbol, List.of());
  }
}
