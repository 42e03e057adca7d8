package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The scanner over the conformance corpus that the Error Prone tests also run
 * ({@code ConformanceCorpusTest}): its findings must agree with the markers, which the Error
 * Prone engine meets exactly, on at least 95 % of the findings (agreement = findings both report
 * / findings either reports). Disagreements are written to
 * {@code target/conformance-disagreements.txt}, and each must be listed (as {@code file:line Rule})
 * in docs/accuracy.md.
 */
class ConformanceTest {
  @Test
  void scannerAgreesWithTheCorpusMarkers() throws IOException {
    List<Path> files = SourceScanner.javaFiles(List.of(Corpus.dir()));
    assertWithMessage("corpus files under %s", Corpus.dir()).that(files.size()).isAtLeast(15);
    Set<Corpus.Key> expected = Corpus.markers(files);

    ScanResult result = SourceScanner.scan(
        ScanOptions.of(List.of(Corpus.dir()), Corpus.frameworkClasspath()), Catalog.builtIn(), null);
    assertWithMessage("problems: %s", result.problems()).that(result.problems()).isEmpty();
    Set<Corpus.Key> actual = new TreeSet<>();
    for (Finding finding : result.findings()) {
      actual.add(new Corpus.Key(Corpus.relative(Path.of(finding.path())), finding.line(), finding.rule()));
    }

    Set<Corpus.Key> both = new TreeSet<>(expected);
    both.retainAll(actual);
    Set<Corpus.Key> either = new TreeSet<>(expected);
    either.addAll(actual);
    Set<Corpus.Key> missed = new TreeSet<>(expected);
    missed.removeAll(actual);
    Set<Corpus.Key> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    double agreement = either.isEmpty() ? 1.0 : (double) both.size() / either.size();

    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "corpus: %d files, %d marked findings; scanner: %d findings; agree on %d of %d (%.1f %%)%n",
        files.size(), expected.size(), actual.size(), both.size(), either.size(), agreement * 100));
    missed.forEach(k -> report.append("missed by the scanner: ").append(k).append('\n'));
    extra.forEach(k -> report.append("only the scanner reports: ").append(k).append('\n'));
    report.append(result.summary()).append('\n');
    Path out = Path.of("target", "conformance-disagreements.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);

    assertWithMessage("the corpus must mark findings").that(expected.size()).isAtLeast(20);
    // Every disagreement must be explained where users read about accuracy.
    Path accuracy = Corpus.dir().resolve("../../../docs/accuracy.md").normalize();
    String explained = Files.readString(accuracy);
    for (Corpus.Key disagreement : either) {
      if (!both.contains(disagreement)) {
        assertWithMessage("%s disagrees and is not listed in %s", disagreement, accuracy)
            .that(explained).contains(disagreement.toString());
      }
    }
    assertWithMessage("agreement with the Error Prone engine's markers:%n%s", report)
        .that(agreement).isAtLeast(0.95);
  }
}
