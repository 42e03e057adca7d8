package dev.asynclint.samples.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Finds a sample's violating line by its {@code // violation: RuleId} comment in the source that
 * the build copies next to the classes, so reported line numbers follow every edit.
 */
final class SourceMarkers {

  static final String ROOT = "sample-sources/dev/asynclint/samples/";

  private SourceMarkers() {}

  /** The 1-based line of the marker, or -1 when the source or the marker is missing. */
  static int line(String source, String rule) {
    InputStream in = SourceMarkers.class.getClassLoader().getResourceAsStream(ROOT + source);
    if (in == null) {
      return -1;
    }
    String marker = "// violation: " + rule;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.stripTrailing().endsWith(marker)) {
          return number;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** The marked line's code, without the marker, for the HTML page. */
  static String code(String source, int lineNumber) {
    InputStream in = SourceMarkers.class.getClassLoader().getResourceAsStream(ROOT + source);
    if (in == null || lineNumber < 1) {
      return "";
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = reader.lines().skip(lineNumber - 1L).findFirst().orElse("");
      int comment = line.indexOf("// violation:");
      return (comment >= 0 ? line.substring(0, comment) : line).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
