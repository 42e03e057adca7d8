package dev.asynclint.samples.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The HTTP plumbing the Netty and Reactor samples share: one event-loop thread accepts and serves
 * every connection, so a stall anywhere stalls every request, which is what the samples measure.
 */
public final class NettyHttp {

  private NettyHttp() {}

  /** One thread for accepting and serving; the samples want every request on the same loop. */
  public static EventLoopGroup oneLoop() {
    return new NioEventLoopGroup(1);
  }

  /** Binds an ephemeral loopback port and announces it the way {@link ServerAnnouncement} says. */
  public static Channel serve(EventLoopGroup loop, Supplier<ChannelHandler> handler) throws InterruptedException {
    Channel server = new ServerBootstrap()
        .group(loop, loop)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(64 * 1024))
                .addLast(handler.get());
          }
        })
        .bind("127.0.0.1", 0)
        .sync()
        .channel();
    ServerAnnouncement.listening(((InetSocketAddress) server.localAddress()).getPort());
    return server;
  }

  /** Writes a small text response; safe from any thread, Netty hands the write to the loop. */
  public static void reply(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String body) {
    FullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  public static void reply(ChannelHandlerContext ctx, boolean keepAlive, String body) {
    reply(ctx, keepAlive, HttpResponseStatus.OK, body);
  }
}
