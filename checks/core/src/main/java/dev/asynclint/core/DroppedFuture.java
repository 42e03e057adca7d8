package dev.asynclint.core;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hot async result dropped with no failure handler, as every engine finds it ({@code
 * UnawaitedFuture}): how the code reads, the result's simple type name, the catalog entries the
 * type matches, how it is dropped, and the last step of its chain.
 *
 * <p>The wording of the finding lives here, so the Error Prone engine and the source scanner say
 * the same thing word for word.
 *
 * @param shown the expression as written, whitespace collapsed
 * @param typeName the static type's simple name ({@code CompletableFuture}, {@code ChannelFuture})
 * @param entries the catalog's HOT entries the type is a subtype of
 * @param how one of {@link #DROPPED}, {@link #RETURNED_FROM_LAMBDA}, {@link #RETURNED_THROUGH_REFERENCE}
 *     or {@link #storedIn}
 * @param lastStep the name of the method that ends the chain, or empty
 */
public record DroppedFuture(String shown, String typeName, List<AsyncResultType> entries, String how, String lastStep) {
  public static final String DROPPED = "is dropped here";
  public static final String RETURNED_FROM_LAMBDA = "is returned from a lambda whose caller discards it";
  public static final String RETURNED_THROUGH_REFERENCE =
      "is returned through a method reference whose caller discards it";

  /**
   * Listener registrations that return the very future they were called on (Vert.x {@code
   * onSuccess}): a failure handler before them in the chain still observes that future.
   */
  public static final Set<String> SAME_FUTURE_LISTENERS = Set.of("onSuccess");

  /**
   * Settings that return the future they were called on ({@code cf.orTimeout(...)}): on a
   * variable they configure a future that lives on, so nothing is dropped; on a fresh chain they
   * are looked through.
   */
  public static final Set<String> SAME_FUTURE_SETTINGS = Set.of("orTimeout", "completeOnTimeout");

  /** Exempt as in Error Prone's FutureReturnValueIgnored: their futures are observed elsewhere. */
  public static final List<MethodPattern> EXEMPT = List.of(
      MethodPattern.parse("java.util.concurrent.ForkJoinTask#fork"),
      MethodPattern.parse("java.util.concurrent.CompletionService#submit"));

  /**
   * Writes and closes whose future Vert.x code drops as idiomatically as Netty code drops
   * writeAndFlush's: a failed write also closes the connection, which the connection's handlers
   * see, and a failed close (or unregister) leaves nothing for the caller to do. Reported only
   * with the VertxWritesAndCloses option.
   */
  public static final List<MethodPattern> VERTX_WRITES_AND_CLOSES = List.of(
      MethodPattern.parse("io.vertx.core.streams.WriteStream#write,end"),
      MethodPattern.parse("io.vertx.core.http.HttpServerResponse#end,send,sendFile,writeContinue,writeEarlyHints,reset"),
      MethodPattern.parse("io.vertx.core.http.WebSocketBase#write*,end,close"),
      MethodPattern.parse("io.vertx.ext.web.RoutingContext#end,json,redirect"),
      MethodPattern.parse("io.vertx.*#close,unregister"));

  public DroppedFuture {
    entries = List.copyOf(entries);
    lastStep = lastStep == null ? "" : lastStep;
  }

  public static String storedIn(String variable) {
    return "is stored in `" + variable + "`, which is never read";
  }

  /** Whether {@code method} observes failure for any of the matched entries. */
  public static boolean handles(List<AsyncResultType> entries, String method) {
    for (AsyncResultType entry : entries) {
      MethodPattern names = new MethodPattern(entry.type(), entry.handlers(), null);
      if (names.matchesName(method)) {
        return true;
      }
    }
    return false;
  }

  /** A few handler names for the message: listeners (onFailure) first, no *Async variants. */
  public static List<String> shownHandlers(List<AsyncResultType> entries) {
    Set<String> names = new TreeSet<>();
    for (AsyncResultType entry : entries) {
      for (String handler : entry.handlers()) {
        if (!handler.endsWith("Async") && !handler.endsWith("Compose") && !handler.contains("*")) {
          names.add(handler);
        }
      }
    }
    return names.stream()
        .sorted(Comparator.comparing((String n) -> n.startsWith("on") ? 0 : 1).thenComparing(n -> n))
        .limit(4)
        .toList();
  }

  public static String article(String typeName) {
    return "AEIOU".indexOf(Character.toUpperCase(typeName.charAt(0))) >= 0 ? "an" : "a";
  }

  /** "`f()` returns a CompletableFuture that is dropped here with no failure handler, ... Fix: ...". */
  public String message() {
    StringBuilder message = new StringBuilder();
    message.append('`').append(shown).append("` returns ").append(article(typeName)).append(' ')
        .append(typeName).append(" that ").append(how)
        .append(" with no failure handler, so if it fails, the exception is lost.");
    if (SAME_FUTURE_LISTENERS.contains(lastStep)) {
      message.append(" `").append(lastStep).append("` only sees success.");
    }
    message.append(" Fix: ");
    List<String> handlers = shownHandlers(entries);
    if (handlers.isEmpty()) {
      message.append("keep the ").append(typeName)
          .append(" and check its result (its failure only surfaces through get()), or use a method"
              + " that does not return one (Executor.execute instead of submit)");
    } else {
      message.append("end the chain with a failure handler (")
          .append(String.join(", ", handlers)).append("), or return it to the caller");
    }
    message.append(". If the failure truly does not matter, say so: `var unused = ...` or"
        + " @SuppressWarnings(\"UnawaitedFuture\").");
    return message.toString();
  }
}
