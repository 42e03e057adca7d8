package dev.asynclint.core;

/**
 * Whether a call's result is something the call made, or a value it only hands back, read from
 * the method's declared signature. {@code UnawaitedFuture} and {@code UnsubscribedPublisher} judge
 * only what a call made: dropping {@code map.put(key, future)} drops the previous mapping, and
 * dropping {@code Objects.requireNonNull(flux)} drops the argument, made (or not) somewhere else.
 * Both engines decide with these rules; only the type questions stay in the engines:
 *
 * <ul>
 *   <li>a result typed by a type variable of the method that a parameter has exactly ({@code <T> T
 *       requireNonNull(T, String)}) is that argument;
 *   <li>a result typed by a type variable of the receiver's class ({@code V Map.put(K, V)}) is a
 *       value that object holds, unless the class is a functional interface ({@code Supplier.get},
 *       {@code Function.apply}, {@code Callable.call}), whose call computes its result, or the
 *       method is static;
 *   <li>anything else is made by the call.
 * </ul>
 */
public final class HandedBack {
  /** The call makes its result (or nothing here says otherwise): judge it. */
  public static final int MADE = -2;
  /** A value the receiver holds ({@code Map.put}, {@code List.set}, {@code AtomicReference.getAndSet}). */
  public static final int HELD = -1;

  private HandedBack() {}

  /** Who declares the type variable a method's declared result is, if it is one. */
  public enum ResultVariable {
    /** The result is not a type variable ({@code Mono<T>}, {@code String}, {@code T[]}). */
    NONE,
    /** A type variable of the method itself ({@code <T> T f(...)}). */
    METHOD,
    /** A type variable of a class or interface ({@code V} of {@code Map<K, V>}). */
    CLASS
  }

  /** The type questions an engine answers about the called method's declared signature. */
  public interface Signature {
    /** Who declares the result's type variable. */
    ResultVariable resultVariable();

    /** The index of the first parameter declared exactly as the result's type variable, or -1. */
    int parameterTypedAsResult();

    boolean isStatic();

    /** Whether the class that declares the result's type variable is a functional interface. */
    boolean declaredByFunctionalInterface();
  }

  /** {@link #MADE}, {@link #HELD}, or the index of the argument handed back. */
  public static int source(Signature method) {
    return switch (method.resultVariable()) {
      case NONE -> MADE;
      case METHOD -> {
        int parameter = method.parameterTypedAsResult();
        yield parameter >= 0 ? parameter : MADE;
      }
      case CLASS -> !method.isStatic() && !method.declaredByFunctionalInterface() ? HELD : MADE;
    };
  }
}
