package dev.asynclint.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines the static checks flagged, read from their SARIF, so a measured site can say whether
 * it was found statically. Sites carry only a file name and line (that is what a stack frame
 * knows), so the join is on "File.java:LINE".
 */
final class StaticFindings {
  static final StaticFindings NONE = new StaticFindings(Set.of());

  private final Set<String> fileLines;

  private StaticFindings(Set<String> fileLines) {
    this.fileLines = fileLines;
  }

  static StaticFindings read(Path sarif, List<String> problems) {
    try {
      return parse(Files.readString(sarif, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add("sarif=" + sarif + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      problems.add("sarif=" + sarif + ": not valid SARIF JSON: " + e.getMessage());
    }
    return NONE;
  }

  static StaticFindings parse(String json) {
    Set<String> out = new HashSet<>();
    for (Object run : list(map(Json.parse(json)).get("runs"))) {
      for (Object result : list(map(run).get("results"))) {
        for (Object location : list(map(result).get("locations"))) {
          Map<?, ?> physical = map(map(location).get("physicalLocation"));
          Object uri = map(physical.get("artifactLocation")).get("uri");
          Object line = map(physical.get("region")).get("startLine");
          if (uri instanceof String u && line instanceof Number n) {
            String file = u.substring(u.lastIndexOf('/') + 1);
            out.add(file + ":" + n.intValue());
          }
        }
      }
    }
    return new StaticFindings(Set.copyOf(out));
  }

  boolean contains(String site) {
    int open = site.lastIndexOf('(');
    return open >= 0 && site.endsWith(")") && fileLines.contains(site.substring(open + 1, site.length() - 1));
  }

  int size() {
    return fileLines.size();
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }
}
