package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** strict=true throws into the offending event-loop thread, and only there. */
class StrictModeIT {
  @Test
  void strictModeThrowsOnTheEventLoopOnly() throws Exception {
    String agentJar = System.getProperty("agent.jar");
    assertThat(agentJar).isNotNull();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-javaagent:" + agentJar + "=strict=true,quiet=true",
            "-cp", System.getProperty("java.class.path"), StrictModeMain.class.getName()))
        .redirectErrorStream(true)
        .start();
    String output = read(process);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("event loop: caught dev.asynclint.agent.bootstrap.BlockingCallError: "
        + "async-lint: java.lang.Thread.sleep sleeps on event-loop thread nioEventLoopGroup-");
    assertThat(output).contains("at dev.asynclint.it.StrictModeMain.lambda$main$0(StrictModeMain.java:");
    assertThat(output).contains("[SleepInEventLoop]");
    assertThat(output).contains("main thread: slept without error");
    assertThat(process.exitValue()).isEqualTo(0);
  }

  private static String read(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
