package dev.asynclint.agent;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  @Test
  void defaultsWithoutOptions() {
    AgentOptions o = AgentOptions.parse(null);
    assertThat(o.taskThresholdMs()).isEqualTo(50);
    assertThat(o.commonPool()).isTrue();
    assertThat(o.strict()).isFalse();
    assertThat(o.report()).isNull();
    assertThat(o.problems()).isEmpty();
  }

  @Test
  void readsEveryOption() {
    AgentOptions o = AgentOptions.parse("report=out/r.json, html=out/r.html,threads=worker-\\d+,"
        + "taskThresholdMs=20,catalog=my.catalog,sarif=a.sarif,strict=true,commonPool=false,maxSites=5,quiet");
    assertThat(o.report()).isEqualTo(Path.of("out/r.json"));
    assertThat(o.html()).isEqualTo(Path.of("out/r.html"));
    assertThat(o.threads().matcher("worker-12").matches()).isTrue();
    assertThat(o.taskThresholdMs()).isEqualTo(20);
    assertThat(o.catalog()).isEqualTo(Path.of("my.catalog"));
    assertThat(o.sarif()).isEqualTo(Path.of("a.sarif"));
    assertThat(o.strict()).isTrue();
    assertThat(o.commonPool()).isFalse();
    assertThat(o.maxSites()).isEqualTo(5);
    assertThat(o.quiet()).isTrue();
    assertThat(o.problems()).isEmpty();
  }

  @Test
  void badOptionsAreNamedAndTheRestStillApplies() {
    AgentOptions o = AgentOptions.parse("taskThresholdMs=soon,colour=blue,threads=(,strict=yes,report=r.json");
    assertThat(o.problems()).hasSize(4);
    assertThat(o.problems().get(0)).contains("taskThresholdMs");
    assertThat(o.problems().get(0)).contains("'soon'");
    assertThat(o.problems().get(1)).contains("unknown option 'colour'");
    assertThat(o.problems().get(2)).contains("threads");
    assertThat(o.problems().get(3)).contains("strict");
    assertThat(o.taskThresholdMs()).isEqualTo(50);
    assertThat(o.report()).isEqualTo(Path.of("r.json"));
  }
}
