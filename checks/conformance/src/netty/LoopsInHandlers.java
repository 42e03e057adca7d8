package netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * CPU loops in a Netty handler hold the channel's event loop: busy-waits and endless loops
 * always, loops over data when each iteration does real work. Small constant loops, cheap
 * bodies and the same loops off the loop are fine.
 */
public class LoopsInHandlers extends ChannelInboundHandlerAdapter {
  private static final int HEADER_BYTES = 16;
  private final List<String> headers = List.of("host", "accept", "user-agent");
  private volatile boolean ready;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    ByteBuf buf = (ByteBuf) msg;
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
    while (!ready) { Thread.onSpinWait(); }
    // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
    for (int i = 0; i < buf.readableBytes(); i++) { md.update(buf.getByte(i)); }
    // A constant trip count below the loop bound, and a fixed list of three.
    for (int i = 0; i < HEADER_BYTES; i++) { md.update(buf.getByte(i)); }
    for (String header : headers) { md.update(header.getBytes()); }
    // A classpath constant (127) is a constant too.
    for (int i = 0; i < Byte.MAX_VALUE; i++) { md.update(buf.getByte(i)); }
    // A loop over data that does only cheap things per element.
    long sum = 0;
    for (int i = 0; i < buf.readableBytes(); i++) { sum += buf.getByte(i); }
    ctx.fireChannelRead(sum);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof Map<?, ?> fields) {
      // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
      fields.forEach((k, v) -> ctx.fireUserEventTriggered(digest(String.valueOf(v))));
    }
    if (event instanceof List<?> rows) {
      // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
      for (Object row : rows) { for (Object cell : (List<?>) row) { ctx.fireUserEventTriggered(cell); } }
    }
    // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
    ctx.fireUserEventTriggered(depth(event, 0));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.executor().execute(() -> {
      // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
      for (;;) { ctx.fireChannelReadComplete(); }
    });
    // A loop that ends by break is not endless.
    while (true) {
      if (!ctx.channel().isActive()) {
        ctx.close();
        break;
      }
      ctx.read();
      break;
    }
  }

  static String digest(String text) {
    return Integer.toHexString(text.hashCode());
  }

  static int depth(Object node, int level) {
    if (node instanceof List<?> children && !children.isEmpty()) {
      return depth(children.get(0), level + 1);
    }
    return level;
  }
}
