package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Shapes the chain reader must survive without an internal error: recursion between private
 * methods, conditionals, casts, generic helpers, method references, reassigned locals.
 */
class ReactiveOddShapesTest {
  private final CompilationTestHelper sleep =
      CompilationTestHelper.newInstance(SleepInEventLoop.class, getClass());

  @Test
  void oddShapes() {
    sleep.addSourceLines("Odd.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Odd {",
        "  private Mono<Integer> ping(int n) {",
        "    // BUG: Diagnostic contains: SleepInEventLoop",
        "    return n == 0 ? Mono.just(0) : pong(n - 1).map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  private Mono<Integer> pong(int n) {",
        "    return ping(n).flatMap(i -> ping(i));",
        "  }",
        "  <T> Mono<T> wrap(Mono<T> in) { return in.subscribeOn(Schedulers.boundedElastic()); }",
        "  Mono<Integer> viaGenericHelper() {",
        "    // BUG: Diagnostic contains: with no publishOn or subscribeOn",
        "    return wrap(Mono.fromCallable(() -> { LockSupport.parkNanos(1); return 1; }));",
        "  }",
        "  Flux<Integer> reassigned(Flux<Integer> in, boolean b) {",
        "    Flux<Integer> f = in;",
        "    if (b) { f = f.publishOn(Schedulers.boundedElastic()); }",
        "    // BUG: Diagnostic contains: SleepInEventLoop",
        "    return f.map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  Object cast(Flux<Integer> in) {",
        "    return (Object) ((Flux<Integer>) in.publishOn(Schedulers.boundedElastic()))",
        "        .map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  static Integer slow(Integer i) { LockSupport.parkNanos(1); return i; }",
        "  Flux<Integer> methodRef(Flux<Integer> in) {",
        "    // BUG: Diagnostic contains: `Odd::slow` reaches Odd.slow → LockSupport.parkNanos",
        "    return in.publishOn(Schedulers.parallel()).map(Odd::slow);",
        "  }",
        "  Flux<Integer> conditionalScheduler(Flux<Integer> in, boolean b) {",
        "    // BUG: Diagnostic contains: uses a scheduler async-lint cannot see",
        "    return in.publishOn(b ? Schedulers.parallel() : Schedulers.boundedElastic()).map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "}")
        .doTest();
  }
}
