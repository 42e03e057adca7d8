package dev.asynclint.errorprone;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.Tree;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.EventLoopContext;

/** The words of async-lint's diagnostics, in one place so every check reads alike. */
final class Messages {
  private Messages() {}

  /**
   * What blocks, where it runs and why we think so, the chain for transitive cases, and the fix:
   * "`Thread.sleep(100)` parks the thread for the whole delay, inside `channelRead` of
   * `EchoHandler` (a Netty ChannelInboundHandler), which runs on the channel's event loop. Fix:
   * ...".
   */
  static String blockingCall(BlockingCall call, EventLoopContext context, Catalog catalog) {
    StringBuilder message = new StringBuilder();
    message.append('`').append(call.shown()).append("` ");
    if (!call.chain().isEmpty()) {
      message.append("reaches ").append(String.join(" → ", call.chain())).append(", which ");
    }
    message.append(call.reason()).append(", ").append(context.reason()).append('.');
    String fix = catalog.fix(context.framework(), call.category()).orElse(call.alternative());
    if (fix == null || fix.isBlank()) {
      fix = "move the call off the event loop to an executor meant for blocking work";
    }
    message.append(" Fix: ").append(fix);
    if (!fix.endsWith(".")) {
      message.append('.');
    }
    return message.toString();
  }

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

}
