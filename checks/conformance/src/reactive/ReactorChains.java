package reactive;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Reactor operator callbacks run where the chain's schedulers put them, else where it is subscribed. */
public class ReactorChains extends ChannelInboundHandlerAdapter {
  private final CompletableFuture<Integer> pending = new CompletableFuture<>();
  private final Scheduler blocking = Schedulers.boundedElastic();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    // No scheduler: subscribed here, so it runs on the channel's event loop.
    Flux.just(1, 2)
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .map(i -> i + pending.join())
        .subscribe(ctx::write);

    // publishOn(boundedElastic()) moves everything after it.
    Flux.just(1, 2)
        .publishOn(Schedulers.boundedElastic())
        .map(i -> i + pending.join())
        .subscribe(ctx::write);

    // subscribeOn with a scheduler kept in a field moves the whole subscription.
    Mono.fromCallable(() -> pending.join())
        .subscribeOn(blocking)
        .subscribe(ctx::write);

    // parallel() threads must never block, wherever the chain is subscribed.
    Flux.just(1, 2)
        .publishOn(Schedulers.parallel())
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .map(i -> i + pending.join())
        .subscribe(ctx::write);

    // The nearest publishOn upstream wins.
    Flux.just(1, 2)
        .publishOn(Schedulers.parallel())
        .publishOn(Schedulers.boundedElastic())
        .map(i -> i + pending.join())
        .subscribe(ctx::write);

    // A chain split across locals is followed.
    Flux<Integer> numbers = Flux.just(1, 2).publishOn(Schedulers.boundedElastic());
    numbers.map(i -> i + pending.join()).subscribe(ctx::write);

    // A chain returned by a private method is read on at its callers.
    prices().subscribeOn(Schedulers.boundedElastic()).subscribe(ctx::write);
  }

  private Flux<Integer> prices() {
    return Flux.just(1, 2).map(i -> i + pending.join());
  }

  void ticker() {
    // A timer emits on parallel(): no blocking there either.
    Flux.interval(Duration.ofSeconds(1))
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .map(i -> i + pending.join())
        .subscribe();
    Flux.interval(Duration.ofSeconds(1), Schedulers.boundedElastic())
        .map(i -> i + pending.join())
        .subscribe();
  }
}
