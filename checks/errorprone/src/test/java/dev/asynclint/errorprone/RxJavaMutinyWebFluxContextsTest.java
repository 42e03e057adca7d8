package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** RxJava 3, Mutiny and Spring WebFlux contexts, against the real jars. */
class RxJavaMutinyWebFluxContextsTest {
  private final CompilationTestHelper sleep =
      CompilationTestHelper.newInstance(SleepInEventLoop.class, getClass());
  private final CompilationTestHelper io =
      CompilationTestHelper.newInstance(BlockingIoInEventLoop.class, getClass());
  private final CompilationTestHelper waits =
      CompilationTestHelper.newInstance(BlockingWaitInEventLoop.class, getClass());

  @Test
  void rxObserveOnAndSubscribeOn() {
    sleep.addSourceLines("Rx.java",
        "import io.reactivex.rxjava3.core.Flowable;",
        "import io.reactivex.rxjava3.core.Observable;",
        "import io.reactivex.rxjava3.core.Single;",
        "import io.reactivex.rxjava3.schedulers.Schedulers;",
        "import java.util.concurrent.Executors;",
        "import java.util.concurrent.locks.LockSupport;",
        "class Rx {",
        "  Observable<Integer> onComputation() {",
        "    return Observable.range(1, 3).observeOn(Schedulers.computation())",
        "        // BUG: Diagnostic contains: inside `map` of an `Observable` that is observed on `Schedulers.computation()`, a non-blocking scheduler whose threads must never block. Fix: delay without holding a thread: delay(...) or Observable.timer",
        "        .map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  Single<Integer> onIo() {",
        "    return Single.fromCallable(() -> { LockSupport.parkNanos(1); return 1; })",
        "        .subscribeOn(Schedulers.io());",
        "  }",
        "  Flowable<Integer> onOwnPool() {",
        "    return Flowable.range(1, 3)",
        "        .observeOn(Schedulers.from(Executors.newFixedThreadPool(2)))",
        "        .map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "  Observable<Long> ticks() {",
        "    // BUG: Diagnostic contains: that emits on `Schedulers.computation()` (the default of `interval`)",
        "    return Observable.interval(1, java.util.concurrent.TimeUnit.SECONDS).doOnNext(i -> LockSupport.parkNanos(1));",
        "  }",
        "  Observable<Long> ticksOnIo() {",
        "    return Observable.interval(1, java.util.concurrent.TimeUnit.SECONDS, Schedulers.io())",
        "        .doOnNext(i -> LockSupport.parkNanos(1));",
        "  }",
        "  Single<Integer> noScheduler(Single<Integer> in) {",
        "    // BUG: Diagnostic contains: inside `map` of a `Single` with no observeOn or subscribeOn",
        "    return in.map(i -> { LockSupport.parkNanos(1); return i; });",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void mutinyEmitOnAndRunSubscriptionOn() {
    io.addSourceLines("Mut.java",
        "import io.smallrye.mutiny.Multi;",
        "import io.smallrye.mutiny.Uni;",
        "import io.smallrye.mutiny.infrastructure.Infrastructure;",
        "import java.io.File;",
        "import java.util.concurrent.ExecutorService;",
        "import java.util.concurrent.Executors;",
        "class Mut {",
        "  private final ExecutorService pool = Executors.newFixedThreadPool(4);",
        "  Uni<Boolean> onWorkers() {",
        "    return Uni.createFrom().item(() -> new File(\"a\").exists())",
        "        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());",
        "  }",
        "  Uni<Boolean> emittedOnOwnPool(Uni<String> name) {",
        "    return name.emitOn(pool).onItem().transform(n -> new File(n).exists());",
        "  }",
        "  Uni<Boolean> noScheduler(Uni<String> name) {",
        "    // BUG: Diagnostic contains: inside `onItem().transform` of a `Uni` with no emitOn or runSubscriptionOn, so it runs on the thread that subscribes to it; it is returned from `noScheduler`, so a caller might still move it with emitOn or runSubscriptionOn — under WebFlux, Vert.x or Quarkus that thread is an event loop. Fix: wrap it in Uni.createFrom().item(() -> ...).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())",
        "    return name.onItem().transform(n -> new File(n).exists());",
        "  }",
        "  Multi<Boolean> multi(Multi<String> names) {",
        "    // BUG: Diagnostic contains: inside `map` of a `Multi`",
        "    return names.map(n -> new File(n).exists());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void mutinyInsideAVertxHandlerIsOnTheEventLoop() {
    io.addSourceLines("Routes.java",
        "import io.smallrye.mutiny.Uni;",
        "import io.vertx.ext.web.Router;",
        "import java.io.File;",
        "class Routes {",
        "  void mount(Router router, Uni<String> name) {",
        "    router.get(\"/\").handler(ctx -> name",
        "        // BUG: Diagnostic contains: it is built inside the lambda passed to `Route.handler`, which runs on the Vert.x event loop",
        "        .onItem().transform(n -> new File(n).exists())",
        "        .subscribe().with(b -> ctx.end(String.valueOf(b))));",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void webFluxControllersReturningPublishers() {
    io.addSourceLines("UserController.java",
        "import java.io.File;",
        "import org.springframework.web.bind.annotation.GetMapping;",
        "import org.springframework.web.bind.annotation.RestController;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "@RestController",
        "class UserController {",
        "  @GetMapping(\"/users\")",
        "  Flux<Boolean> users() {",
        "    // BUG: Diagnostic contains: inside `map` of a `Flux` with no publishOn or subscribeOn, so it runs where it is subscribed; it is returned inside `users` of `UserController` (a Spring WebFlux handler returning `Flux`), which WebFlux calls on the Netty event loop and subscribes to there. Fix: wrap it in Mono.fromCallable",
        "    return Flux.just(\"a\").map(n -> new File(n).exists());",
        "  }",
        "  @GetMapping(\"/direct\")",
        "  Mono<Boolean> direct() {",
        "    // BUG: Diagnostic contains: inside `direct` of `UserController` (a Spring WebFlux handler returning `Mono`)",
        "    boolean exists = new File(\"a\").exists();",
        "    return Mono.just(exists);",
        "  }",
        "  @GetMapping(\"/offloaded\")",
        "  Mono<Boolean> offloaded() {",
        "    return Mono.fromCallable(() -> new File(\"a\").exists()).subscribeOn(Schedulers.boundedElastic());",
        "  }",
        "  @GetMapping(\"/plain\")",
        "  String plain() { return String.valueOf(new File(\"a\").exists()); }",
        "  boolean notAHandler() { return new File(\"a\").exists(); }",
        "  @GetMapping(\"/via-helper\")",
        "  Flux<Boolean> viaHelper() { return names().subscribeOn(Schedulers.parallel()); }",
        "  Flux<Boolean> names() {",
        "    // BUG: Diagnostic contains: inside `map` of a `Flux` (returned from `names`) that is subscribed on `Schedulers.parallel()`",
        "    return Flux.just(\"a\").map(n -> new File(n).exists());",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void webFluxControllerWithRequestMapping() {
    sleep.addSourceLines("Legacy.java",
        "import java.util.concurrent.locks.LockSupport;",
        "import org.springframework.stereotype.Controller;",
        "import org.springframework.web.bind.annotation.RequestMapping;",
        "import org.springframework.web.bind.annotation.ResponseBody;",
        "import reactor.core.publisher.Mono;",
        "@Controller",
        "class Legacy {",
        "  @RequestMapping(\"/legacy\") @ResponseBody",
        "  Mono<String> legacy() {",
        "    // BUG: Diagnostic contains: inside `legacy` of `Legacy` (a Spring WebFlux handler returning `Mono`)",
        "    LockSupport.parkNanos(1);",
        "    return Mono.just(\"x\");",
        "  }",
        "}",
        "class NotAController {",
        "  @RequestMapping(\"/x\") Mono<String> x() { LockSupport.parkNanos(1); return Mono.just(\"x\"); }",
        "}")
        .doTest();
  }

  @Test
  void webClientResponsesArriveOnTheEventLoop() {
    io.addSourceLines("Client.java",
        "import java.io.File;",
        "import org.springframework.web.reactive.function.client.WebClient;",
        "import reactor.core.publisher.Mono;",
        "import reactor.core.scheduler.Schedulers;",
        "class Client {",
        "  public static void main(String[] args) {",
        "    WebClient client = WebClient.create(\"http://localhost\");",
        "    client.get().uri(\"/a\").retrieve().bodyToMono(String.class)",
        "        // BUG: Diagnostic contains: inside `map` of a `Mono` that emits on the thread `bodyToMono` emits on, the Netty event loop the HTTP response arrives on",
        "        .map(s -> new File(s).exists())",
        "        .subscribeOn(Schedulers.boundedElastic())",
        "        .subscribe();",
        "    client.get().uri(\"/b\").retrieve().bodyToMono(String.class)",
        "        .publishOn(Schedulers.boundedElastic())",
        "        .map(s -> new File(s).exists())",
        "        .subscribe();",
        "    client.get().uri(\"/c\").exchangeToMono(response -> {",
        "      // BUG: Diagnostic contains: inside the lambda passed to `RequestHeadersSpec.exchangeToMono`, which runs on the Netty event loop the HTTP response arrives on",
        "      boolean exists = new File(\"c\").exists();",
        "      return Mono.just(exists);",
        "    }).subscribe();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void webFluxRouterFunctions() {
    waits.addSourceLines("Router.java",
        "import java.util.concurrent.CompletableFuture;",
        "import org.springframework.web.reactive.function.server.RequestPredicates;",
        "import org.springframework.web.reactive.function.server.RouterFunction;",
        "import org.springframework.web.reactive.function.server.RouterFunctions;",
        "import org.springframework.web.reactive.function.server.ServerResponse;",
        "import reactor.core.publisher.Mono;",
        "class Router {",
        "  RouterFunction<ServerResponse> routes(CompletableFuture<String> pending) {",
        "    return RouterFunctions.route(RequestPredicates.GET(\"/a\"), request -> {",
        "      // BUG: Diagnostic contains: inside the lambda passed to `RouterFunctions.route`, which runs on the Netty event loop until it returns. Fix: return the publisher and compose it",
        "      String value = pending.join();",
        "      return ServerResponse.ok().bodyValue(value);",
        "    });",
        "  }",
        "  RouterFunction<ServerResponse> built(CompletableFuture<String> pending) {",
        "    return RouterFunctions.route()",
        "        // BUG: Diagnostic contains: BlockingWaitInEventLoop",
        "        .GET(\"/b\", request -> ServerResponse.ok().bodyValue(pending.join()))",
        "        .GET(\"/c\", request -> ServerResponse.ok().body(Mono.fromFuture(pending), String.class))",
        "        .build();",
        "  }",
        "}")
        .doTest();
  }
}
