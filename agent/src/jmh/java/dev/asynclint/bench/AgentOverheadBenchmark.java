package dev.asynclint.bench;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.Future;
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
 * off any event loop, and a fixed Netty workload that does not block. {@link AgentOverheadRun}
 * runs these with and without the agent in one go and prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentOverheadBenchmark {
  private final ReentrantLock lock = new ReentrantLock();
  private long counter;
  private NioEventLoopGroup group;

  @Setup(Level.Trial)
  public void start() {
    group = new NioEventLoopGroup(1);
  }

  @TearDown(Level.Trial)
  public void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
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

  private static long work(int seed) {
    long h = seed;
    for (int i = 0; i < 200; i++) {
      h = h * 31 + (h >>> 7) + i;
    }
    return h;
  }
}
