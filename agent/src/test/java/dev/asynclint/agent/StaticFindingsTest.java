package dev.asynclint.agent;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticFindingsTest {
  private static final String SARIF = """
      {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "async-lint"}}, "results": [
        {"ruleId": "SleepInEventLoop", "locations": [{"physicalLocation": {
          "artifactLocation": {"uri": "src/main/java/com/acme/Handler.java"},
          "region": {"startLine": 42, "startColumn": 7}}}]},
        {"ruleId": "BlockingIoInEventLoop", "locations": []}
      ]}]}
      """;

  @Test
  void aSiteAtAFlaggedLineIsStatic() {
    StaticFindings findings = StaticFindings.parse(SARIF);
    assertThat(findings.contains("com.acme.Handler.channelRead(Handler.java:42)")).isTrue();
    assertThat(findings.contains("com.acme.Handler.channelRead(Handler.java:43)")).isFalse();
    assertThat(findings.contains("com.acme.Other.run(Other.java:42)")).isFalse();
    assertThat(findings.contains("com.acme.Handler.run(Unknown Source)")).isFalse();
  }

  @Test
  void anUnreadableFileIsAProblemNotAFailure() {
    List<String> problems = new ArrayList<>();
    StaticFindings findings = StaticFindings.read(Path.of("does/not/exist.sarif"), problems);
    assertThat(findings.size()).isEqualTo(0);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("does/not/exist.sarif");
  }
}
