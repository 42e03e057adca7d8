package netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Decoders run on the event loop: file I/O there is blocking, in-memory streams are not. */
public class BlockingIoInDecoder extends ByteToMessageDecoder {
  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    byte[] dictionary = Files.readAllBytes(Path.of("/etc/dictionary"));
    ByteArrayInputStream memory = new ByteArrayInputStream(dictionary);
    int first = memory.read();
    try (ByteBufInputStream stream = new ByteBufInputStream(in)) {
      out.add(stream.readInt() + first);
    }
  }
}
