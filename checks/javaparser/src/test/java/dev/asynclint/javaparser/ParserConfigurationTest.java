package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

/** The scanner's parser: the newest syntax and its post-processing, without JavaParser's validators. */
class ParserConfigurationTest {
  // `abstract final` breaks only a validator's rule; `var` and `yield` need the newest level.
  private static final String TEXT = String.join("\n",
      "abstract final class Odd {",
      "  int f() {",
      "    var name = \"a\";",
      "    return switch (name.length()) { default -> { yield 2; } };",
      "  }",
      "}");

  @Test
  void theLanguageLevelsValidatorIsReplacedByItsPostProcessorsAlone() {
    ParserConfiguration configuration = FileAnalyzer.parserConfiguration();
    for (var processor : configuration.getProcessors()) {
      // Fails when a JavaParser upgrade renames the processor: the scan would validate again.
      assertThat(processor.get().getClass().getName()).isNotEqualTo(FileAnalyzer.LANGUAGE_LEVEL_PROCESSOR);
    }
    var result = new JavaParser(configuration).parse(TEXT);
    assertThat(result.getProblems()).isEmpty();
    CompilationUnit unit = result.getResult().orElseThrow();
    VariableDeclarator name = unit.findFirst(VariableDeclarator.class).orElseThrow();
    assertThat(name.getType()).isInstanceOf(VarType.class); // the post-processor ran
    assertThat(unit.findFirst(YieldStmt.class)).isPresent();
  }

  @Test
  void theDefaultConfigurationValidates() {
    // What the swap saves: the same text fails JavaParser's own validation.
    var result = new JavaParser(new ParserConfiguration().setLanguageLevel(FileAnalyzer.LANGUAGE_LEVEL)).parse(TEXT);
    assertThat(result.getProblems()).isNotEmpty();
  }
}
