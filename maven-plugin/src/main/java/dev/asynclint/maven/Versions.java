package dev.asynclint.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time: this plugin's, and the Error Prone it runs. */
final class Versions {
  private static final Properties PROPERTIES = load();

  private Versions() {}

  static String asyncLint() {
    return PROPERTIES.getProperty("asyncLintVersion");
  }

  static String errorProne() {
    return PROPERTIES.getProperty("errorProneVersion");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties is missing from the async-lint plugin jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
