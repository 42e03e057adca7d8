package reactor;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * An operator's callback runs where the chain's scheduler puts it: with no publishOn it runs
 * where the chain is subscribed (here the channel's event loop); parallel() is meant for CPU work
 * and boundedElastic() is off the loop.
 */
public class LoopsInOperators extends ChannelInboundHandlerAdapter {
  private final List<List<Integer>> batches;

  LoopsInOperators(List<List<Integer>> batches) {
    this.batches = batches;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Flux.fromIterable(batches).publishOn(Schedulers.parallel())
        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })
        .subscribe(ctx::write);
    Flux.fromIterable(batches).publishOn(Schedulers.boundedElastic())
        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })
        .subscribe(ctx::write);
    Flux.fromIterable(batches)
        .map(batch -> {
          long s = 0;
          // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
          for (int x : batch) { s += score(x); }
          return s;
        })
        .subscribe(ctx::write);
  }

  static long score(int x) {
    return (long) (Math.log1p(x) * 1e9); // real work per element: a transcendental function
  }
}
