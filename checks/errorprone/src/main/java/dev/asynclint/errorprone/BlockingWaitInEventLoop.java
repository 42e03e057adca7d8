package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.asynclint.core.Category;
import javax.inject.Inject;

/** See {@code docs/rules/BlockingWaitInEventLoop.md}. */
@BugPattern(
    summary = "Waiting for a future, latch, lock or queue on an event loop stalls it and can deadlock it",
    severity = ERROR,
    linkType = CUSTOM,
    link = "https://github.com/async-lint/async-lint/blob/main/docs/rules/BlockingWaitInEventLoop.md")
public final class BlockingWaitInEventLoop extends BlockingInEventLoopChecker {
  /** Used when Error Prone runs with no flags. */
  public BlockingWaitInEventLoop() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public BlockingWaitInEventLoop(ErrorProneFlags flags) {
    super(Category.WAIT, flags);
  }
}
