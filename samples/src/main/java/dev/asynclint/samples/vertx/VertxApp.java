package dev.asynclint.samples.vertx;

import dev.asynclint.samples.Variant;
import dev.asynclint.samples.http.Counters;
import dev.asynclint.samples.http.ServerAnnouncement;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x web app on one event loop. {@code /ping} is the innocent route; {@code /report} reads
 * and totals a CSV file; {@code /stock} queries a database over a blocking socket; {@code /notify} fires a webhook whose every tenth call fails.
 */
public final class VertxApp extends AbstractVerticle {

  /** Lines in the CSV that {@code /report} reads on every request. */
  static final int REPORT_LINES = 40_000;
  /** Every how many webhook calls the receiving end answers with an error. */
  static final int WEBHOOK_FAILS_EVERY = 10;

  private final Variant variant;
  private final Path report;
  private final Webhook webhook;
  private final InventoryDatabase inventory;
  private final Counters counters;

  VertxApp(Variant variant, Path report, Webhook webhook, InventoryDatabase inventory, Counters counters) {
    this.variant = variant;
    this.report = report;
    this.webhook = webhook;
    this.inventory = inventory;
    this.counters = counters;
  }

  /** A webhook client whose calls complete on its own threads, like any async HTTP client. */
  static final class Webhook {
    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private final Counters counters;
    private long calls;

    Webhook(Counters counters) {
      this.counters = counters;
    }

    /** Only ever called from the event loop, so the call count needs no lock. */
    CompletableFuture<Void> send(String event) {
      boolean fails = ++calls % WEBHOOK_FAILS_EVERY == 0;
      return CompletableFuture.runAsync(() -> {
        if (fails) {
          counters.increment("webhookFailures");
          throw new IllegalStateException("webhook answered 503 for " + event);
        }
        counters.increment("webhookDelivered");
      }, senders);
    }
  }

  @Override
  public void start(Promise<Void> started) {
    Router router = Router.router(vertx);
    router.get("/ping").handler(ctx -> ctx.response().end("pong"));
    router.get("/report").handler(ctx -> {
      counters.increment("report");
      if (variant == Variant.FIXED) {
        // Unordered: ordered blocking jobs of one context run one at a time, like on the loop.
        vertx.executeBlocking(() -> total(Files.readAllLines(report)), false)
            .onSuccess(total -> ctx.response().end(Long.toString(total)))
            .onFailure(ctx::fail);
      } else {
        try {
          ctx.response().end(Long.toString(total(Files.readAllLines(report)))); // violation: BlockingIoInEventLoop
        } catch (IOException e) {
          ctx.fail(e);
        }
      }
    });
    router.get("/stock").handler(ctx -> {
      counters.increment("stock");
      String sku = "sku-" + ctx.request().getParam("id");
      if (variant == Variant.FIXED) {
        vertx.executeBlocking(() -> inventory.stockOf(sku), false)
            .onSuccess(stock -> ctx.response().end(stock))
            .onFailure(ctx::fail);
      } else {
        ctx.response().end(inventory.stockOf(sku)); // violation: BlockingIoInEventLoop database
      }
    });
    router.get("/notify").handler(ctx -> {
      counters.increment("notify");
      String event = "order-" + ctx.request().getParam("id");
      if (variant == Variant.FIXED) {
        webhook.send(event).exceptionally(failure -> {
          counters.increment("webhookFailuresObserved");
          return null;
        });
      } else {
        webhook.send(event); // violation: UnawaitedFuture
      }
      ctx.response().end("queued");
    });
    router.get("/stats").handler(ctx -> ctx.response().end(counters.json()));
    vertx.createHttpServer()
        .requestHandler(router)
        .listen(0, "127.0.0.1")
        .onSuccess(server -> {
          ServerAnnouncement.listening(server.actualPort());
          started.complete();
        })
        .onFailure(started::fail);
  }

  /** Sums the amount column; the file read, not this loop, is what the scenario is about. */
  static long total(List<String> lines) {
    long total = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      total += Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
    }
    return total;
  }

  static Path writeReport() throws IOException {
    Path file = Files.createTempFile("async-lint-report", ".csv");
    file.toFile().deleteOnExit();
    List<String> lines = new ArrayList<>(REPORT_LINES + 1);
    lines.add("id,customer,amount");
    for (int i = 0; i < REPORT_LINES; i++) {
      lines.add(i + ",customer-" + (i % 977) + "," + (100 + (i * 31L) % 9_000));
    }
    Files.write(file, lines);
    return file;
  }

  /** Arguments: the variant ({@code violating} or {@code fixed}). Stops on SIGTERM. */
  public static void main(String[] args) throws IOException {
    Variant variant = Variant.parse(args.length > 0 ? args[0] : "");
    Counters counters = new Counters();
    Path report = writeReport();
    Webhook webhook = new Webhook(counters);
    InventoryDatabase inventory = new InventoryDatabase();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      webhook.senders.shutdown();
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Exiting anyway; nothing is left to flush.
      }
    }));
    vertx.deployVerticle(new VertxApp(variant, report, webhook, inventory, counters))
        .onFailure(failure -> {
          failure.printStackTrace();
          System.exit(1);
        });
  }
}
