package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AsyncLint.install() (what the JUnit extension uses) attaches the agent to a running JVM. */
class SelfAttachIT {
  @Test
  void installAttachesToThisJvmWithoutJavaagent() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Dasynclint.agent.options=quiet=true",
            "-cp", System.getProperty("java.class.path"), SelfAttachMain.class.getName()))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("installed before: false");
    assertThat(output).containsMatch(
        "stalls: \\[SleepInEventLoop: java.lang.Thread.sleep held nioEventLoopGroup-\\S+ for \\d+\\.\\d ms at "
            + "dev.asynclint.it.SelfAttachMain.lambda\\$main\\$0\\(SelfAttachMain.java:\\d+\\)]");
    assertThat(process.exitValue()).isEqualTo(0);
  }
}
