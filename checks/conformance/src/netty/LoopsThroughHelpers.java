package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.List;

/**
 * A handler that calls the project's own method holding a loop that never yields is reported at
 * the call, with the chain, as a blocking call reached through methods is. A helper whose loop
 * has a small constant trip count is fine, and so is the same call off the event loop.
 */
public class LoopsThroughHelpers extends SimpleChannelInboundHandler<List<String>> {
  static long checksum(List<String> lines) {
    long sum = 0;
    for (String line : lines) {
      sum += line.hashCode() * 31L + (long) Math.log1p(sum);
    }
    return sum;
  }

  static long report(List<String> lines) {
    return checksum(lines);
  }

  static int constant() {
    int n = 0;
    for (int i = 0; i < 4; i++) {
      n += i;
    }
    return n;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, List<String> lines) {
    // BUG: Diagnostic contains: NonYieldingLoopInEventLoop
    ctx.writeAndFlush(report(lines));
    ctx.writeAndFlush(constant());
  }

  public static void main(String[] args) {
    report(List.of(args));
  }
}
