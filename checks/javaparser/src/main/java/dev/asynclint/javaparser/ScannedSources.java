package dev.asynclint.javaparser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scanned files' texts, by normalised path, and which file declares each top-level type (by
 * qualified name, from the file's package and name). Read once, immutable, shared by every
 * scanning thread.
 */
final class ScannedSources {
  static final ScannedSources NONE = new ScannedSources(Map.of(), Map.of());

  private final Map<String, Path> typeFiles;
  private final Map<Path, String> texts;

  ScannedSources(Map<String, Path> typeFiles, Map<Path, String> texts) {
    this.typeFiles = Map.copyOf(typeFiles);
    this.texts = Map.copyOf(texts);
  }

  /** Builder order decides: the first file seen for a qualified name declares it. */
  static final class Builder {
    private final Map<String, Path> typeFiles = new HashMap<>();
    private final Map<Path, String> texts = new HashMap<>();

    void add(Path file, String text, Optional<String> topLevelType) {
      Path key = key(file);
      texts.putIfAbsent(key, text);
      topLevelType.ifPresent(name -> typeFiles.putIfAbsent(name, key));
    }

    ScannedSources build() {
      return new ScannedSources(typeFiles, texts);
    }
  }

  static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /** The file that declares this top-level type, when it is one of the scanned files. */
  Optional<Path> fileOf(String qualifiedTopLevelName) {
    return Optional.ofNullable(typeFiles.get(qualifiedTopLevelName));
  }

  boolean declaresTopLevel(String qualifiedName) {
    return typeFiles.containsKey(qualifiedName);
  }

  Optional<String> text(Path file) {
    return Optional.ofNullable(texts.get(key(file)));
  }
}
