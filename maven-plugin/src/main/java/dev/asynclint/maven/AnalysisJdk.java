package dev.asynclint.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK whose javac hosts Error Prone (JDK 21+; Maven itself may run on 17). Chosen in this order:
 * the {@code jdkHome} parameter, the project's toolchain, a {@code toolchains.xml} JDK, a JDK
 * discovered where installers put them, the JDK running Maven. Among discovered JDKs the oldest one
 * that is new enough wins, since Error Prone supports it longest.
 */
record AnalysisJdk(Path home, int feature, String origin) {
  static final int MINIMUM = 21;

  Path javac() {
    Path unix = home.resolve("bin/javac");
    return Files.isRegularFile(unix) ? unix : home.resolve("bin/javac.exe");
  }

  /** The feature release of a JDK home, from its {@code release} file; empty if it is not a JDK. */
  static OptionalInt feature(Path home) {
    if (home == null) {
      return OptionalInt.empty();
    }
    if (!Files.isRegularFile(home.resolve("bin/javac")) && !Files.isRegularFile(home.resolve("bin/javac.exe"))) {
      return OptionalInt.empty();
    }
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return OptionalInt.empty();
    }
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(release)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").strip();
    return parseFeature(version);
  }

  static OptionalInt parseFeature(String version) {
    Matcher m = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** Where JDKs are usually installed, as directories whose children are JDK homes. */
  static List<Path> usualParents(Path userHome) {
    return List.of(
        Path.of("/usr/lib/jvm"),
        Path.of("/usr/java"),
        Path.of("/opt"),
        Path.of("/opt/java"),
        userHome.resolve(".sdkman/candidates/java"),
        userHome.resolve(".jdks"),
        userHome.resolve(".m2/jdks"),
        userHome.resolve(".asdf/installs/java"),
        Path.of("/Library/Java/JavaVirtualMachines"),
        userHome.resolve("Library/Java/JavaVirtualMachines"));
  }

  /**
   * JDK homes named by {@code JAVA_HOME}, {@code JAVA<n>_HOME}, {@code JDK<n>_HOME}, and under the
   * given parent directories (also {@code Contents/Home} for macOS bundles).
   */
  static List<Path> candidates(Map<String, String> env, List<Path> parents) {
    List<Path> homes = new ArrayList<>();
    env.entrySet().stream()
        .filter(e -> e.getKey().matches("JAVA_HOME|JAVA\\d+_HOME|JDK\\d+_HOME|JDK_HOME"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> homes.add(Path.of(e.getValue())));
    for (Path parent : parents) {
      if (!Files.isDirectory(parent)) {
        continue;
      }
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent)) {
        stream.forEach(children::add);
      } catch (IOException | SecurityException e) {
        continue;
      }
      children.sort(Comparator.naturalOrder());
      for (Path child : children) {
        homes.add(child);
        homes.add(child.resolve("Contents/Home"));
      }
    }
    return homes;
  }

  /** The oldest candidate at or above {@code minimum}. */
  static Optional<AnalysisJdk> oldestAtLeast(List<Path> homes, int minimum, String origin) {
    AnalysisJdk best = null;
    for (Path home : homes) {
      OptionalInt feature = feature(home);
      if (feature.isPresent() && feature.getAsInt() >= minimum && (best == null || feature.getAsInt() < best.feature())) {
        best = new AnalysisJdk(home.toAbsolutePath().normalize(), feature.getAsInt(), origin + " " + home);
      }
    }
    return Optional.ofNullable(best);
  }
}
