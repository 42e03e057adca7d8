package dev.asynclint.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source a report quotes: files under one root (the repository root), read once each. A file
 * that cannot be read has no lines; reports then fall back to the message, never fail.
 */
public final class SourceFiles {
  private final Path root;
  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

  public SourceFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** For reports written without the source at hand (tests, merged reports). */
  public static SourceFiles none() {
    return new SourceFiles(Path.of("/nonexistent-async-lint-root"));
  }

  public Path root() {
    return root;
  }

  /** The 1-based line of the file, if it can be read. */
  public Optional<String> line(String path, int line) {
    List<String> all = lines(path);
    if (line < 1 || line > all.size()) {
      return Optional.empty();
    }
    return Optional.of(all.get(line - 1));
  }

  public List<String> lines(String path) {
    if (path == null || path.isEmpty()) {
      return List.of();
    }
    return lines.computeIfAbsent(path, this::read);
  }

  private List<String> read(String path) {
    Path file = root.resolve(path);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      try {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      } catch (IOException again) {
        return List.of();
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return List.of();
    }
  }
}
