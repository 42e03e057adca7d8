package dev.asynclint.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the agent costs where it must cost (almost) nothing: an instrumented blocking API called
 * off any event loop, a fixed Netty workload that does not block, and (labelled more realistic)
 * a TCP echo round trip between two Netty loops. {@link AgentOverheadRun}
 * runs these with and without the agent in one go and prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentOverheadBenchmark {
  private final ReentrantLock lock = new ReentrantLock();
  private long counter;
  private NioEventLoopGroup group;
  private NioEventLoopGroup serverGroup;
  private NioEventLoopGroup clientGroup;
  private Channel server;
  private Channel client;
  private final byte[] payload = new byte[64];
  private volatile CompletableFuture<Integer> echoed;
  private int received;

  @Setup(Level.Trial)
  public void start() throws InterruptedException {
    group = new NioEventLoopGroup(1);
    serverGroup = new NioEventLoopGroup(1);
    clientGroup = new NioEventLoopGroup(1);
    server = new ServerBootstrap().group(serverGroup).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush(msg);
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
    client = new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
        .handler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            received += buf.readableBytes();
            buf.release();
            if (received >= payload.length) {
              received -= payload.length;
              echoed.complete(payload.length);
            }
          }
        })
        .connect(server.localAddress()).sync().channel();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close().syncUninterruptibly();
    server.close().syncUninterruptibly();
    for (NioEventLoopGroup g : new NioEventLoopGroup[] {group, serverGroup, clientGroup}) {
      g.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** ReentrantLock.lock is in the catalog (Lock#lock): the advice runs, finds no event loop. */
  @Benchmark
  public long lockOffTheLoop() {
    lock.lock();
    try {
      return ++counter;
    } finally {
      lock.unlock();
    }
  }

  /**
   * 64 small tasks on a real Netty event loop (each a timed task under the agent), the caller
   * waiting for the last one: a fixed, non-blocking Netty workload.
   */
  @Benchmark
  public long nettyTasks() throws InterruptedException, ExecutionException {
    Future<Long> last = null;
    for (int i = 0; i < 64; i++) {
      final int seed = i;
      last = group.submit(() -> work(seed));
    }
    return last.get();
  }

  /**
   * Labelled "more realistic", in addition to (not instead of) {@link #nettyTasks}: one 64-byte
   * echo round trip over loopback TCP between a Netty client and server, each on its own event
   * loop, so each operation is reads, writes and pipeline work on two loops, as a server sees it.
   */
  @Benchmark
  public int nettyEchoRoundTrip() throws InterruptedException, ExecutionException {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    echoed = done;
    client.writeAndFlush(Unpooled.wrappedBuffer(payload));
    return done.get();
  }

  private static long work(int seed) {
    long h = seed;
    for (int i = 0; i < 200; i++) {
      h = h * 31 + (h >>> 7) + i;
    }
    return h;
  }
}
