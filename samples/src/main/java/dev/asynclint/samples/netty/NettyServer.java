package dev.asynclint.samples.netty;

import dev.asynclint.samples.Variant;
import dev.asynclint.samples.http.Counters;
import dev.asynclint.samples.http.NettyHttp;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Netty HTTP server on one event loop. {@code /ping} is the innocent request every scenario mixes
 * in; {@code /slow} waits for a 20 ms downstream delay; {@code /digest} totals an order book whose
 * size comes from data. Each violating branch sits next to its fix.
 */
public final class NettyServer {

  /** How long the pretend downstream service takes to answer {@code /slow}. */
  static final int SLOW_MS = 20;
  /** Orders in the book {@code /digest} walks; about 4 ms of work on a laptop core. */
  static final int ORDERS = 200_000;

  record Order(long id, int quantity, long unitPriceCents) {}

  private NettyServer() {}

  static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Variant variant;
    private final List<Order> orders;
    private final EventExecutorGroup digestWorkers;
    private final Counters counters;

    Handler(Variant variant, List<Order> orders, EventExecutorGroup digestWorkers, Counters counters) {
      this.variant = variant;
      this.orders = orders;
      this.digestWorkers = digestWorkers;
      this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      String path = new QueryStringDecoder(request.uri()).path();
      switch (path) {
        case "/ping" -> NettyHttp.reply(ctx, keepAlive, "pong");
        case "/slow" -> {
          counters.increment("slow");
          if (variant == Variant.FIXED) {
            ctx.executor().schedule(() -> NettyHttp.reply(ctx, keepAlive, "slow"), SLOW_MS, TimeUnit.MILLISECONDS);
          } else {
            Thread.sleep(SLOW_MS); // violation: SleepInEventLoop
            NettyHttp.reply(ctx, keepAlive, "slow");
          }
        }
        case "/digest" -> {
          counters.increment("digest");
          if (variant == Variant.FIXED) {
            digestWorkers.execute(() -> {
              long total = 0;
              for (Order order : orders) {
                total += Math.round(Math.log1p(order.quantity()) * order.unitPriceCents());
              }
              NettyHttp.reply(ctx, keepAlive, Long.toString(total));
            });
          } else {
            long total = 0;
            for (Order order : orders) { // violation: NonYieldingLoopInEventLoop
              total += Math.round(Math.log1p(order.quantity()) * order.unitPriceCents());
            }
            NettyHttp.reply(ctx, keepAlive, Long.toString(total));
          }
        }
        case "/stats" -> NettyHttp.reply(ctx, keepAlive, counters.json());
        default -> NettyHttp.reply(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "no such path: " + path);
      }
    }
  }

  static List<Order> orderBook() {
    List<Order> orders = new ArrayList<>(ORDERS);
    for (int i = 0; i < ORDERS; i++) {
      orders.add(new Order(i, 1 + i % 17, 99 + (i * 7919L) % 10_000));
    }
    return orders;
  }

  /** Arguments: the variant ({@code violating} or {@code fixed}). Stops on SIGTERM. */
  public static void main(String[] args) throws InterruptedException {
    Variant variant = Variant.parse(args.length > 0 ? args[0] : "");
    List<Order> orders = orderBook();
    Counters counters = new Counters();
    EventLoopGroup loop = NettyHttp.oneLoop();
    EventExecutorGroup digestWorkers = new DefaultEventExecutorGroup(2);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      digestWorkers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }));
    NettyHttp.serve(loop, () -> new Handler(variant, orders, digestWorkers, counters))
        .closeFuture()
        .sync();
  }
}
