package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import javax.lang.model.type.TypeKind;

/**
 * Whether a call's result is something the call made, or a value it only hands back, read from
 * the declared signature. {@code UnawaitedFuture} and {@code UnsubscribedPublisher} judge only
 * what a call made: dropping {@code map.put(key, future)} drops the previous mapping, and dropping
 * {@code Objects.requireNonNull(flux)} drops the argument, made (or not) somewhere else.
 */
final class HandedBack {
  /** The call makes its result (or nothing here says otherwise): judge it. */
  static final int MADE = -2;
  /** A value the receiver holds ({@code Map.put}, {@code List.set}, {@code AtomicReference.getAndSet}). */
  static final int HELD = -1;

  private HandedBack() {}

  /**
   * {@link #MADE}, {@link #HELD}, or the index of the argument handed back: the declared result is
   * a type variable of the method that a parameter also has ({@code <T> T requireNonNull(T, String)}).
   * A result typed by a type variable of the receiver's class is a value that class holds, unless
   * the class is a functional interface ({@code Supplier.get}, {@code Function.apply},
   * {@code Callable.call}), whose call computes its result.
   */
  static int source(MethodSymbol method, VisitorState state) {
    Type result = method.getReturnType();
    if (result == null || result.getKind() != TypeKind.TYPEVAR) {
      return MADE;
    }
    Symbol declaredBy = result.tsym.owner;
    if (declaredBy == method) {
      List<Symbol.VarSymbol> parameters = method.getParameters();
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).type.tsym == result.tsym) {
          return i;
        }
      }
      return MADE;
    }
    if (!method.isStatic() && declaredBy instanceof Symbol.ClassSymbol owner
        && !state.getTypes().isFunctionalInterface(owner)) {
      return HELD;
    }
    return MADE;
  }
}
