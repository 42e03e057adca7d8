package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceSelectionTest {
  @Test
  void defaultsToEveryJavaFileIncludingTheRootPackage() {
    SourceSelection all = new SourceSelection(null, null);
    assertThat(all.selects(Path.of("Main.java"))).isTrue();
    assertThat(all.selects(Path.of("com/acme/Main.java"))).isTrue();
    assertThat(all.selects(Path.of("com/acme/notes.txt"))).isFalse();
  }

  @Test
  void excludesWinOverIncludes() {
    SourceSelection selection = new SourceSelection(List.of("com/acme/**"), List.of("com/acme/legacy/", "**/*Generated.java"));
    assertThat(selection.selects(Path.of("com/acme/server/Handler.java"))).isTrue();
    assertThat(selection.selects(Path.of("com/acme/legacy/Old.java"))).isFalse();
    assertThat(selection.selects(Path.of("com/acme/FooGenerated.java"))).isFalse();
    assertThat(selection.selects(Path.of("org/other/Handler.java"))).isFalse();
  }
}
