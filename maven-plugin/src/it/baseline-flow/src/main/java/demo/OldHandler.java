package demo;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Legacy code the team accepts for now: recorded in the baseline. */
public class OldHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    Thread.sleep(5);
    ctx.fireChannelRead(msg);
  }
}
