package transitive;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Calls from a handler to the project's own methods that reach a blocking API, with the chain. */
public class UserHandler extends ChannelInboundHandlerAdapter {
  private final UserService users = new UserService();
  Store store = new FileStore();
  Cache cache = new MemoryCache();
  private final Runnable pause = () -> {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  };

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    String id = String.valueOf(msg);
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    ctx.write(users.loadUser(id));
    ctx.write(users.cachedUser(id));
    // BUG: Diagnostic contains: SleepInEventLoop
    users.retry(3);
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    ctx.write(store.load(id));
    ctx.write(cache.get(id));
    ctx.write(format(id));
    // BUG: Diagnostic contains: SleepInEventLoop
    pause.run();
  }

  private static String format(String id) {
    return "[" + id + "]";
  }
}
