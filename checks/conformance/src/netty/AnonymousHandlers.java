package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.sql.DriverManager;

/** initChannel runs on the event loop, and so does a handler declared as an anonymous class. */
public class AnonymousHandlers extends ChannelInitializer<SocketChannel> {
  @Override
  protected void initChannel(SocketChannel channel) throws Exception {
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    DriverManager.getConnection("jdbc:h2:mem:test").close();
    channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(1);
        ctx.fireChannelRead(msg);
      }
    });
  }
}
