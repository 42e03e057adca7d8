package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** A finding the user has judged and suppressed by its rule id. */
public class Suppressed extends ChannelInboundHandlerAdapter {
  @Override
  @SuppressWarnings("SleepInEventLoop")
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    Thread.sleep(1); // rate limit for a test double, accepted on purpose
    ctx.fireChannelRead(msg);
  }

  @Override
  @SuppressWarnings("SleepInEventLoop")
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    // Suppressing one rule leaves the others on.
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    ctx.channel().close().sync();
  }
}
