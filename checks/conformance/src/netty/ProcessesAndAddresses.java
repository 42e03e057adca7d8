package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Outbound handlers run on the event loop too. Catalog entries that name parameter types match
 * only that overload: a host-name InetSocketAddress resolves DNS, a port-only or unresolved one
 * does not.
 */
public class ProcessesAndAddresses extends ChannelOutboundHandlerAdapter {
  @Override
  public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local,
      ChannelPromise promise) throws Exception {
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    InetAddress address = InetAddress.getByName("example.com");
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    SocketAddress resolved = new InetSocketAddress("example.com", 80);
    SocketAddress unresolved = InetSocketAddress.createUnresolved("example.com", 80);
    SocketAddress anyLocal = new InetSocketAddress(8080);
    ctx.connect(unresolved, anyLocal, promise);
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    Process process = new ProcessBuilder("sync").start();
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    process.waitFor();
    ctx.close(promise);
  }
}
