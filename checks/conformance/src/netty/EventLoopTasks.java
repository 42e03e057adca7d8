package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.util.concurrent.TimeUnit;

/** Tasks given to an event loop run on it; tasks given to a DefaultEventExecutorGroup do not. */
public class EventLoopTasks extends ChannelInboundHandlerAdapter {
  private final DefaultEventExecutorGroup blockingGroup = new DefaultEventExecutorGroup(4);

  @Override
  public void channelRegistered(ChannelHandlerContext ctx) {
    ctx.executor().execute(() -> {
      try {
        // BUG: Diagnostic contains: SleepInEventLoop
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ctx.channel().eventLoop().schedule(() -> {
      // BUG: Diagnostic contains: BlockingIoInEventLoop
      return java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/flag"));
    }, 1, TimeUnit.SECONDS);
    blockingGroup.submit(() -> {
      Thread.sleep(10);
      return java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/flag"));
    });
  }
}
