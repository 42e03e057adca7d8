package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParsedTreesTest {
  private static final Path FILE = Path.of("src/demo/Broken.java");
  // A statement-level error: JavaParser recovers and still hands back a partial tree.
  private static final String BROKEN = "package demo; class Broken { void run() { int x = ; } void ok() {} }";

  private final ParsedTrees trees = new ParsedTrees(
      new JavaParser(new ParserConfiguration().setLanguageLevel(FileAnalyzer.LANGUAGE_LEVEL)),
      new ScannedSources(Map.of("demo.Broken", ScannedSources.key(FILE)), Map.of(ScannedSources.key(FILE), BROKEN)));

  @Test
  void aFileThatDoesNotParseLendsNoTreeToTypesOrSummariesThoughItsOwnParseKeepsTheProblems() {
    var parsed = trees.parse(FILE, BROKEN);
    assertThat(parsed.isSuccessful()).isFalse();
    assertThat(parsed.getResult().isPresent()).isTrue(); // the partial tree the guard is for
    assertThat(trees.unit(FILE, BROKEN)).isEqualTo(Optional.empty());
    assertThat(trees.unit(FILE)).isEqualTo(Optional.empty());
  }

  @Test
  void aFileIsParsedOncePerThreadAndSharedByEveryUse() {
    String text = "package demo; class Fine { void run() {} }";
    var first = trees.unit(Path.of("src/demo/Fine.java"), text);
    assertThat(first.isPresent()).isTrue();
    assertThat(trees.unit(Path.of("src/demo/./Fine.java"), text).get()).isSameInstanceAs(first.get());
  }
}
