package netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Netty code drops its own futures idiomatically (reported only with NettyFutures); a
 * CompletableFuture started from a handler and dropped loses its failure.
 */
public class DroppedFuturesInHandler extends ChannelInboundHandlerAdapter {
  private final ExecutorService audit;

  DroppedFuturesInHandler(ExecutorService audit) {
    this.audit = audit;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ctx.writeAndFlush(msg);
    ctx.writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    ctx.channel().closeFuture().addListener(f -> audit.shutdown());
    // BUG: Diagnostic contains: UnawaitedFuture
    CompletableFuture.runAsync(() -> record(msg), audit);
    CompletableFuture.runAsync(() -> record(msg), audit)
        .exceptionally(e -> { ctx.fireExceptionCaught(e); return null; });
  }

  static void record(Object msg) {
    System.out.println(msg);
  }
}
