package reactor;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Mono or Flux does nothing until it is subscribed: dropped as a statement, fired from
 * doOnNext, nested by map, or kept and never read, its work never happens. Returned, composed
 * with flatMap or subscribed, it runs.
 */
public class UnsubscribedMonos {
  interface Repository {
    Mono<Void> save(String item);

    Flux<String> findAll();
  }

  private final Repository repo;

  UnsubscribedMonos(Repository repo) {
    this.repo = repo;
  }

  void store(List<String> items) {
    // BUG: Diagnostic contains: UnsubscribedPublisher
    repo.save("one");
    repo.save("two").subscribe();
    Flux.fromIterable(items)
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .doOnNext(item -> repo.save(item))
        .subscribe();
    Flux.fromIterable(items)
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .doOnNext(repo::save)
        .subscribe();
    Flux.fromIterable(items)
        .concatMap(item -> repo.save(item).thenReturn(item))
        .subscribe();
    Flux.fromIterable(items)
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .map(item -> repo.save(item))
        .subscribe();
    // BUG: Diagnostic contains: UnsubscribedPublisher
    Mono<Void> later = repo.save("three");
    Mono<Void> kept = repo.save("four");
    kept.subscribe(done -> { }, Throwable::printStackTrace);
    // BUG: Diagnostic contains: UnawaitedFuture
    repo.save("five").toFuture();
    repo.save("six").toFuture().exceptionally(e -> null);
  }

  Mono<Void> storeLater(List<String> items) {
    return Flux.fromIterable(items).flatMap(repo::save).then();
  }

  Flux<Mono<Void>> nestedButReturned(List<String> items) {
    return Flux.fromIterable(items).map(repo::save);
  }
}
