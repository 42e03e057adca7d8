package plain;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Lock;

/**
 * A lambda given to an ordinary method (forEach) runs where its caller runs; a method reference
 * is judged by where it is passed.
 */
public class LambdasInsideHandlers extends ChannelInboundHandlerAdapter {
  private final Lock lock;
  private final ExecutorService blockingPool;

  LambdasInsideHandlers(Lock lock, ExecutorService blockingPool) {
    this.lock = lock;
    this.blockingPool = blockingPool;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    List.of(1, 2, 3).forEach(i -> {
      try {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(i);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    ctx.executor().execute(lock::lock);
    blockingPool.execute(lock::lock);
    ctx.fireChannelRead(msg);
  }
}
