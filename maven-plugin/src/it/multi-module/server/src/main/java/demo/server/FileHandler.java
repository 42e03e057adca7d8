package demo.server;

import demo.api.Store;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.file.Files;
import java.nio.file.Path;

public class FileHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    String page = Files.readString(Path.of("index.html"));
    ctx.writeAndFlush(page + Store.class.getSimpleName());
  }
}
