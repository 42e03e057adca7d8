package netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * InetAddress.getByName and new InetSocketAddress(host, port) parse an IP literal without asking
 * DNS (vertx-core's multicast examples join "230.0.0.1"); a name, or a host not known here, may
 * need a lookup. The catalog marks the host argument with {@code host=0}.
 */
public class DnsOnIpLiterals extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws UnknownHostException {
    InetAddress group = InetAddress.getByName("230.0.0.1");
    InetAddress[] loopback = InetAddress.getAllByName("::1");
    InetSocketAddress peer = new InetSocketAddress("[2001:db8::1]", 80);
    InetAddress local = loopbackAddress();
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    InetAddress named = InetAddress.getByName("example.com");
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    InetAddress given = InetAddress.getByName(String.valueOf(msg));
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    InetSocketAddress server = new InetSocketAddress("localhost", 80);
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    InetAddress resolved = lookUp();
    ctx.fireChannelRead(new Object[] {group, loopback, peer, local, named, given, server, resolved});
  }

  private static InetAddress loopbackAddress() throws UnknownHostException {
    return InetAddress.getByName("127.0.0.1");
  }

  private static InetAddress lookUp() throws UnknownHostException {
    return InetAddress.getByName("db.internal");
  }
}
