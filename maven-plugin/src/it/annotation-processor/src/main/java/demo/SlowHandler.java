package demo;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import lombok.Getter;
import lombok.RequiredArgsConstructor;

/** Compiles only with Lombok: getDelay() and the constructor are generated. */
@Getter
@RequiredArgsConstructor
public class SlowHandler extends ChannelInboundHandlerAdapter {
  private final long delay;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    Thread.sleep(getDelay());
    ctx.writeAndFlush(msg);
  }

  public static SlowHandler tenMillis() {
    return new SlowHandler(10);
  }
}
