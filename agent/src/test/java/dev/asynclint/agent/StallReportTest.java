package dev.asynclint.agent;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StallReportTest {
  private static final String NASTY = "quote\" back\\slash \n newline \t tab \u0001 ctrl \u2028 é";

  private static StallReport report(List<CallSite> sites) {
    return new StallReport(sites, new StallRecorder.TaskSummary(3, 120.5, 80.25, 1, 50, 2),
        4, 9, 7, 11, 1, "boom " + NASTY, List.of("java.lang.Foo: " + NASTY));
  }

  @Test
  void jsonParsesWithJacksonAndKeepsEveryValue() throws Exception {
    CallSite site = new CallSite("SleepInEventLoop", "a.B.c(B.java:12)", "java.lang.Thread.sleep",
        List.of("loop-1", NASTY), 50, 1003.5, 25.125, 20.0, 24.5, true);
    JsonNode json = new ObjectMapper().readTree(report(List.of(site)).toJson());

    JsonNode c = json.get("callSites").get(0);
    assertThat(c.get("rule").asText()).isEqualTo("SleepInEventLoop");
    assertThat(c.get("site").asText()).isEqualTo("a.B.c(B.java:12)");
    assertThat(c.get("threads").get(1).asText()).isEqualTo(NASTY);
    assertThat(c.get("count").asLong()).isEqualTo(50);
    assertThat(c.get("totalMs").asDouble()).isEqualTo(1003.5);
    assertThat(c.get("maxMs").asDouble()).isEqualTo(25.125);
    assertThat(c.get("p50Ms").asDouble()).isEqualTo(20.0);
    assertThat(c.get("p99Ms").asDouble()).isEqualTo(24.5);
    assertThat(c.get("static").asBoolean()).isTrue();
    assertThat(json.get("tasks").get("count").asLong()).isEqualTo(3);
    assertThat(json.get("tasks").get("overThreshold").asLong()).isEqualTo(1);
    assertThat(json.get("droppedSites").asLong()).isEqualTo(4);
    assertThat(json.get("internalErrors").asLong()).isEqualTo(1);
    assertThat(json.get("firstInternalError").asText()).isEqualTo("boom " + NASTY);
    assertThat(json.get("notInstrumented").get(0).asText()).endsWith(NASTY);
    assertThat(json.get("jvm").get("version").asText()).isEqualTo(System.getProperty("java.version"));
  }

  @Test
  void emptyReportIsValidJsonToo() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report(List.of()).toJson());
    assertThat(json.get("callSites").size()).isEqualTo(0);
  }

  @Test
  void ourParserReadsWhatJacksonWrites() throws Exception {
    String text = new ObjectMapper().writeValueAsString(Map.of("s", NASTY, "n", List.of(1, -2.5e3, true)));
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = (Map<String, Object>) Json.parse(text);
    assertThat(parsed.get("s")).isEqualTo(NASTY);
    assertThat(parsed.get("n")).isEqualTo(List.of(1.0, -2500.0, true));
  }

  @Test
  void textAndHtmlNameEverySite() {
    CallSite site = new CallSite("BlockingIoInEventLoop", "a.B.<init>(B.java:3)", "java.io.FileInputStream.<init>",
        List.of("loop"), 2, 4, 3, 1, 3, false);
    StallReport r = report(List.of(site));
    assertThat(r.toText()).contains("BlockingIoInEventLoop");
    assertThat(r.toText()).contains("a.B.<init>(B.java:3)");
    assertThat(r.toHtml()).contains("a.B.&lt;init&gt;(B.java:3)");
    assertThat(r.toHtml()).doesNotContain("a.B.<init>");
  }
}
