package dev.asynclint.javaparser;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a few source files into a folder and scans them, for the rules' unit tests. */
final class Sources {
  private final Path dir;
  private ScanOptions.RuleOptions rules = ScanOptions.RuleOptions.DEFAULTS;
  private List<Path> classpath = Corpus.frameworkClasspath();

  Sources(Path dir) {
    this.dir = dir;
  }

  Sources add(String fileName, String... lines) throws IOException {
    Files.writeString(dir.resolve(fileName), String.join("\n", lines) + "\n");
    return this;
  }

  Sources with(ScanOptions.RuleOptions options) {
    this.rules = options;
    return this;
  }

  /** Scan as if the framework jars were missing from --classpath. */
  Sources withoutClasspath() {
    this.classpath = List.of();
    return this;
  }

  ScanResult scan() throws IOException {
    ScanOptions options = ScanOptions.of(List.of(dir), classpath).withThreads(1).withRules(rules);
    return SourceScanner.scan(options, Catalog.builtIn(), null);
  }

  /** The findings of one rule, as {@code line: message}. */
  List<String> findings(String ruleId) throws IOException {
    ScanResult result = scan();
    if (!result.problems().isEmpty()) {
      throw new AssertionError("problems: " + result.problems());
    }
    return result.findings().stream().filter(f -> f.rule().equals(ruleId))
        .map(Sources::shown).toList();
  }

  static String shown(Finding finding) {
    return finding.line() + ": " + finding.message();
  }
}
