package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.asynclint.core.Category;
import javax.inject.Inject;

/** See {@code docs/rules/SleepInEventLoop.md}. */
@BugPattern(
    summary = "Sleeping on an event loop stalls every connection that shares it",
    severity = ERROR,
    linkType = CUSTOM,
    link = "https://github.com/async-lint/async-lint/blob/main/docs/rules/SleepInEventLoop.md")
public final class SleepInEventLoop extends BlockingInEventLoopChecker {
  /** Used when Error Prone runs with no flags. */
  public SleepInEventLoop() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public SleepInEventLoop(ErrorProneFlags flags) {
    super(Category.SLEEP, flags);
  }
}
