package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrepareAgentMojoTest {
  private static final Path JAR = Path.of("/m2/dev/asynclint/async-lint-agent/1.0/async-lint-agent-1.0.jar");

  @Test
  void buildsTheAgentArgumentWithOptions() {
    assertThat(PrepareAgentMojo.javaagent(JAR, List.of("report=/t/agent.json", "strict=true")))
        .isEqualTo("-javaagent:" + JAR + "=report=/t/agent.json,strict=true");
    assertThat(PrepareAgentMojo.javaagent(Path.of("/my jars/async-lint-agent-1.0.jar"), List.of()))
        .isEqualTo("\"-javaagent:/my jars/async-lint-agent-1.0.jar\"");
  }

  @Test
  void keepsWhatThePropertyHeldAndReplacesAnEarlierAsyncLintAgent() {
    String ours = PrepareAgentMojo.javaagent(JAR, List.of("report=/t/agent.json"));
    assertThat(PrepareAgentMojo.combined(null, ours)).isEqualTo(ours);
    assertThat(PrepareAgentMojo.combined("-Xmx512m -javaagent:/m2/jacoco.jar=destfile=x", ours))
        .isEqualTo("-Xmx512m -javaagent:/m2/jacoco.jar=destfile=x " + ours);
    String twice = PrepareAgentMojo.combined(PrepareAgentMojo.combined("-Xmx512m", ours), ours);
    assertThat(twice).isEqualTo("-Xmx512m " + ours);
  }
}
