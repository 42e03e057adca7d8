package demo;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Written after the baseline: its finding is new. */
public class NewHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    Thread.sleep(7);
    ctx.fireChannelRead(msg);
  }
}
