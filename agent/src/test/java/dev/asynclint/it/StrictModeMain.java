package dev.asynclint.it;

import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link StrictModeIT} in its own JVM with {@code -javaagent:...=strict=true} and a user
 * catalog that declares {@link #lookUp()} blocking.
 */
public final class StrictModeMain {
  private StrictModeMain() {}

  /** Blocking only because the user catalog says so. */
  static String lookUp() {
    return "looked up";
  }

  public static void main(String[] args) throws Exception {
    NioEventLoopGroup group = new NioEventLoopGroup(1);
    try {
      System.out.println("event loop: " + onLoop(group, () -> {
        Thread.sleep(20); // flagged in the SARIF the test writes
        return "no error";
      }));
      System.out.println("user catalog: " + onLoop(group, StrictModeMain::lookUp));
      Thread.sleep(20);
      System.out.println("main thread: slept without error, " + lookUp());
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static String onLoop(NioEventLoopGroup group, Callable<String> work) throws Exception {
    return group.submit(() -> {
      try {
        return work.call();
      } catch (Throwable e) {
        return "caught " + e.getClass().getName() + ": " + e.getMessage();
      }
    }).get();
  }
}
