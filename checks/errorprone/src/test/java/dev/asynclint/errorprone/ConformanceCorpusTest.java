package dev.asynclint.errorprone;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the conformance corpus shared with the source scanner ({@code checks/conformance/src}) through
 * each rule. A corpus file may mark several rules; {@link CompilationTestHelper} checks the
 * markers of the one checker under test, so other rules' markers are blanked (keeping line numbers)
 * before the files are handed over. All files go into one compilation per checker, which also
 * proves that every unmarked line stays quiet.
 */
class ConformanceCorpusTest {
  private static final Pattern MARKER = Pattern.compile("^\\s*// BUG: Diagnostic contains: (\\w+)\\s*$");

  static Path corpus() {
    Path base = Path.of(System.getProperty("basedir", "."));
    return base.resolve("../conformance/src").normalize();
  }

  @Test
  void sleepInEventLoop() throws IOException {
    run(SleepInEventLoop.class, "SleepInEventLoop");
  }

  @Test
  void blockingIoInEventLoop() throws IOException {
    run(BlockingIoInEventLoop.class, "BlockingIoInEventLoop");
  }

  @Test
  void blockingWaitInEventLoop() throws IOException {
    run(BlockingWaitInEventLoop.class, "BlockingWaitInEventLoop");
  }

  @Test
  void nonYieldingLoopInEventLoop() throws IOException {
    run(NonYieldingLoopInEventLoop.class, "NonYieldingLoopInEventLoop");
  }

  @Test
  void unawaitedFuture() throws IOException {
    run(UnawaitedFuture.class, "UnawaitedFuture");
  }

  @Test
  void unsubscribedPublisher() throws IOException {
    run(UnsubscribedPublisher.class, "UnsubscribedPublisher");
  }

  private void run(Class<? extends BugChecker> checker, String ruleId) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus())) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertWithMessage("corpus files under %s", corpus()).that(files.size()).isAtLeast(15);
    CompilationTestHelper helper = CompilationTestHelper.newInstance(checker, getClass());
    int markers = 0;
    for (Path file : files) {
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        Matcher marker = MARKER.matcher(line);
        if (marker.matches() && !marker.group(1).equals(ruleId)) {
          lines.add("// (marker for " + marker.group(1) + ")");
        } else {
          if (marker.matches()) {
            markers++;
          }
          lines.add(line);
        }
      }
      helper.addSourceLines(corpus().relativize(file).toString(), lines.toArray(String[]::new));
    }
    if (markers == 0) {
      helper.expectNoDiagnostics();
    }
    helper.doTest();
  }
}
