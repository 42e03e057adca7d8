package dev.asynclint.javaparser;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.EventLoopContext;

/** The words of the scanner's diagnostics: the same as the Error Prone engine's, word for word. */
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
    String fix = fix(call, context, catalog);
    message.append(" Fix: ").append(fix);
    if (!fix.endsWith(".")) {
      message.append('.');
    }
    return message.toString();
  }

  static String fix(BlockingCall call, EventLoopContext context, Catalog catalog) {
    String fix = catalog.fix(context.framework(), call.category()).orElse(call.alternative());
    if (fix == null || fix.isBlank()) {
      fix = "move the call off the event loop to an executor meant for blocking work";
    }
    return fix;
  }
}
