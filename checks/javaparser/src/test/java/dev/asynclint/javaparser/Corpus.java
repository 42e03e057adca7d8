package dev.asynclint.javaparser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared conformance corpus and the classpath it compiles against, for the scanner's tests. */
final class Corpus {
  private static final Pattern MARKER = Pattern.compile("^\\s*// BUG: Diagnostic contains: (\\w+)\\s*$");

  private Corpus() {}

  static Path dir() {
    String configured = System.getProperty("asynclint.conformance.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("../conformance/src");
    return dir.toAbsolutePath().normalize();
  }

  /** The framework jars of the test classpath (the real Netty, Vert.x, Reactor, RxJava, Mutiny, annotations). */
  static List<Path> frameworkClasspath() {
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.endsWith(".jar") && (name.startsWith("netty-") || name.startsWith("vertx-")
          || name.startsWith("annotations-") || name.startsWith("reactor-core-")
          || name.startsWith("reactive-streams-") || name.startsWith("rxjava-") || name.startsWith("mutiny-"))) {
        jars.add(Path.of(entry));
      }
    }
    return jars;
  }

  /** A finding or expectation reduced to what both engines must agree on. */
  record Key(String file, int line, String rule) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = file.compareTo(o.file);
      if (c == 0) {
        c = Integer.compare(line, o.line);
      }
      return c != 0 ? c : rule.compareTo(o.rule);
    }

    @Override
    public String toString() {
      return file + ":" + line + " " + rule;
    }
  }

  /** Every {@code // BUG: Diagnostic contains: Rule} marker, as the finding expected on the next line. */
  static Set<Key> markers(List<Path> files) throws IOException {
    Set<Key> out = new TreeSet<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher marker = MARKER.matcher(lines.get(i));
        if (marker.matches()) {
          out.add(new Key(relative(file), i + 2, marker.group(1)));
        }
      }
    }
    return out;
  }

  static String relative(Path file) {
    return dir().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
