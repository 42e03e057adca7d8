package dev.asynclint.javaparser;

import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A method or constructor a call resolved to, in the terms the catalog speaks: its name
 * ({@code <init>} for constructors), the qualified name of the type that declares it, its erased
 * parameter types, and the static type it is called on (computed only when a catalog entry needs
 * it, because that costs another resolution).
 */
record Callable(
    String name,
    String declaringType,
    String declaringSimpleName,
    boolean isStatic,
    boolean isConstructor,
    List<String> erasedParams,
    ResolvedMethodLikeDeclaration declaration,
    Supplier<Optional<String>> receiverType) {

  static final String CONSTRUCTOR = "<init>";

  static Callable of(ResolvedMethodLikeDeclaration declaration, boolean isStatic, boolean isConstructor,
      Supplier<Optional<String>> receiverType) {
    String declaring = TypeHierarchy.name(declaration.declaringType());
    return new Callable(
        isConstructor ? CONSTRUCTOR : declaration.getName(),
        declaring,
        declaration.declaringType().getName(),
        isStatic,
        isConstructor,
        erasedParams(declaration),
        declaration,
        memoize(receiverType));
  }

  private static List<String> erasedParams(ResolvedMethodLikeDeclaration declaration) {
    int count = declaration.getNumberOfParams();
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = erasure(declaration.getParam(i).getType());
    }
    return List.of(out);
  }

  /** The erased type as javac prints it: {@code java.lang.Object} for a type variable. */
  static String erasure(ResolvedType type) {
    try {
      if (type.isTypeVariable()) {
        var bounds = type.asTypeParameter().getBounds();
        return bounds.isEmpty() ? "java.lang.Object" : erasure(bounds.get(0).getType());
      }
      if (type.isArray()) {
        return erasure(type.asArrayType().getComponentType()) + "[]";
      }
      if (type.isReferenceType()) {
        return TypeHierarchy.name(type.asReferenceType().getTypeDeclaration().orElseThrow());
      }
      return type.erasure().describe();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  /** The parameter's type at {@code index} (the element type of a trailing varargs array), if known. */
  Optional<ResolvedType> paramType(int index) {
    try {
      int count = declaration.getNumberOfParams();
      if (index < 0 || index >= count) {
        return Optional.empty();
      }
      ResolvedType type = declaration.getParam(index).getType();
      if (index == count - 1 && declaration.getParam(index).isVariadic() && type.isArray()) {
        type = type.asArrayType().getComponentType();
      }
      return Optional.of(type);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  int paramCount() {
    return declaration.getNumberOfParams();
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;
      private boolean done;

      @Override
      public T get() {
        if (!done) {
          value = supplier.get();
          done = true;
        }
        return value;
      }
    };
  }
}
