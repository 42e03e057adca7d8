package dev.asynclint.it;

import dev.asynclint.agent.AsyncLint;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link OnDemandReportIT} in its own JVM under {@code -javaagent:...=report=...}: blocks
 * the loop at one line, writes the reports through the API, blocks at another line, then waits
 * on stdin while the test attaches with {@code dump=true}.
 */
public final class OnDemandReportMain {
  private OnDemandReportMain() {}

  public static void main(String[] args) throws Exception {
    NioEventLoopGroup group = new NioEventLoopGroup(1);
    try {
      group.submit(() -> {
        Thread.sleep(5); // before the API call
        return null;
      }).get();
      AsyncLint.writeReports();
      System.out.println("written by the API");
      group.submit(() -> {
        Thread.sleep(5); // after the API call
        return null;
      }).get();
      System.out.println("waiting for dump");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
