package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** A handler method runs on the channel's event loop; a helper it calls is judged by its callers. */
public class SleepInChannelRead extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    // BUG: Diagnostic contains: SleepInEventLoop
    Thread.sleep(100);
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    // BUG: Diagnostic contains: SleepInEventLoop
    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(5);
  }

  /** Not a handler method: no context of its own (callers decide, through transitive summaries). */
  void backOff() throws InterruptedException {
    Thread.sleep(100);
  }
}
