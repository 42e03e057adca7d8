package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One JVM started with nothing but -javaagent and options: strict=true throws into the offending
 * event-loop thread only; catalog= adds a user's blocking method; report=/html= are written at
 * exit; sarif= marks the site the static checks flagged.
 */
class StrictModeIT {
  private static final Path MAIN_SOURCE = Path.of("src/test/java/dev/asynclint/it/StrictModeMain.java");

  @Test
  void strictModeThrowsOnTheEventLoopOnlyAndTheReportJoinsTheSarif(@TempDir Path dir) throws Exception {
    int flaggedLine = lineOf("// flagged in the SARIF");
    Path catalog = Files.writeString(dir.resolve("user.catalog"),
        "blocking WAIT dev.asynclint.it.StrictModeMain#lookUp | waits for the directory\n");
    Path sarif = Files.writeString(dir.resolve("static.sarif"), """
        {"version": "2.1.0", "runs": [{"results": [{"ruleId": "SleepInEventLoop", "locations": [
          {"physicalLocation": {"artifactLocation": {"uri": "src/test/java/dev/asynclint/it/StrictModeMain.java"},
           "region": {"startLine": %d}}}]}]}]}
        """.formatted(flaggedLine));
    Path report = dir.resolve("out/report.json");
    Path html = dir.resolve("out/report.html");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Long tasks are another test's subject; a high threshold keeps start-up time out of this one.
    String options = "strict=true,quiet=true,taskThresholdMs=10000,catalog=" + catalog + ",sarif=" + sarif + ",report=" + report
        + ",html=" + html;
    Process process = new ProcessBuilder(List.of(java, "-javaagent:" + System.getProperty("agent.jar") + "=" + options,
            "-cp", System.getProperty("java.class.path"), StrictModeMain.class.getName()))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("event loop: caught dev.asynclint.agent.bootstrap.BlockingCallError: "
        + "async-lint: java.lang.Thread.sleep sleeps on event-loop thread nioEventLoopGroup-");
    assertThat(output).contains("(StrictModeMain.java:" + flaggedLine + ") [SleepInEventLoop]");
    assertThat(output).contains("user catalog: caught dev.asynclint.agent.bootstrap.BlockingCallError: "
        + "async-lint: dev.asynclint.it.StrictModeMain.lookUp waits on event-loop thread");
    assertThat(output).contains("main thread: slept without error, looked up");
    assertThat(process.exitValue()).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    List<String> sites = new ArrayList<>();
    for (JsonNode site : json.get("callSites")) {
      sites.add(site.get("rule").asText() + " " + site.get("site").asText() + " static=" + site.get("static"));
    }
    assertThat(sites).hasSize(2);
    assertThat(sites).contains(
        "SleepInEventLoop dev.asynclint.it.StrictModeMain.lambda$main$0(StrictModeMain.java:" + flaggedLine
            + ") static=true");
    String userSite = sites.stream().filter(s -> s.startsWith("BlockingWaitInEventLoop")).findFirst().orElseThrow();
    assertThat(userSite).startsWith("BlockingWaitInEventLoop dev.asynclint.it.StrictModeMain.lambda$onLoop$");
    assertThat(userSite).endsWith("(StrictModeMain.java:" + lineOf("return work.call();") + ") static=false");
    assertThat(Files.readString(html)).contains("StrictModeMain.java:" + flaggedLine);
  }

  private static int lineOf(String text) throws Exception {
    List<String> lines = Files.readAllLines(MAIN_SOURCE);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + MAIN_SOURCE);
  }
}
