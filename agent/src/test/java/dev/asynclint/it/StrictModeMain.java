package dev.asynclint.it;

import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.TimeUnit;

/** Run by {@link StrictModeIT} in its own JVM with {@code -javaagent:...=strict=true}. */
public final class StrictModeMain {
  private StrictModeMain() {}

  public static void main(String[] args) throws Exception {
    NioEventLoopGroup group = new NioEventLoopGroup(1);
    try {
      String onLoop = group.submit(() -> {
        try {
          Thread.sleep(20);
          return "no error";
        } catch (Throwable e) {
          return "caught " + e.getClass().getName() + ": " + e.getMessage();
        }
      }).get();
      System.out.println("event loop: " + onLoop);
      Thread.sleep(20);
      System.out.println("main thread: slept without error");
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
