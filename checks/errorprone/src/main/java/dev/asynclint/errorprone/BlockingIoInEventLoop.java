package dev.asynclint.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.asynclint.core.Category;
import javax.inject.Inject;

/** See {@code docs/rules/BlockingIoInEventLoop.md}. */
@BugPattern(
    summary = "Blocking I/O on an event loop (files, sockets, JDBC, blocking HTTP, DNS, processes) stalls every connection that shares it",
    severity = ERROR,
    linkType = CUSTOM,
    link = "https://github.com/async-lint/async-lint/blob/main/docs/rules/BlockingIoInEventLoop.md")
public final class BlockingIoInEventLoop extends BlockingInEventLoopChecker {
  /** Used when Error Prone runs with no flags. */
  public BlockingIoInEventLoop() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public BlockingIoInEventLoop(ErrorProneFlags flags) {
    super(Category.IO, flags);
  }
}
