package dev.asynclint.reports;

import dev.asynclint.core.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that survive line shifts: a hash of the rule, the file and the text of the flagged
 * line (whitespace collapsed), plus which occurrence of that same text in the file it is
 * ({@code hash:n}, the shape GitHub's {@code primaryLocationLineHash} uses). Editing code above a
 * finding keeps its fingerprint; editing the flagged line itself makes it new, which is the point.
 * When the source cannot be read the message stands in for the line text.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** One fingerprint per finding, in the order given (identity keys: findings may be equal). */
  public static Map<Finding, String> of(List<Finding> findings, SourceFiles sources) {
    Map<Finding, String> result = new IdentityHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> ordered = findings.stream()
        .sorted(java.util.Comparator.comparing(Finding::path, java.util.Comparator.nullsFirst(String::compareTo))
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule))
        .toList();
    for (Finding finding : ordered) {
      String text = sources.line(finding.path(), finding.line())
          .map(Fingerprints::normalize)
          .orElseGet(() -> "message:" + normalize(finding.message()));
      String hash = sha256(finding.rule() + "\n" + finding.path() + "\n" + text).substring(0, 16);
      int occurrence = seen.merge(finding.rule() + "|" + finding.path() + "|" + hash, 1, Integer::sum);
      result.put(finding, hash + ":" + occurrence);
    }
    return result;
  }

  static String normalize(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
