package mutiny;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Mutiny's Uni and Multi are lazy: nothing runs until subscribe().with(...). */
public class UnsubscribedUnis {
  interface Store {
    Uni<Void> persist(String item);
  }

  private final Store store;

  UnsubscribedUnis(Store store) {
    this.store = store;
  }

  void save(List<String> items) {
    // BUG: Diagnostic contains: UnsubscribedPublisher
    store.persist("one");
    store.persist("two").subscribe().with(done -> { }, Throwable::printStackTrace);
    Multi.createFrom().iterable(items)
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .invoke(item -> store.persist(item))
        .subscribe().with(item -> { });
    Multi.createFrom().iterable(items)
        .onItem().transformToUniAndConcatenate(item -> store.persist(item))
        .subscribe().with(item -> { });
    Uni.createFrom().item("three")
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .onItem().transform(item -> store.persist(item))
        .subscribe().with(item -> { });
    // BUG: Diagnostic contains: UnsubscribedPublisher
    Uni<Void> pending = store.persist("four");
    // BUG: Diagnostic contains: UnawaitedFuture
    store.persist("five").subscribeAsCompletionStage();
  }

  Uni<Void> saveLater(String item) {
    return Uni.createFrom().item(item).chain(store::persist);
  }
}
