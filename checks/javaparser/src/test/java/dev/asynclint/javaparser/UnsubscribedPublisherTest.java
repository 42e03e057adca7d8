package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's UnsubscribedPublisher, with the Error Prone engine's words, per framework. */
class UnsubscribedPublisherTest {
  private static final String RULE = "UnsubscribedPublisher";

  @Test
  void reactorPublishersDroppedFiredOrNestedAreFound(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Orders.java",
        "import java.util.List;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "class Orders {",
        "  interface Repo { Mono<Void> save(String s); }",
        "  Repo repo;",
        "  void store(List<String> items) {",
        "    repo.save(\"a\");",
        "    Flux.fromIterable(items).doOnNext(n -> repo.save(n)).subscribe();",
        "    Flux.fromIterable(items).doOnNext(repo::save).subscribe();",
        "    Flux.fromIterable(items).map(n -> repo.save(n)).subscribe();",
        "    Mono<Void> later = repo.save(\"b\");",
        "  }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "8: `repo.save(\"a\")` creates a `Mono` that is dropped here, so it is never subscribed and its work never"
            + " happens. Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its"
            + " own, subscribe(...) with an error handler.",
        "9: `repo.save(n)` creates a `Mono` inside the lambda passed to `doOnNext`, whose result is discarded, so"
            + " it is never subscribed and its work never happens. Fix: chain it instead of firing it from a"
            + " side-effect callback: flatMap/concatMap(x -> save(x).thenReturn(x)) in Reactor,"
            + " concatMapSingle/flatMapCompletable in RxJava, call(x -> ...) in Mutiny.",
        "10: `repo::save` returns a `Mono`, but the method reference passed to `doOnNext` discards it, so it is"
            + " never subscribed and its work never happens. Fix: chain it instead of firing it from a side-effect"
            + " callback: flatMap/concatMap(x -> save(x).thenReturn(x)) in Reactor,"
            + " concatMapSingle/flatMapCompletable in RxJava, call(x -> ...) in Mutiny.",
        "11: `map` turns each item into a `Mono`, so this is a `Flux<Mono>` whose inner Monos nobody subscribes:"
            + " their work never happens. Fix: use `flatMap` (or `concatMap` to keep the order) instead of `map`.",
        "12: `later` holds a `Mono` that is never read, so it is never subscribed and its work never happens."
            + " Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its own,"
            + " subscribe(...) with an error handler.");
  }

  @Test
  void reactorPublishersSubscribedReturnedOrFlattenedAreFine(@TempDir Path dir) throws Exception {
    assertThat(new Sources(dir).add("Orders.java",
        "import java.util.List;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "class Orders {",
        "  interface Repo { Mono<Void> save(String s); }",
        "  Repo repo;",
        "  Mono<Void> store(List<String> items) {",
        "    repo.save(\"a\").subscribe();",
        "    Flux.fromIterable(items).concatMap(n -> repo.save(n).thenReturn(n)).subscribe();",
        "    Flux.fromIterable(items).map(n -> repo.save(n)).flatMap(m -> m).subscribe();",
        "    Mono<Void> kept = repo.save(\"b\");",
        "    kept.subscribe();",
        "    var unusedOnPurpose = repo.save(\"c\");",
        "    return Flux.fromIterable(items).flatMap(repo::save).then();",
        "  }",
        "  Flux<Mono<Void>> nested(List<String> items) { return Flux.fromIterable(items).map(repo::save); }",
        "}").findings(RULE)).isEmpty();
  }

  @Test
  void rxJavaPublishersDroppedAreFoundAndSubscribedAreFine(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Mails.java",
        "import io.reactivex.rxjava3.core.Completable;",
        "import io.reactivex.rxjava3.core.Observable;",
        "import io.reactivex.rxjava3.core.Single;",
        "import java.util.List;",
        "class Mails {",
        "  interface Mailer { Completable send(String to); Single<Integer> count(String box); }",
        "  Mailer mailer;",
        "  void notify(List<String> people) {",
        "    mailer.send(\"ops\");",
        "    mailer.send(\"dev\").subscribe(() -> { }, Throwable::printStackTrace);",
        "    Observable.fromIterable(people).map(p -> mailer.count(p)).subscribe();",
        "    Observable.fromIterable(people).flatMapCompletable(p -> mailer.send(p)).subscribe();",
        "  }",
        "}").findings(RULE);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).startsWith("9: `mailer.send(\"ops\")` creates a `Completable` that is dropped here");
    assertThat(found.get(0)).endsWith("Fix: return it or compose it into the chain (flatMap, andThen, concatWith);"
        + " to fire it on its own, subscribe(onSuccess, onError).");
    assertThat(found.get(1)).startsWith("11: `map` turns each item into a `Single`, so this is an"
        + " `Observable<Single>` whose inner Singles nobody subscribes: their work never happens. Fix: use"
        + " `flatMapSingle`");
  }

  @Test
  void mutinyUnisDroppedAreFoundAndSubscribedAreFine(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Store.java",
        "import io.smallrye.mutiny.Uni;",
        "class Store {",
        "  interface Db { Uni<Void> persist(String s); }",
        "  Db db;",
        "  Uni<Void> save() {",
        "    db.persist(\"a\");",
        "    db.persist(\"b\").subscribe().with(x -> { });",
        "    Uni.createFrom().item(\"c\").onItem().transform(i -> db.persist(i)).subscribe().with(x -> { });",
        "    return Uni.createFrom().item(\"d\").chain(db::persist);",
        "  }",
        "}").findings(RULE);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).endsWith("Fix: return it or compose it into the pipeline (chain,"
        + " onItem().transformToUni(...)); to fire it on its own, subscribe().with(...).");
    assertThat(found.get(1)).startsWith("8: `transform` turns each item into a `Uni`, so this is a `Uni<Uni>`");
    assertThat(found.get(1)).contains("use `transformToUni`");
  }

  @Test
  void withoutTheFrameworksOnTheClasspathNothingIsGuessed(@TempDir Path dir) throws Exception {
    ScanResult result = new Sources(dir).withoutClasspath().add("Orders.java",
        "import reactor.core.publisher.Mono;",
        "class Orders {",
        "  interface Repo { Mono<Void> save(String s); }",
        "  Repo repo;",
        "  void store() { repo.save(\"a\"); Mono<Void> later = repo.save(\"b\"); }",
        "}").scan();
    assertThat(result.problems()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  /**
   * As the Error Prone engine (HandedBack, shared through checks/core), from r2dbc-postgresql's
   * {@code Assert.requireNonNull(messages, "...")} and lettuce-core's {@code put}: a null check
   * hands back the publisher it was given, made elsewhere, and a container's put the previous one.
   */
  @Test
  void nullChecksAndContainersHandBackPublishersTheyDidNotMake(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Checks.java",
        "import java.util.Objects;",
        "import java.util.function.Supplier;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.publisher.Mono;",
        "class Checks {",
        "  interface Repo { Mono<Void> save(String s); Flux<String> all(); }",
        "  static <T> T requireNonNull(T value, String message) { return Objects.requireNonNull(value, message); }",
        "  static <T> T build(Class<T> type) { return null; }",
        "  Repo repo;",
        "  Checks(Flux<String> messages, Mono<Void> done, Supplier<Mono<Void>> later) {",
        "    requireNonNull(messages, \"messages must not be null\");",
        "    Objects.requireNonNull(done);",
        "    new java.util.HashMap<String, Flux<String>>().put(\"node\", repo.all());",
        "    requireNonNull(repo.save(\"x\"), \"made here, so dropped here\");",
        "    build(Mono.class);",
        "    later.get();",
        "  }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "14: `requireNonNull(repo.save(\"x\"), \"made here, so dropped here\")` creates a `Mono` that is dropped here,"
            + " so it is never subscribed and its work never happens. Fix: return it or compose it into the chain"
            + " (flatMap, then, concatWith); to fire it on its own, subscribe(...) with an error handler.",
        "15: `build(Mono.class)` creates a `Mono` that is dropped here, so it is never subscribed and its work never"
            + " happens. Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its"
            + " own, subscribe(...) with an error handler.",
        "16: `later.get()` creates a `Mono` that is dropped here, so it is never subscribed and its work never"
            + " happens. Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its"
            + " own, subscribe(...) with an error handler.");
  }

  /**
   * As the Error Prone engine, from reactor-netty ({@code addHandlerFirst(...)}, {@code header(k, v)}
   * on connections and responses that implement {@code Publisher}): a fluent setter of the sources
   * whose every return is {@code this} creates nothing; a method of the same type that makes a new
   * publisher, or returns {@code this} on one path only, still counts.
   */
  @Test
  void fluentSettersReturningThisCreateNothing(@TempDir Path dir) throws Exception {
    List<String> found = new Sources(dir).add("Outbound.java",
        "import org.reactivestreams.Publisher;",
        "import org.reactivestreams.Subscriber;",
        "import reactor.core.publisher.Mono;",
        "class Outbound implements Publisher<Void> {",
        "  boolean keepAlive;",
        "  Outbound keepAlive(boolean on) { keepAlive = on; return this; }",
        "  Outbound header(String k, String v) { if (k == null) { return this; } return (this); }",
        "  Outbound send(String body) { return new Outbound(); }",
        "  Outbound maybe(String body) { if (body == null) { return this; } return send(body); }",
        "  Outbound later() { Runnable r = () -> { return; }; java.util.function.Supplier<Outbound> s = () -> { return this; }; return new Outbound(); }",
        "  @Override public void subscribe(Subscriber<? super Void> s) { Mono.<Void>empty().subscribe(s); }",
        "  void respond(Outbound other) {",
        "    keepAlive(false);",
        "    header(\"a\", \"b\");",
        "    other.header(\"c\", \"d\").keepAlive(true);",
        "    send(\"x\");",
        "    maybe(\"y\");",
        "    later();",
        "  }",
        "}").findings(RULE);
    assertThat(found).containsExactly(
        "16: `send(\"x\")` creates an `Outbound` that is dropped here, so it is never subscribed and its work never"
            + " happens. Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its"
            + " own, subscribe(...) with an error handler.",
        "17: `maybe(\"y\")` creates an `Outbound` that is dropped here, so it is never subscribed and its work never"
            + " happens. Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its"
            + " own, subscribe(...) with an error handler.",
        "18: `later()` creates an `Outbound` that is dropped here, so it is never subscribed and its work never"
            + " happens. Fix: return it or compose it into the chain (flatMap, then, concatWith); to fire it on its"
            + " own, subscribe(...) with an error handler.");
  }
}
