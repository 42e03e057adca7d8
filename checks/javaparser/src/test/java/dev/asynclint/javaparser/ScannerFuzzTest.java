package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.asynclint.core.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whatever text a file holds, the scanner's per-file entry point (parse, resolve, run the rules)
 * returns: findings, or one problem line naming the file and a line. It never throws, never
 * reports a rule's own failure ("could not analyse") on text that parsed, and never takes more
 * than a few seconds on one input. The seeds under {@code ScannerFuzzTestInputs} are corpus files,
 * so mutations start from handlers, lambdas and framework calls that resolve against the real jars.
 *
 * <p>{@code mvn verify} fuzzes for 20 s (the {@code fuzz-scanner} execution); longer:
 * {@code JAZZER_FUZZ=1 mvn -pl checks/javaparser test -Dtest=ScannerFuzzTest -Djazzer.max_duration=10m}.
 */
class ScannerFuzzTest {
  private static final Duration PER_INPUT = Duration.ofSeconds(10);
  private static FileAnalyzer analyzer;

  private static synchronized FileAnalyzer analyzer() {
    if (analyzer == null) {
      ScanOptions options = ScanOptions.of(List.of(), Corpus.frameworkClasspath());
      analyzer = new FileAnalyzer(Catalog.builtIn(), options, SourceScanner.rules(), ScannedSources.NONE,
          Set.of(), new ArrayList<>(), new ProjectTypes(List.of(), List.of()), new TransitiveSummaries.Shared());
    }
    return analyzer;
  }

  @FuzzTest(maxDuration = "20s")
  @DictionaryEntries({"class ", "interface ", "record ", "enum ", " extends ", " implements ", "@Override ",
      "void ", "public ", "static ", "final ", "->", "::", "{", "}", "(", ")", ";", "new ", "return ",
      "while (true) ", "for (;;) ", "synchronized ", "switch ", "yield ", "var ", "<T>",
      "ChannelInboundHandlerAdapter", "channelRead(ChannelHandlerContext ctx, Object msg)", "Thread.sleep(10);",
      "AbstractVerticle", "vertx.setTimer(1, id -> ", "executeBlocking(", ".get()", ".join()", ".sync()",
      "@NonBlocking", "@Blocking", "import io.netty.channel.*;", "import io.vertx.core.*;"})
  void parseAndAnalyseAnyText(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    FileAnalyzer.Outcome outcome = assertTimeoutPreemptively(PER_INPUT, () -> analyzer().analyze("Fuzz.java", text, OffLoopClasses.NONE));
    assertThat(outcome).isNotNull();
    assertThat(outcome.findings()).isNotNull();
    if (outcome.problem() != null) {
      assertThat(outcome.problem()).matches("(?s)Fuzz\\.java:[1-9][0-9]*: .+");
      assertThat(outcome.problem()).doesNotContain("could not analyse");
    }
    for (var finding : outcome.findings()) {
      assertThat(finding.line()).isAtLeast(1);
    }
  }
}
