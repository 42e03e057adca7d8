package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisJdkTest {
  @TempDir Path dir;

  private Path jdk(String name, String version) throws Exception {
    Path home = dir.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/javac"), "");
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void picksTheOldestJdkThatIsNewEnough() throws Exception {
    jdk("jdk-17", "17.0.15");
    jdk("jdk-25", "25.0.3");
    jdk("jdk-21", "21.0.5");
    Files.createDirectories(dir.resolve("not-a-jdk"));
    Optional<AnalysisJdk> found = AnalysisJdk.oldestAtLeast(AnalysisJdk.candidates(Map.of(), List.of(dir)), 21, "at");
    assertThat(found.get().feature()).isEqualTo(21);
    assertThat(found.get().home()).isEqualTo(dir.resolve("jdk-21"));

    // A project compiled with release 25 needs javac 25.
    assertThat(AnalysisJdk.oldestAtLeast(AnalysisJdk.candidates(Map.of(), List.of(dir)), 25, "at").get().feature())
        .isEqualTo(25);
  }

  @Test
  void readsJavaHomeVariablesAndMacBundles() throws Exception {
    Path named = jdk("somewhere/else", "22");
    Path bundle = dir.resolve("bundles/temurin-23.jdk/Contents/Home");
    Files.createDirectories(bundle.resolve("bin"));
    Files.writeString(bundle.resolve("bin/javac"), "");
    Files.writeString(bundle.resolve("release"), "JAVA_VERSION=\"23\"\n");
    List<Path> candidates = AnalysisJdk.candidates(Map.of("JAVA22_HOME", named.toString(), "PATH", "/bin"),
        List.of(dir.resolve("bundles")));
    assertThat(AnalysisJdk.oldestAtLeast(candidates, 21, "at").get().feature()).isEqualTo(22);
    assertThat(AnalysisJdk.oldestAtLeast(candidates, 23, "at").get().home()).isEqualTo(bundle);
  }

  @Test
  void noJdkNewEnoughIsEmpty() throws Exception {
    jdk("jdk-17", "17.0.15");
    jdk("jdk-8", "1.8.0_392");
    assertThat(AnalysisJdk.oldestAtLeast(AnalysisJdk.candidates(Map.of(), List.of(dir)), 21, "at")).isEmpty();
    assertThat(AnalysisJdk.feature(dir.resolve("jdk-8")).getAsInt()).isEqualTo(8);
  }
}
