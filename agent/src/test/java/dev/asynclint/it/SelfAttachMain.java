package dev.asynclint.it;

import dev.asynclint.agent.AsyncLint;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.TimeUnit;

/** Run by {@link SelfAttachIT} in a JVM started without -javaagent. */
public final class SelfAttachMain {
  private SelfAttachMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println("installed before: " + AsyncLint.isInstalled());
    AsyncLint.install();
    NioEventLoopGroup group = new NioEventLoopGroup(1);
    try (AsyncLint.Recording recording = AsyncLint.record()) {
      group.submit(() -> {
        Thread.sleep(20);
        return null;
      }).get();
      System.out.println("stalls: " + recording.stalls());
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
