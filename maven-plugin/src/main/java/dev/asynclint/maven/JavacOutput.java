package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a forked javac with Error Prone printed: our checks' diagnostics become
 * {@link Finding}s; anything else at error level is a reason the analysis did not complete.
 *
 * <pre>
 * /abs/src/main/java/demo/EchoHandler.java:12: error: [SleepInEventLoop] `Thread.sleep(100)` ...
 *         Thread.sleep(100);
 *                     ^
 *     (see https://...)
 *   Did you mean 'ctx.executor().schedule(...)'?
 * </pre>
 *
 * The column is where the caret is (javac copies tabs into the caret line, so indexes agree).
 */
final class JavacOutput {
  private static final Pattern HEADER =
      Pattern.compile("^(.+?\\.java):(\\d+): (error|warning|note|Note|warn): (.*)$");
  private static final Pattern RULE_MESSAGE = Pattern.compile("^\\[(\\w+)\\] ");
  private static final Pattern CARET = Pattern.compile("^(\\s*)\\^\\s*$");
  private static final Pattern DID_YOU_MEAN = Pattern.compile("^\\s*Did you mean '(.*)'\\?\\s*$");
  private static final Pattern SEE = Pattern.compile("^\\s*\\(see .*\\)\\s*$");
  private static final Pattern GLOBAL_ERROR = Pattern.compile("^(error|fatal error): (.*)$");

  /** Findings with the absolute path javac printed, and every other error javac reported. */
  record Parsed(List<Finding> findings, List<String> otherErrors) {}

  private JavacOutput() {}

  static Parsed parse(List<String> lines, Set<String> ruleIds) {
    List<Finding> findings = new ArrayList<>();
    List<String> otherErrors = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher header = HEADER.matcher(line);
      if (!header.matches()) {
        Matcher global = GLOBAL_ERROR.matcher(line);
        if (global.matches()) {
          otherErrors.add(line);
        } else if (line.startsWith("An exception has occurred in the compiler")
            || line.startsWith("Exception in thread")) {
          otherErrors.add(line);
        }
        i++;
        continue;
      }
      String path = header.group(1);
      int lineNumber = Integer.parseInt(header.group(2));
      String kind = header.group(3).toLowerCase();
      StringBuilder message = new StringBuilder(header.group(4));
      int column = 0;
      String fix = "";
      // Continuation lines up to the source echo + caret, then notes until the next diagnostic.
      int j = i + 1;
      int caretAt = -1;
      for (int k = i + 1; k < lines.size() && k <= i + 40; k++) {
        if (HEADER.matcher(lines.get(k)).matches()) {
          break;
        }
        if (k >= i + 2 && CARET.matcher(lines.get(k)).matches()) {
          caretAt = k;
          break;
        }
      }
      if (caretAt > 0) {
        for (int k = j; k < caretAt - 1; k++) {
          message.append('\n').append(lines.get(k));
        }
        column = lines.get(caretAt).indexOf('^') + 1;
        j = caretAt + 1;
      }
      while (j < lines.size() && !HEADER.matcher(lines.get(j)).matches() && !isSummary(lines.get(j))
          && lines.get(j).startsWith(" ")) {
        String extra = lines.get(j);
        Matcher didYouMean = DID_YOU_MEAN.matcher(extra);
        if (didYouMean.matches()) {
          fix = didYouMean.group(1);
        } else if (!SEE.matcher(extra).matches()) {
          message.append('\n').append(extra.strip());
        }
        j++;
      }
      i = j;

      Matcher rule = RULE_MESSAGE.matcher(message.toString().strip());
      if (rule.lookingAt() && ruleIds.contains(rule.group(1))) {
        String text = message.toString().strip();
        text = text.substring(text.indexOf(']') + 2).strip();
        findings.add(new Finding(rule.group(1), severity(kind), path, lineNumber, column, text, "", List.of(), fix));
      } else if (kind.equals("error")) {
        otherErrors.add(path + ":" + lineNumber + ": " + message.toString().lines().findFirst().orElse(""));
      }
    }
    return new Parsed(findings, otherErrors);
  }

  private static boolean isSummary(String line) {
    return line.matches("^\\d+ (error|errors|warning|warnings)$");
  }

  private static Severity severity(String kind) {
    return switch (kind) {
      case "error" -> Severity.ERROR;
      case "warning", "warn" -> Severity.WARNING;
      default -> Severity.NOTE;
    };
  }
}
