package netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Waiting for a write on the loop that performs it deadlocks; a listener does not. */
public class SyncInHandler extends SimpleChannelInboundHandler<String> {
  @Override
  protected void channelRead0(ChannelHandlerContext ctx, String msg) throws Exception {
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    ctx.writeAndFlush(msg).sync();
    ctx.writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    ctx.channel().closeFuture().awaitUninterruptibly();
  }
}
