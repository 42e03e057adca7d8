package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.sql.DriverManager;

/** Added with its own EventExecutorGroup in OwnGroupInitializer: it runs off the event loop. */
public class DatabaseHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    DriverManager.getConnection("jdbc:h2:mem:orders").close();
    ctx.fireChannelRead(msg);
  }
}
