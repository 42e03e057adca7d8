package dev.asynclint.samples.cost;

import dev.asynclint.samples.netty.NettyServer;
import dev.asynclint.samples.reactor.ReactorPipeline;
import dev.asynclint.samples.vertx.VertxApp;

/**
 * One rule shown on one workload: which server to start, which request hits the violating line,
 * how often, and for the dropped-result rules which counters tell what was lost.
 *
 * @param violatingEvery every how many requests one hits the violation; the rest are innocent
 *     {@code /ping}s that share the loop
 * @param producedCounter for dropped results, the server counter of outcomes that happened
 * @param handledCounter the counter of those outcomes the code saw; produced minus handled is lost
 */
public enum Scenario {
  NETTY_SLEEP("Netty HTTP server", NettyServer.class, "SleepInEventLoop", "netty/NettyServer.java",
      "/slow", 10, null, null, null),
  NETTY_DIGEST("Netty HTTP server", NettyServer.class, "NonYieldingLoopInEventLoop", "netty/NettyServer.java",
      "/digest", 10, null, null, null),
  VERTX_REPORT("Vert.x web app", VertxApp.class, "BlockingIoInEventLoop", "vertx/VertxApp.java",
      "/report", 10, null, null, null),
  VERTX_DATABASE("Vert.x web app", VertxApp.class, "BlockingIoInEventLoop", "vertx/VertxApp.java",
      "/stock", 10, null, null, null),
  VERTX_WEBHOOK("Vert.x web app", VertxApp.class, "UnawaitedFuture", "vertx/VertxApp.java",
      "/notify", 2, "webhookFailures", "webhookFailuresObserved", "failures never observed"),
  REACTOR_QUOTE("Reactor pipeline", ReactorPipeline.class, "BlockingWaitInEventLoop", "reactor/ReactorPipeline.java",
      "/quote", 10, null, null, null),
  REACTOR_AUDIT("Reactor pipeline", ReactorPipeline.class, "UnsubscribedPublisher", "reactor/ReactorPipeline.java",
      "/order", 2, "order", "auditWrites", "writes never performed");

  public static final String INNOCENT_PATH = "/ping";

  private final String workload;
  private final Class<?> server;
  private final String rule;
  private final String source;
  private final String violatingPath;
  private final int violatingEvery;
  private final String producedCounter;
  private final String handledCounter;
  private final String lostLabel;

  Scenario(String workload, Class<?> server, String rule, String source, String violatingPath,
      int violatingEvery, String producedCounter, String handledCounter, String lostLabel) {
    this.workload = workload;
    this.server = server;
    this.rule = rule;
    this.source = source;
    this.violatingPath = violatingPath;
    this.violatingEvery = violatingEvery;
    this.producedCounter = producedCounter;
    this.handledCounter = handledCounter;
    this.lostLabel = lostLabel;
  }

  public String workload() {
    return workload;
  }

  public Class<?> server() {
    return server;
  }

  public String rule() {
    return rule;
  }

  /**
   * What follows {@code // violation: } on the violating line: the rule id, plus a word when
   * one file shows the same rule twice.
   */
  public String marker() {
    return this == VERTX_DATABASE ? rule + " database" : rule;
  }

  /**
   * The file where the agent sees the blocking call when it is not on the marked line: the agent
   * records the first application frame, which for a call through a {@code @Blocking} client
   * method is inside the client.
   */
  /**
   * How many lines from the marked one the agent may name for this violation: a loop that never
   * yields is caught by sampling the stack, which lands anywhere in its body.
   */
  public int stallLines() {
    return this == NETTY_DIGEST ? 4 : 1;
  }

  public String calleeFile() {
    return this == VERTX_DATABASE ? "InventoryDatabase.java" : null;
  }

  /** The sample's source, relative to {@code dev/asynclint/samples/}. */
  public String source() {
    return source;
  }

  public String fileName() {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  public boolean hitsViolation(long request) {
    return request % violatingEvery == 0;
  }

  public String path(long request) {
    return (hitsViolation(request) ? violatingPath : INNOCENT_PATH) + "?id=" + request;
  }

  public String violatingPath() {
    return violatingPath;
  }

  public int violatingEvery() {
    return violatingEvery;
  }

  public boolean losesOutcomes() {
    return producedCounter != null;
  }

  public String producedCounter() {
    return producedCounter;
  }

  public String handledCounter() {
    return handledCounter;
  }

  public String lostLabel() {
    return lostLabel;
  }
}
