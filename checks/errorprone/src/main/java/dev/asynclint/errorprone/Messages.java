package dev.asynclint.errorprone;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.Tree;

/** The words of async-lint's diagnostics, in one place so every check reads alike. */
final class Messages {
  private Messages() {}

  /** Never crash javac: an internal failure on one tree becomes a note, and analysis goes on. */
  static Description internalError(BugChecker checker, Tree tree, Throwable e) {
    String where = e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "";
    return checker.buildDescription(tree)
        .setMessage("async-lint could not analyse this code (" + e.getClass().getSimpleName()
            + ": " + e.getMessage() + where + "); the rest of the file is still checked."
            + " Please report this with the code around it.")
        .overrideSeverity(SeverityLevel.SUGGESTION)
        .build();
  }


  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /** Source text on one line, runs of whitespace as one space (compiled once: asked per loop and call shown). */
  static String oneLine(String source) {
    return WHITESPACE.matcher(source).replaceAll(" ");
  }
}
