package dev.asynclint.core;

import java.util.List;

/**
 * A call that blocks, as every engine finds it: its category, how it reads in the source
 * ({@code Thread.sleep(100)}), what it does, the API's own non-blocking alternative, and for calls
 * reached through the project's own methods, the chain of calls down to the blocking API.
 *
 * <p>The wording of the finding lives here, so the Error Prone engine and the source scanner say
 * the same thing word for word.
 */
public record BlockingCall(
    Category category, String shown, String reason, String alternative, List<String> chain) {
  public BlockingCall {
    chain = chain == null ? List.of() : List.copyOf(chain);
    alternative = alternative == null ? "" : alternative;
  }

  /**
   * What blocks, where it runs and why we think so, the chain for transitive cases, and the fix:
   * "`Thread.sleep(100)` parks the thread for the whole delay, inside `channelRead` of
   * `EchoHandler` (a Netty ChannelInboundHandler), which runs on the channel's event loop. Fix:
   * ...".
   */
  public String message(EventLoopContext context, Catalog catalog) {
    StringBuilder message = new StringBuilder();
    message.append('`').append(shown).append("` ");
    if (!chain.isEmpty()) {
      message.append("reaches ").append(String.join(" → ", chain)).append(", which ");
    }
    message.append(reason).append(", ").append(context.reason()).append('.');
    String fix = fix(context, catalog);
    message.append(" Fix: ").append(fix);
    if (!fix.endsWith(".")) {
      message.append('.');
    }
    return message.toString();
  }

  /** The framework's fix for this category where the code runs, else the API's own alternative. */
  public String fix(EventLoopContext context, Catalog catalog) {
    String fix = catalog.fix(context.framework(), category).orElse(alternative);
    return fix.isBlank() ? "move the call off the event loop to an executor meant for blocking work" : fix;
  }
}
