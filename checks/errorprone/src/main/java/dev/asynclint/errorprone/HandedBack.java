package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import javax.lang.model.type.TypeKind;

/**
 * The javac answers to {@link dev.asynclint.core.HandedBack}'s questions: whether a call's result
 * is something the call made, or a value it only hands back ({@code map.put(key, future)} hands
 * back the previous mapping, {@code Objects.requireNonNull(flux)} its argument). The decision is
 * shared with the scanner.
 */
final class HandedBack {
  static final int MADE = dev.asynclint.core.HandedBack.MADE;
  static final int HELD = dev.asynclint.core.HandedBack.HELD;

  private HandedBack() {}

  /** {@link #MADE}, {@link #HELD}, or the index of the argument handed back. */
  static int source(MethodSymbol method, VisitorState state) {
    Type result = method.getReturnType();
    Symbol declaredBy = result == null || result.getKind() != TypeKind.TYPEVAR ? null : result.tsym.owner;
    return dev.asynclint.core.HandedBack.source(new dev.asynclint.core.HandedBack.Signature() {
      @Override
      public dev.asynclint.core.HandedBack.ResultVariable resultVariable() {
        if (declaredBy == null) {
          return dev.asynclint.core.HandedBack.ResultVariable.NONE;
        }
        return declaredBy == method ? dev.asynclint.core.HandedBack.ResultVariable.METHOD
            : declaredBy instanceof Symbol.ClassSymbol ? dev.asynclint.core.HandedBack.ResultVariable.CLASS
            : dev.asynclint.core.HandedBack.ResultVariable.NONE;
      }

      @Override
      public int parameterTypedAsResult() {
        List<Symbol.VarSymbol> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
          if (parameters.get(i).type.tsym == result.tsym) {
            return i;
          }
        }
        return -1;
      }

      @Override
      public boolean isStatic() {
        return method.isStatic();
      }

      @Override
      public boolean declaredByFunctionalInterface() {
        return state.getTypes().isFunctionalInterface((Symbol.TypeSymbol) declaredBy);
      }
    });
  }
}
