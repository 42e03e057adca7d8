package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;

/** addLast(ownGroup, handler) runs the handler on that group; an EventLoopGroup is still a loop. */
public class OwnGroupInitializer extends ChannelInitializer<SocketChannel> {
  private final EventExecutorGroup database = new DefaultEventExecutorGroup(4);
  private final EventLoopGroup loops = new NioEventLoopGroup(1);

  @Override
  protected void initChannel(SocketChannel channel) {
    channel.pipeline().addLast(database, new DatabaseHandler());
    channel.pipeline().addLast(loops, new AuditHandler());
  }

  static class AuditHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      // BUG: Diagnostic contains: SleepInEventLoop
      Thread.sleep(1);
      ctx.fireChannelRead(msg);
    }
  }
}
