package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.agent.AsyncLint;
import dev.asynclint.agent.CallSite;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent on a real Netty NIO event loop (run with -javaagent by failsafe). */
class NettyEventLoopIT {
  private static NioEventLoopGroup group;

  @BeforeAll
  static void start() {
    System.out.println("JVM " + Runtime.version() + ", agent installed: " + AsyncLint.isInstalled());
    group = new NioEventLoopGroup(1);
  }

  @AfterAll
  static void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void fiftySleepsAreAttributedToTheirLineWithTheRightCountAndTotal() throws Exception {
    Workloads.Ran ran = group.submit(Workloads::sleepFiftyTimes).get();

    CallSite site = Sites.get("SleepInEventLoop", ran.site());
    assertThat(site.count()).isEqualTo(50);
    assertThat(site.totalMs()).isAtLeast(50 * 20.0);
    Sites.assertTotalNear(site, ran.stopwatchMs());
    assertThat(site.api()).isEqualTo("java.lang.Thread.sleep");
    assertThat(site.threads()).hasSize(1);
    assertThat(site.threads().get(0)).startsWith("nioEventLoopGroup-");
    assertThat(site.p50Ms()).isAtLeast(19.0);
  }

  @Test
  void theSameSleepOnAPlainThreadOrAnExecutorThatMayBlockIsNotReported() throws Exception {
    Workloads.Ran onMain = Workloads.sleepOnce();
    Workloads.Ran onPlain = CompletableFuture.supplyAsync(() -> {
      try {
        return Workloads.sleepOnce();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, r -> new Thread(r, "plain").start()).get();
    // Netty's DefaultEventExecutorGroup is its pool for handlers that may block.
    DefaultEventExecutorGroup blockingPool = new DefaultEventExecutorGroup(1);
    try {
      blockingPool.submit(Workloads::sleepOnce).get();
    } finally {
      blockingPool.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    assertThat(onMain.site()).isEqualTo(onPlain.site());
    Sites.assertNothingAt(onMain.site());
  }

  @Test
  void fileReadInAChannelHandlerIsBlockingIoAtTheHandlerLine() throws Exception {
    Path file = Files.writeString(Files.createTempFile("async-lint", ".txt"), "hello");
    CompletableFuture<String> siteSeen = new CompletableFuture<>();
    Channel server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                io.netty.util.ReferenceCountUtil.release(msg);
                String site = Sites.nextLine();
                byte[] bytes = Files.readAllBytes(file);
                siteSeen.complete(site);
                ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
              }
            });
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
    NioEventLoopGroup clientGroup = new NioEventLoopGroup(1);
    try {
      Channel client = new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
          .handler(new ChannelInboundHandlerAdapter())
          .connect(server.localAddress()).sync().channel();
      client.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1})).sync();
      String site = siteSeen.get(10, TimeUnit.SECONDS);
      Thread.sleep(50); // the hook records after readAllBytes returns
      CallSite seen = Sites.get("BlockingIoInEventLoop", site);
      assertThat(seen.count()).isEqualTo(1);
      assertThat(seen.api()).isEqualTo("java.nio.file.Files.readAllBytes");
      client.close().sync();
    } finally {
      server.close().sync();
      clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /**
   * The database scenario of the samples: the query's time is spent waiting inside the socket
   * read (JDK-private stream classes), not in Socket#getInputStream, which the catalog names.
   */
  @Test
  void aSocketReadWaitingForTheAnswerIsBlockingIoAtTheReadLine() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread database = new Thread(() -> {
        try (Socket session = server.accept()) {
          new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8)).readLine();
          Thread.sleep(40); // the query's own time
          session.getOutputStream().write("sku-1,7\n".getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
          // the test fails on the client side
        }
      }, "database");
      database.start();

      Workloads.Ran ran = group.submit(() -> Workloads.queryOverSocket(server.getLocalPort())).get(10, TimeUnit.SECONDS);
      database.join(10_000);

      CallSite site = Sites.get("BlockingIoInEventLoop", ran.site());
      assertThat(site.api()).isEqualTo("java.net.Socket$SocketInputStream.read");
      assertThat(site.count()).isEqualTo(1);
      assertThat(site.totalMs()).isAtLeast(35.0);
      Sites.assertTotalNear(site, ran.stopwatchMs());
    }
  }

  /** Netty's own channel I/O is non-blocking: such reads are not blocking calls; blocking ones are. */
  @Test
  void aSocketChannelReadCountsOnlyInBlockingMode() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread database = new Thread(() -> {
        try (Socket session = server.accept()) {
          new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8)).readLine();
          Thread.sleep(20);
          session.getOutputStream().write("sku-1,7\n".getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
          // the test fails on the client side
        }
      }, "database");
      database.start();

      String[] sites = group.submit(() -> Workloads.readChannelNonBlockingThenBlocking(server.getLocalPort()))
          .get(10, TimeUnit.SECONDS);
      database.join(10_000);

      Sites.assertNothingAt(sites[0]);
      CallSite blocking = Sites.get("BlockingIoInEventLoop", sites[1]);
      assertThat(blocking.count()).isEqualTo(1);
      assertThat(blocking.totalMs()).isAtLeast(15.0);
    }
  }

  @Test
  void aThreeHundredMillisecondSpinIsAttributedToItsMethod() throws Exception {
    group.submit(Workloads::spinFor300ms).get();
    Thread.sleep(50); // the task's end is recorded just after the future completes

    List<CallSite> spins = Sites.inMethod("NonYieldingLoopInEventLoop", Workloads.class.getName() + ".spinFor300ms");
    assertThat(spins).hasSize(1);
    assertThat(spins.get(0).count()).isEqualTo(1);
    assertThat(spins.get(0).totalMs()).isAtLeast(280.0);
    assertThat(spins.get(0).totalMs()).isAtMost(450.0);
  }
}
