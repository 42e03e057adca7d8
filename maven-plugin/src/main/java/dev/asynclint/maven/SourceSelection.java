package dev.asynclint.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which {@code .java} files under the source roots are analysed: {@code includes} minus
 * {@code excludes}, Ant-style globs relative to a source root ({@code **}{@code /*.java},
 * {@code com/acme/legacy/**}).
 */
final class SourceSelection {
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;

  SourceSelection(List<String> includes, List<String> excludes) {
    this.includes = matchers(includes == null || includes.isEmpty() ? List.of("**/*.java") : includes);
    this.excludes = matchers(excludes == null ? List.of() : excludes);
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      String g = glob.strip().replace('\\', '/');
      if (g.isEmpty()) {
        continue;
      }
      if (g.endsWith("/")) {
        g = g + "**";
      }
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      // "**/X" also matches X at the root, as in Ant and Maven.
      if (g.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
      }
    }
    return matchers;
  }

  boolean selects(Path relative) {
    return includes.stream().anyMatch(m -> m.matches(relative)) && excludes.stream().noneMatch(m -> m.matches(relative));
  }

  /** Selected files under the roots, absolute and sorted; roots that do not exist are skipped. */
  List<Path> files(List<Path> roots) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
            .filter(p -> selects(root.relativize(p)))
            .sorted()
            .forEach(p -> files.add(p.toAbsolutePath().normalize()));
      }
    }
    return new ArrayList<>(files);
  }
}
