package dev.asynclint.core;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.HandedBack.ResultVariable;
import org.junit.jupiter.api.Test;

/** The decision both engines share; each engine's tests check its answers on real signatures. */
class HandedBackTest {
  private record Signature(ResultVariable resultVariable, int parameterTypedAsResult, boolean isStatic,
      boolean declaredByFunctionalInterface) implements HandedBack.Signature {}

  @Test
  void aContainersValueIsHeldButAFunctionalInterfaceComputesItsResult() {
    // V Map.put(K, V), V AtomicReference.getAndSet(V)
    assertThat(HandedBack.source(new Signature(ResultVariable.CLASS, 1, false, false))).isEqualTo(HandedBack.HELD);
    // T Supplier.get(), R Function.apply(T)
    assertThat(HandedBack.source(new Signature(ResultVariable.CLASS, -1, false, true))).isEqualTo(HandedBack.MADE);
  }

  @Test
  void aMethodsTypeVariableSharedWithAParameterHandsBackThatArgument() {
    // <T> T requireNonNull(T obj, String message)
    assertThat(HandedBack.source(new Signature(ResultVariable.METHOD, 0, true, false))).isEqualTo(0);
    // <T> T build(Class<T> type): no parameter is a T, so the call makes it
    assertThat(HandedBack.source(new Signature(ResultVariable.METHOD, -1, true, false))).isEqualTo(HandedBack.MADE);
  }

  @Test
  void aResultThatIsNoTypeVariableIsMade() {
    // Mono<Void> save(String)
    assertThat(HandedBack.source(new Signature(ResultVariable.NONE, -1, false, false))).isEqualTo(HandedBack.MADE);
  }
}
