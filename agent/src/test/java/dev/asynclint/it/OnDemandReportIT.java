package dev.asynclint.it;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports written while the application runs, both ways the agent offers: {@code
 * AsyncLint.writeReports()} from inside, and attaching the agent again with {@code dump=true}.
 * Each must hold what was recorded up to that moment and nothing later.
 */
class OnDemandReportIT {
  private static final Path MAIN_SOURCE = Path.of("src/test/java/dev/asynclint/it/OnDemandReportMain.java");

  @Test
  void theApiAndAReattachWithDumpWriteTheReportsWhileTheJvmRuns(@TempDir Path dir) throws Exception {
    String before = "OnDemandReportMain.java:" + lineOf("// before the API call") + ")";
    String after = "OnDemandReportMain.java:" + lineOf("// after the API call") + ")";
    Path report = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String agentJar = System.getProperty("agent.jar");
    Process process = new ProcessBuilder(List.of(java,
            "-javaagent:" + agentJar + "=quiet=true,taskThresholdMs=10000,report=" + report + ",html=" + html,
            "-cp", System.getProperty("java.class.path"), OnDemandReportMain.class.getName()))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = process.getOutputStream()) {
      waitFor(out, "written by the API", output);
      assertWithMessage("report written by AsyncLint.writeReports()")
          .that(sites(report)).containsExactly("SleepInEventLoop " + before);
      assertThat(Files.readString(html)).contains(before);

      waitFor(out, "waiting for dump", output);
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
      try {
        vm.loadAgent(agentJar, "dump=true");
      } finally {
        vm.detach();
      }
      assertWithMessage("report written on attach with dump=true")
          .that(sites(report)).containsExactly("SleepInEventLoop " + before, "SleepInEventLoop " + after);

      in.write('\n');
      in.flush();
    } finally {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).isEqualTo(0);
  }

  private static void waitFor(BufferedReader out, String line, List<String> seen) throws Exception {
    for (String l = out.readLine(); l != null; l = out.readLine()) {
      seen.add(l);
      if (l.equals(line)) {
        return;
      }
    }
    throw new AssertionError("the application ended before printing '" + line + "'; it printed " + seen);
  }

  /** "rule File.java:LINE)" of every call site in the JSON report. */
  private static List<String> sites(Path report) throws Exception {
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    List<String> sites = new ArrayList<>();
    for (JsonNode site : json.get("callSites")) {
      String s = site.get("site").asText();
      sites.add(site.get("rule").asText() + " " + s.substring(s.indexOf('(') + 1));
    }
    return sites;
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
