package dev.asynclint.samples.cost;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFindingsTest {

  @TempDir
  Path dir;

  @Test
  void findsTheRuleAtTheLineInSarif() throws Exception {
    Path sarif = dir.resolve("async-lint.sarif");
    Files.writeString(sarif, """
        {"version": "2.1.0", "runs": [{"results": [
          {"ruleId": "SleepInEventLoop", "message": {"text": "Thread.sleep(SLOW_MS) inside channelRead0\\nfix: schedule it"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/main/java/dev/asynclint/samples/netty/NettyServer.java", "uriBaseId": "SRCROOT"},
                          "region": {"startLine": 59}}}]}
        ]}]}
        """);
    StaticFindings findings = StaticFindings.read(sarif);

    assertThat(findings.at("netty/NettyServer.java", 59, "SleepInEventLoop"))
        .isEqualTo("yes: Thread.sleep(SLOW_MS) inside channelRead0");
    assertThat(findings.at("netty/NettyServer.java", 60, "SleepInEventLoop")).isEqualTo("no finding at this line");
    assertThat(findings.at("netty/NettyServer.java", 59, "BlockingIoInEventLoop")).isEqualTo("no finding at this line");
  }

  @Test
  void withoutSarifTheColumnSaysWhy() {
    StaticFindings findings = StaticFindings.read(dir.resolve("missing.sarif"));

    assertThat(findings.available()).isFalse();
    assertThat(findings.at("netty/NettyServer.java", 59, "SleepInEventLoop")).isEqualTo(StaticFindings.NOT_RUN);
  }
}
