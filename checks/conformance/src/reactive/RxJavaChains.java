package reactive;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** RxJava: observeOn/subscribeOn with io() move callbacks; computation() and timers do not. */
public class RxJavaChains extends ChannelInboundHandlerAdapter {
  private final CompletableFuture<Integer> pending = new CompletableFuture<>();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Observable.just(1, 2)
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .map(i -> i + pending.join())
        .subscribe(ctx::write);

    Observable.just(1, 2)
        .observeOn(Schedulers.io())
        .map(i -> i + pending.join())
        .subscribe(ctx::write);

    Single.fromCallable(() -> pending.join())
        .subscribeOn(Schedulers.io())
        .subscribe(value -> ctx.write(value));

    Observable.just(1, 2)
        .observeOn(Schedulers.computation())
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .map(i -> i + pending.join())
        .subscribe(ctx::write);
  }

  void ticker() {
    Observable.timer(1, TimeUnit.SECONDS)
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .map(i -> i + pending.join())
        .subscribe();
    Observable.timer(1, TimeUnit.SECONDS, Schedulers.io())
        .map(i -> i + pending.join())
        .subscribe();
  }
}
