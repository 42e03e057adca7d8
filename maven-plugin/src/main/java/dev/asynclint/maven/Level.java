package dev.asynclint.maven;

import dev.asynclint.core.Severity;
import java.util.Locale;
import java.util.Optional;

/** A rule's setting in the {@code rules} parameter; DEFAULT keeps the engine's own severity per finding. */
enum Level {
  OFF,
  WARNING,
  ERROR,
  DEFAULT;

  Optional<Severity> severity() {
    return switch (this) {
      case WARNING -> Optional.of(Severity.WARNING);
      case ERROR -> Optional.of(Severity.ERROR);
      default -> Optional.empty();
    };
  }

  static Optional<Level> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "OFF" -> Optional.of(OFF);
      case "WARNING", "WARN" -> Optional.of(WARNING);
      case "ERROR" -> Optional.of(ERROR);
      case "DEFAULT", "ON" -> Optional.of(DEFAULT);
      default -> Optional.empty();
    };
  }
}
