package dev.asynclint.samples.reactor;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Reactor pipeline served the way Reactor Netty and WebFlux serve one: each request enters the
 * chain on the Netty event loop that read it, and the chain runs there until something moves it.
 * {@code /ping} is the innocent request; {@code /quote} needs a price from a 20 ms pricing call;
 * {@code /order} prices an order and must write it to the audit log.
 */
public final class ReactorPipeline {

  /** How long the pretend pricing service takes to answer. */
  static final int PRICING_MS = 20;

  record Order(String id, int quantity) {}

  record PricedOrder(Order order, long cents) {}

  private ReactorPipeline() {}

  /** The pricing service's client: non-blocking, it answers on Reactor's timer threads. */
  static Mono<Long> price(String item) {
    return Mono.delay(Duration.ofMillis(PRICING_MS)).map(tick -> 100L + Math.floorMod(item.hashCode(), 900));
  }

  /** The audit log: a cold publisher, so nothing is written until someone subscribes. */
  static final class AuditLog {
    private final Path file;
    private final Counters counters;

    AuditLog(Path file, Counters counters) {
      this.file = file;
      this.counters = counters;
    }

    Mono<Void> record(PricedOrder priced) {
      return Mono.<Void>fromRunnable(() -> {
            try {
              Files.writeString(file, priced.order().id() + "," + priced.cents() + "\n",
                  StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            counters.increment("auditWrites");
          })
          .subscribeOn(Schedulers.boundedElastic());
    }
  }

  static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Variant variant;
    private final AuditLog audit;
    private final Counters counters;

    Handler(Variant variant, AuditLog audit, Counters counters) {
      this.variant = variant;
      this.audit = audit;
      this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      QueryStringDecoder uri = new QueryStringDecoder(request.uri());
      String id = param(uri, "id");
      Mono<String> response = switch (uri.path()) {
        case "/ping" -> Mono.just(id).map(ping -> "pong " + ping);
        case "/quote" -> quote(id);
        case "/order" -> order(new Order(id, 1 + Math.floorMod(id.hashCode(), 5)));
        case "/stats" -> Mono.fromSupplier(counters::json);
        default -> Mono.error(new IllegalArgumentException("no such path: " + uri.path()));
      };
      response.subscribe(
          body -> NettyHttp.reply(ctx, keepAlive, body),
          failure -> NettyHttp.reply(ctx, keepAlive, HttpResponseStatus.INTERNAL_SERVER_ERROR, failure.toString()));
    }

    private Mono<String> quote(String item) {
      counters.increment("quote");
      if (variant == Variant.FIXED) {
        return Mono.just(item)
            .flatMap(name -> price(name))
            .map(cents -> item + "=" + cents);
      }
      return Mono.just(item)
          .map(name -> price(name).block()) // violation: BlockingWaitInEventLoop
          .map(cents -> item + "=" + cents);
    }

    private Mono<String> order(Order order) {
      counters.increment("order");
      Mono<PricedOrder> priced = Mono.just(order)
          .map(o -> new PricedOrder(o, o.quantity() * 250L));
      if (variant == Variant.FIXED) {
        priced = priced.flatMap(p -> audit.record(p).thenReturn(p));
      } else {
        priced = priced.doOnNext(p -> audit.record(p)); // violation: UnsubscribedPublisher
      }
      return priced.map(p -> p.order().id() + " accepted");
    }
  }

  private static String param(QueryStringDecoder uri, String name) {
    List<String> values = uri.parameters().get(name);
    return values == null || values.isEmpty() ? "-" : values.get(0);
  }

  /** Arguments: the variant ({@code violating} or {@code fixed}). Stops on SIGTERM. */
  public static void main(String[] args) throws InterruptedException, IOException {
    Variant variant = Variant.parse(args.length > 0 ? args[0] : "");
    Counters counters = new Counters();
    Path auditFile = Files.createTempFile("async-lint-audit", ".log");
    auditFile.toFile().deleteOnExit();
    AuditLog audit = new AuditLog(auditFile, counters);
    EventLoopGroup loop = NettyHttp.oneLoop();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> loop.shutdownGracefully(0, 1, TimeUnit.SECONDS)));
    NettyHttp.serve(loop, () -> new Handler(variant, audit, counters)).closeFuture().sync();
  }
}
