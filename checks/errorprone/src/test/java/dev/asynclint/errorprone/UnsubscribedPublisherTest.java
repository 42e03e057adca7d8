package dev.asynclint.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnsubscribedPublisherTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnsubscribedPublisher.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnsubscribedPublisher.class, getClass());

  private static final String[] REPO = {
      "import reactor.core.publisher.Flux;",
      "import reactor.core.publisher.Mono;",
      "interface Repo {",
      "  Mono<Void> save(String s);",
      "  Flux<String> all();",
      "  @com.google.errorprone.annotations.CanIgnoreReturnValue Mono<Void> audit(String s);",
      "}"};

  @Test
  void reactorPublishersThatNobodySubscribes() {
    helper.addSourceLines("Repo.java", REPO)
        .addSourceLines("Service.java",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "class Service {",
        "  Repo repo;",
        "  Mono<Void> field;",
        "  void dropped(String s) {",
        "    // BUG: Diagnostic contains: `repo.save(s)` creates a `Mono` that is dropped here, so it is never subscribed and its work never happens. Fix: return it or compose it",
        "    repo.save(s);",
        "    // BUG: Diagnostic contains: creates a `Flux` that is dropped here",
        "    repo.all().map(String::trim);",
        "    repo.audit(s);",
        "  }",
        "  Flux<String> callbacks(Flux<String> names) {",
        "    return names",
        "        // BUG: Diagnostic contains: `repo.save(n)` creates a `Mono` inside the lambda passed to `doOnNext`, whose result is discarded",
        "        .doOnNext(n -> repo.save(n))",
        "        // BUG: Diagnostic contains: the method reference passed to `doOnNext` discards it",
        "        .doOnNext(repo::save);",
        "  }",
        "  void forEach(java.util.List<String> names) {",
        "    // BUG: Diagnostic contains: inside the lambda passed to `forEach`",
        "    names.forEach(n -> repo.save(n));",
        "  }",
        "  void subscribedButInnerDropped(Flux<String> names) {",
        "    // BUG: Diagnostic contains: flatMap to it before subscribing",
        "    names.subscribe(n -> repo.save(n));",
        "  }",
        "  void nested(Flux<String> names) {",
        "    // BUG: Diagnostic contains: `map` turns each item into a `Mono`, so this is a `Flux<Mono>` whose inner Monos nobody subscribes",
        "    names.map(n -> repo.save(n)).subscribe();",
        "    names.flatMap(n -> repo.save(n)).subscribe();",
        "    names.map(n -> repo.save(n)).flatMap(m -> m).subscribe();",
        "  }",
        "  void unusedLocal(String s) {",
        "    // BUG: Diagnostic contains: `saved` holds a `Mono` that is never read",
        "    Mono<Void> saved = repo.save(s);",
        "    Mono<Void> read = repo.save(s);",
        "    read.subscribe();",
        "    Mono<Void> unused = repo.save(s);",
        "  }",
        "  Mono<Void> fine(String s, Flux<String> names) {",
        "    field = repo.save(s);",
        "    repo.save(s).subscribe();",
        "    Mono.when(repo.save(s), repo.save(s + 1)).subscribe();",
        "    names.concatMap(n -> repo.save(n).thenReturn(n)).subscribe();",
        "    names.doOnNext(n -> System.out.println(n)).subscribe();",
        "    return repo.save(s).then(repo.save(s));",
        "  }",
        "}")
        .doTest();
  }

  /**
   * From r2dbc-postgresql ({@code Assert.requireNonNull(messages, "...")} as a statement): a null
   * check hands back the publisher it was given, made elsewhere; dropping its result drops nothing.
   */
  @Test
  void nullChecksReturnTheirArgumentAndCreateNothing() {
    helper.addSourceLines("Repo.java", REPO)
        .addSourceLines("Checks.java",
        "import java.util.Objects;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "class Checks {",
        "  static <T> T requireNonNull(T value, String message) { return Objects.requireNonNull(value, message); }",
        "  static <T> T build(Class<T> type) { return null; }",
        "  Repo repo;",
        "  Checks(Flux<String> messages, Mono<Void> done) {",
        "    requireNonNull(messages, \"messages must not be null\");",
        "    Objects.requireNonNull(done);",
        "    // From lettuce-core: put stores the Flux and hands back the previous one.",
        "    new java.util.HashMap<String, Flux<String>>().put(\"node\", repo.all());",
        "    // BUG: Diagnostic contains: creates a `Mono` that is dropped here",
        "    requireNonNull(repo.save(\"x\"), \"made here, so dropped here\");",
        "    // BUG: Diagnostic contains: creates a `Mono` that is dropped here",
        "    build(Mono.class);",
        "  }",
        "}")
        .doTest();
  }

  /**
   * From reactor-netty ({@code addHandlerFirst(...)}, {@code header(k, v)} on connections and
   * responses that implement {@code Publisher}): a fluent setter returning {@code this} creates
   * nothing; a method of the same type that makes a new publisher still counts.
   */
  @Test
  void fluentSettersReturningThisCreateNothing() {
    helper.addSourceLines("Outbound.java",
        "import org.reactivestreams.Publisher;",
        "import org.reactivestreams.Subscriber;",
        "import reactor.core.publisher.Mono;",
        "class Outbound implements Publisher<Void> {",
        "  boolean keepAlive;",
        "  Outbound keepAlive(boolean on) { keepAlive = on; return this; }",
        "  Outbound header(String k, String v) { if (k == null) { return this; } return (this); }",
        "  Outbound send(String body) { return new Outbound(); }",
        "  @Override public void subscribe(Subscriber<? super Void> s) { Mono.<Void>empty().subscribe(s); }",
        "  void respond() {",
        "    keepAlive(false);",
        "    header(\"a\", \"b\");",
        "    // BUG: Diagnostic contains: creates an `Outbound` that is dropped here",
        "    send(\"x\");",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void rxJavaAndMutiny() {
    helper.addSourceLines("Other.java",
        "import io.reactivex.rxjava3.core.Completable;",
        "import io.reactivex.rxjava3.core.Observable;",
        "import io.reactivex.rxjava3.core.Single;",
        "import io.smallrye.mutiny.Multi;",
        "import io.smallrye.mutiny.Uni;",
        "class Other {",
        "  Completable send(String s) { return Completable.complete(); }",
        "  Uni<Void> persist(String s) { return Uni.createFrom().voidItem(); }",
        "  void rx(Observable<String> names) {",
        "    // BUG: Diagnostic contains: creates a `Completable` that is dropped here, so it is never subscribed and its work never happens. Fix: return it or compose it into the chain (flatMap, andThen",
        "    send(\"a\");",
        "    // BUG: Diagnostic contains: inside the lambda passed to `doOnNext`",
        "    names.doOnNext(n -> send(n)).subscribe();",
        "    // BUG: Diagnostic contains: so this is an `Observable<Single>`",
        "    names.map(n -> Single.just(n)).subscribe();",
        "    names.flatMapCompletable(n -> send(n)).subscribe();",
        "    send(\"b\").subscribe();",
        "  }",
        "  Uni<Void> mutiny(Uni<String> name, Multi<String> names) {",
        "    // BUG: Diagnostic contains: creates a `Uni` that is dropped here, so it is never subscribed and its work never happens. Fix: return it or compose it into the pipeline (chain",
        "    persist(\"a\");",
        "    // BUG: Diagnostic contains: inside the lambda passed to `invoke`",
        "    name.onItem().invoke(n -> persist(n)).subscribe().with(x -> { });",
        "    // BUG: Diagnostic contains: so this is a `Uni<Uni>`",
        "    name.onItem().transform(n -> persist(n)).subscribe().with(x -> { });",
        "    persist(\"b\").subscribe().with(x -> { });",
        "    return name.onItem().transformToUni(n -> persist(n));",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void fixesMapToFlatMapWhenTheChainStillTypeChecks() {
    refactoring.addInputLines("Repo.java", REPO).expectUnchanged()
        .addInputLines("Service.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "import java.util.List;",
            "class Service {",
            "  Repo repo;",
            "  Mono<Void> saveAll(Flux<String> names) {",
            "    return names.map(n -> repo.save(n)).then();",
            "  }",
            "  Mono<Long> count(Flux<String> names) {",
            "    return names.map(n -> repo.save(n)).count();",
            "  }",
            "  Mono<List<Mono<Void>>> keepsTypesThatWouldBreak(Flux<String> names) {",
            "    return names.map(n -> repo.save(n)).collectList();",
            "  }",
            "}")
        .addOutputLines("Service.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "import java.util.List;",
            "class Service {",
            "  Repo repo;",
            "  Mono<Void> saveAll(Flux<String> names) {",
            "    return names.flatMap(n -> repo.save(n)).then();",
            "  }",
            "  Mono<Long> count(Flux<String> names) {",
            "    return names.flatMap(n -> repo.save(n)).count();",
            "  }",
            "  Mono<List<Mono<Void>>> keepsTypesThatWouldBreak(Flux<String> names) {",
            "    return names.map(n -> repo.save(n)).collectList();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixesRxAndMutinyNesting() {
    refactoring.addInputLines("Nest.java",
            "import io.reactivex.rxjava3.core.Completable;",
            "import io.reactivex.rxjava3.core.Observable;",
            "import io.reactivex.rxjava3.core.Single;",
            "import io.smallrye.mutiny.Uni;",
            "class Nest {",
            "  Completable send(String s) { return Completable.complete(); }",
            "  Uni<Void> persist(String s) { return Uni.createFrom().voidItem(); }",
            "  void rx(Observable<String> names, Single<String> one) {",
            "    names.map(n -> Single.just(n)).subscribe();",
            "    names.map(n -> send(n)).subscribe();",
            "    one.map(n -> send(n)).subscribe();",
            "  }",
            "  Uni<Void> mutiny(Uni<String> name) {",
            "    name.map(n -> persist(n)).replaceWithVoid().subscribe().asCompletionStage();",
            "    name.map(n -> persist(n)).replaceWithVoid().subscribe().with(x -> { });",
            "    return name.onItem().transform(n -> persist(n)).replaceWithVoid();",
            "  }",
            "}")
        .addOutputLines("Nest.java",
            "import io.reactivex.rxjava3.core.Completable;",
            "import io.reactivex.rxjava3.core.Observable;",
            "import io.reactivex.rxjava3.core.Single;",
            "import io.smallrye.mutiny.Uni;",
            "class Nest {",
            "  Completable send(String s) { return Completable.complete(); }",
            "  Uni<Void> persist(String s) { return Uni.createFrom().voidItem(); }",
            "  void rx(Observable<String> names, Single<String> one) {",
            "    names.flatMapSingle(n -> Single.just(n)).subscribe();",
            "    names.flatMapCompletable(n -> send(n)).subscribe();",
            "    one.flatMapCompletable(n -> send(n)).subscribe();",
            "  }",
            "  Uni<Void> mutiny(Uni<String> name) {",
            "    name.flatMap(n -> persist(n)).replaceWithVoid().subscribe().asCompletionStage();",
            "    name.map(n -> persist(n)).replaceWithVoid().subscribe().with(x -> { });",
            "    return name.onItem().transformToUni(n -> persist(n)).replaceWithVoid();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixesDoOnNextToAChainedSave() {
    refactoring.addInputLines("Repo.java", REPO).expectUnchanged()
        .addInputLines("Service.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Service {",
            "  Repo repo;",
            "  Flux<String> each(Flux<String> names) {",
            "    return names.doOnNext(n -> repo.save(n));",
            "  }",
            "  Mono<String> one(Mono<String> name) {",
            "    return name.doOnNext(n -> repo.save(n));",
            "  }",
            "  Flux<String> many(Flux<String> names) {",
            "    return names.doOnNext(n -> repo.all());",
            "  }",
            "}")
        .addOutputLines("Service.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Service {",
            "  Repo repo;",
            "  Flux<String> each(Flux<String> names) {",
            "    return names.concatMap(n -> repo.save(n).thenReturn(n));",
            "  }",
            "  Mono<String> one(Mono<String> name) {",
            "    return name.flatMap(n -> repo.save(n).thenReturn(n));",
            "  }",
            "  Flux<String> many(Flux<String> names) {",
            "    return names.concatMap(n -> repo.all().then().thenReturn(n));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mockitoStubbingAndVerificationAreNotCalls() {
    helper.addSourceLines("Repo.java", REPO)
        .addSourceLines("RepoTest.java",
        "import static org.mockito.Mockito.*;",
        "import reactor.core.publisher.Mono;",
        "class RepoTest {",
        "  void test(Repo repo) {",
        "    doReturn(Mono.empty()).when(repo).save(\"x\");",
        "    verify(repo).save(\"x\");",
        "    verify(repo, times(2)).save(anyString());",
        "    // BUG: Diagnostic contains: UnsubscribedPublisher",
        "    repo.save(\"y\");",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    helper.addSourceLines("Repo.java", REPO)
        .addSourceLines("Quiet.java",
        "class Quiet {",
        "  @SuppressWarnings(\"UnsubscribedPublisher\")",
        "  void warmUp(Repo repo) { repo.save(\"x\"); }",
        "}")
        .doTest();
  }
}
