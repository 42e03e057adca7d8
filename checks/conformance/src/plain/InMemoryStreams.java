package plain;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileReader;
import java.io.StringReader;
import java.io.StringWriter;

/** Reading and writing memory is not I/O, even through java.io types; a FileReader is. */
public class InMemoryStreams extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    byte[] bytes = msg.toString().getBytes();
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    StringReader reader = new StringReader(out.toString());
    StringWriter writer = new StringWriter();
    reader.transferTo(writer);
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    try (FileReader file = new FileReader("/etc/motd")) {
      // BUG: Diagnostic contains: BlockingIoInEventLoop
      file.transferTo(writer);
    }
    ctx.fireChannelRead(writer.toString());
  }
}
