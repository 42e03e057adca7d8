package rxjava;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.List;

/** observeOn(computation()) is meant for CPU work; with no scheduler the map runs on the loop. */
public class LoopsInOperators extends ChannelInboundHandlerAdapter {
  private final List<List<Integer>> batches;

  LoopsInOperators(List<List<Integer>> batches) {
    this.batches = batches;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Observable.fromIterable(batches).observeOn(Schedulers.computation())
        .map(batch -> { long s = 0; for (int x : batch) { s += score(x); } return s; })
        .subscribe(ctx::write);
    Observable.fromIterable(batches)
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
