package dev.asynclint.core;

import java.util.List;
import java.util.Set;

/**
 * What counts as work inside a loop over data, for {@code NonYieldingLoopInEventLoop}: one list
 * for both engines, so the Error Prone checks and the source scanner judge a loop body alike.
 */
public final class LoopWork {
  private LoopWork() {}

  /** Calls cheap enough per iteration that a loop of them over data is fine on the loop. */
  public static final Set<String> CHEAP_CALLS = Set.of(
      "size", "length", "isEmpty", "charAt", "equals", "hashCode", "compareTo", "compare",
      "valueOf", "ordinal", "name", "contains", "containsKey", "add", "put", "append", "next",
      "hasNext", "hasRemaining", "remaining", "isReadable", "readableBytes", "readerIndex",
      "writerIndex", "capacity", "addAll", "putAll", "remove", "set", "clear", "readByte",
      "writeByte", "release", "retain", "touch");

  /**
   * Buffers whose reads and writes cost a bounds check and a store each: a loop of them moves
   * bytes the event loop has to move anyway (encoding a message field by field).
   */
  public static final List<String> BUFFER_TYPES = List.of(
      "io.netty.buffer.ByteBuf", "java.nio.Buffer", "io.vertx.core.buffer.Buffer");

  /**
   * Calls that cost real work each, so that a loop over data doing one of them per item holds the
   * loop for as long as the data is big: hashing, ciphers, compression, regular expressions,
   * sorting, (de)serialisation, writing to a stream, and Netty pipeline propagation (each call runs
   * the rest of the pipeline). On real event-loop code (vertx-core, lettuce, reactor-netty,
   * r2dbc-postgresql: 160 loop findings triaged, 154 false) a data-sized loop without such a call,
   * or a call into code of this compilation that has one, was bookkeeping every time: failing pending requests,
   * releasing buffers, encoding cookies, notifying listeners. A loop with a constant trip count
   * above the bound still counts any call that is not cheap.
   */
  public static final List<String> WORK_TYPES = List.of(
      "java.security.MessageDigest", "javax.crypto.Mac", "javax.crypto.Cipher", "java.security.Signature",
      "java.util.zip.Deflater", "java.util.zip.Inflater", "java.util.regex.Pattern", "java.util.regex.Matcher",
      "java.io.PrintStream", "java.io.Writer", "java.io.OutputStream",
      "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.ObjectReader",
      "com.fasterxml.jackson.databind.ObjectWriter", "com.google.gson.Gson");

  /** Methods (by owner and name) that are work per call; see {@link #WORK_TYPES}. */
  public static final List<MethodPattern> WORK_METHODS = List.of(
      MethodPattern.parse("java.lang.String#split,matches,replaceAll,replaceFirst"),
      MethodPattern.parse("java.util.Arrays#sort,parallelSort"),
      MethodPattern.parse("java.util.Collections#sort"),
      MethodPattern.parse("java.util.List#sort"),
      MethodPattern.parse("io.netty.channel.ChannelInboundInvoker#fire*"),
      MethodPattern.parse("io.netty.channel.ChannelOutboundInvoker#write,writeAndFlush,flush"));

  /**
   * Math functions that cost tens of nanoseconds each (min, abs, round are about one): over a
   * data-sized loop they are the work.
   */
  public static final Set<String> MATH_WORK = Set.of(
      "log", "log10", "log1p", "exp", "expm1", "pow", "sqrt", "cbrt", "hypot", "sin", "cos", "tan",
      "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh");

  public static final Set<String> FOR_EACH = Set.of("forEach", "forEachOrdered");

  /** Calls in a loop condition that advance through data rather than poll state. */
  public static final Set<String> ITERATION_CALLS = Set.of("next", "hasNext", "find", "readLine");
}
