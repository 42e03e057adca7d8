package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command-line scan starts a second JVM with the quick C1 tier only when the first was started
 * as plain {@code java -jar}: JVM options the user gave are left as they are.
 */
class QuickStartJvmTest {
  @Test
  void plainJavaDashJarRunsTheScanAgainWithTheQuickTierAndTheSameArguments() {
    assertThat(QuickStartJvm.command("/jdk/bin/java", List.of("-jar", "cli.jar", "--quiet", "src")))
        .hasValue(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Dasynclint.quickStart=true",
            "-jar", "cli.jar", "--quiet", "src"));
  }

  @Test
  void jvmOptionsOnTheCommandLineAreTheUsersChoice() {
    assertThat(QuickStartJvm.command("/jdk/bin/java", List.of("-Xmx2g", "-jar", "cli.jar", "src"))).isEmpty();
    assertThat(QuickStartJvm.command("/jdk/bin/java", List.of("-cp", "cli.jar", "dev.asynclint.javaparser.Main")))
        .isEmpty();
    assertThat(QuickStartJvm.command("/jdk/bin/java", List.of())).isEmpty();
  }

  @Test
  void theSecondJvmDoesNotStartAThird() {
    System.setProperty(QuickStartJvm.STARTED, "true");
    try {
      assertThat(QuickStartJvm.run()).isEmpty();
    } finally {
      System.clearProperty(QuickStartJvm.STARTED);
    }
  }
}
