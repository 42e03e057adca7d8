package dev.asynclint.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the catalog's line format. One entry a line; {@code #} starts a comment; free text comes
 * after {@code |}:
 *
 * <pre>
 * blocking    SLEEP java.lang.Thread#sleep                         | parks the thread | use a timer
 * blocking    IO java.net.InetAddress#getByName host=0               | resolves a name (not an IP literal)
 * nonblocking java.io.ByteArrayInputStream#*                       | reads memory
 * context     override NETTY io.netty.channel.ChannelInboundHandler#*  | runs on the channel's event loop
 * context     callback VERTX io.vertx.*#*                           | runs on the Vert.x event loop
 * context     callback COMMON_POOL java.util.concurrent.CompletableFuture#*Async unless=java.util.concurrent.Executor confidence=LIKELY | runs on the common pool
 * context     annotation ANNOTATED org.jetbrains.annotations.NonBlocking | is declared non-blocking
 * offload     VERTX io.vertx.core.Vertx#executeBlocking arg=0        | runs on a worker thread
 * inline      io.vertx.core.Future#future arg=0                      | runs the handler before it returns
 * blocking-annotation org.jetbrains.annotations.Blocking
 * fix         NETTY SLEEP                                          | schedule it with ctx.executor().schedule(...)
 * async-result HOT java.util.concurrent.CompletionStage handlers=exceptionally,handle | a CompletableFuture
 * async-result COLD reactor.core.publisher.Mono handlers=subscribe,block             | a Mono
 * scheduler   REACTOR BLOCKING_OK reactor.core.scheduler.Schedulers#boundedElastic | a pool meant for blocking work
 * shift       REACTOR DOWNSTREAM reactor.core.publisher.Flux#publishOn arg=0
 * shift       REACTOR DOWNSTREAM reactor.core.publisher.Mono#delay(java.time.Duration) implicit=reactor.core.scheduler.Schedulers#parallel
 * </pre>
 *
 * Every bad line is reported as {@code file:line: what is wrong}; nothing is returned unless all
 * lines are good.
 */
public final class CatalogParser {
  // Compiled once: the catalog is parsed in every compilation, and String.matches compiles anew.
  private static final Pattern HANDLER_NAME = Pattern.compile("\\*?[A-Za-z_$][\\w$]*\\*?");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private CatalogParser() {}

  public static Catalog parse(Reader reader, String sourceName) throws IOException, CatalogException {
    List<BlockingApi> blocking = new ArrayList<>();
    List<NonBlockingApi> nonBlocking = new ArrayList<>();
    List<EventLoopEntry> contexts = new ArrayList<>();
    List<OffloadPoint> offloads = new ArrayList<>();
    List<String> blockingAnnotations = new ArrayList<>();
    Map<String, String> fixes = new LinkedHashMap<>();
    List<AsyncResultType> results = new ArrayList<>();
    List<KnownScheduler> schedulers = new ArrayList<>();
    List<SchedulerShift> shifts = new ArrayList<>();
    List<InlineCallback> inline = new ArrayList<>();
    List<String> problems = new ArrayList<>();

    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    String raw;
    int lineNumber = 0;
    while ((raw = lines.readLine()) != null) {
      lineNumber++;
      String origin = sourceName + ":" + lineNumber;
      String line = stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        Line parsed = Line.split(line);
        switch (parsed.word(0, "an entry kind")) {
          case "blocking" -> {
            Category category = category(parsed.word(1, "a category (SLEEP, IO or WAIT)"));
            if (category == Category.CPU) {
              throw new IllegalArgumentException(
                  "CPU is only for fix lines (NonYieldingLoopInEventLoop); a blocking entry is SLEEP, IO or WAIT");
            }
            MethodPattern method = method(parsed.word(2, "Owner#method"));
            parsed.noMoreWords(3);
            int host = parsed.intOption("host", -1);
            parsed.onlyOptions("host");
            blocking.add(new BlockingApi(category, method, parsed.text(0), parsed.text(1), origin, host));
          }
          case "nonblocking" -> {
            MethodPattern method = method(parsed.word(1, "Owner#method"));
            parsed.noMoreWords(2);
            parsed.noOptions();
            nonBlocking.add(new NonBlockingApi(method, parsed.text(0), origin));
          }
          case "context" -> {
            EventLoopEntry.Kind kind = contextKind(parsed.word(1, "override, callback or annotation"));
            String framework = framework(parsed.word(2, "a framework name"));
            String target = parsed.word(3, kind == EventLoopEntry.Kind.ANNOTATION ? "an annotation type" : "Owner#method");
            parsed.noMoreWords(4);
            MethodPattern method =
                kind == EventLoopEntry.Kind.ANNOTATION ? annotation(target) : method(target);
            int argument = parsed.intOption("arg", -1);
            String unless = parsed.option("unless", null);
            Confidence confidence = confidence(parsed.option("confidence", "DEFINITE"));
            parsed.onlyOptions("arg", "unless", "confidence");
            String where = parsed.requiredText(0, "where the code runs, after '|'");
            contexts.add(new EventLoopEntry(kind, framework, method, argument, unless, confidence, where, origin));
          }
          case "offload" -> {
            String framework = framework(parsed.word(1, "a framework name"));
            MethodPattern method = method(parsed.word(2, "Owner#method"));
            parsed.noMoreWords(3);
            int argument = parsed.intOption("arg", -1);
            parsed.onlyOptions("arg");
            offloads.add(new OffloadPoint(framework, method, argument,
                parsed.requiredText(0, "where the code runs, after '|'"), origin));
          }
          case "inline" -> {
            MethodPattern method = method(parsed.word(1, "Owner#method"));
            parsed.noMoreWords(2);
            int argument = parsed.intOption("arg", -1);
            parsed.onlyOptions("arg");
            inline.add(new InlineCallback(method, argument,
                parsed.requiredText(0, "why it runs at once, after '|'"), origin));
          }
          case "blocking-annotation" -> {
            blockingAnnotations.add(annotation(parsed.word(1, "an annotation type")).owner());
            parsed.noMoreWords(2);
            parsed.noOptions();
          }
          case "fix" -> {
            String framework = framework(parsed.word(1, "a framework name"));
            Category category = category(parsed.word(2, "a category (SLEEP, IO, WAIT or CPU)"));
            parsed.noMoreWords(3);
            parsed.noOptions();
            fixes.put(Catalog.fixKey(framework, category), parsed.requiredText(0, "the fix, after '|'"));
          }
          case "async-result" -> {
            AsyncResultType.Temperature temperature = temperature(parsed.word(1, "HOT or COLD"));
            String type = annotation(parsed.word(2, "a qualified type name")).owner();
            parsed.noMoreWords(3);
            String handlers = parsed.option("handlers", "");
            parsed.onlyOptions("handlers");
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            for (String name : handlers.split(",")) {
              if (name.isEmpty()) {
                continue;
              }
              if (!HANDLER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' in handlers= is not a method name or glob");
              }
              names.add(name);
            }
            results.add(new AsyncResultType(temperature, type, names, parsed.text(0), origin));
          }
          case "scheduler" -> {
            String framework = framework(parsed.word(1, "a framework name"));
            KnownScheduler.Threads threads = enumWord(KnownScheduler.Threads.class,
                parsed.word(2, "BLOCKING_OK, NON_BLOCKING or CALLER"), "scheduler threads");
            MethodPattern method = method(parsed.word(3, "Owner#method"));
            parsed.noMoreWords(4);
            parsed.noOptions();
            schedulers.add(new KnownScheduler(framework, threads, method,
                parsed.requiredText(0, "what its threads are for, after '|'"), origin));
          }
          case "shift" -> {
            String framework = framework(parsed.word(1, "a framework name"));
            SchedulerShift.Direction direction = enumWord(SchedulerShift.Direction.class,
                parsed.word(2, "DOWNSTREAM or SUBSCRIPTION"), "shift direction");
            MethodPattern method = method(parsed.word(3, "Owner#method"));
            parsed.noMoreWords(4);
            int argument = parsed.intOption("arg", 0);
            String implicit = parsed.option("implicit", null);
            parsed.onlyOptions("arg", "implicit");
            shifts.add(new SchedulerShift(framework, direction, method, argument,
                implicit == null ? null : method(implicit), origin));
          }
          default -> throw new IllegalArgumentException(
              "unknown entry kind '" + parsed.word(0, "") + "' (expected blocking, nonblocking,"
                  + " context, offload, inline, blocking-annotation, fix, async-result, scheduler or shift)");
        }
      } catch (IllegalArgumentException e) {
        problems.add(origin + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    return new Catalog(blocking, nonBlocking, contexts, offloads, blockingAnnotations, fixes, results,
        schedulers, shifts, inline);
  }

  private static String stripComment(String line) {
    // '#' also separates owner and method, so only a '#' at the start or after blank space opens a comment.
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static Category category(String word) {
    try {
      return Category.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown category '" + word + "' (expected SLEEP, IO or WAIT)");
    }
  }

  private static EventLoopEntry.Kind contextKind(String word) {
    try {
      return EventLoopEntry.Kind.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown context kind '" + word + "' (expected override, callback or annotation)");
    }
  }

  private static AsyncResultType.Temperature temperature(String word) {
    try {
      return AsyncResultType.Temperature.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown temperature '" + word + "' (expected HOT or COLD)");
    }
  }

  private static <E extends Enum<E>> E enumWord(Class<E> type, String word, String what) {
    try {
      return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + what + " '" + word + "' (expected "
          + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
    }
  }

  private static Confidence confidence(String word) {
    try {
      return Confidence.valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown confidence '" + word + "' (expected DEFINITE or LIKELY)");
    }
  }

  private static String framework(String word) {
    if (!CONSTANT.matcher(word).matches()) {
      throw new IllegalArgumentException(
          "framework '" + word + "' must be an upper-case name such as NETTY, VERTX or MYAPP");
    }
    return word;
  }

  private static MethodPattern method(String word) {
    return MethodPattern.parse(word);
  }

  private static MethodPattern annotation(String word) {
    if (!QUALIFIED_NAME.matcher(word).matches()) {
      throw new IllegalArgumentException("'" + word + "' is not a qualified annotation type name");
    }
    return new MethodPattern(word, java.util.Set.of("*"), null);
  }

  /** A line split into words, {@code key=value} options and {@code |}-separated texts. */
  private record Line(List<String> words, Map<String, String> options, List<String> texts) {
    static Line split(String line) {
      String[] parts = line.split("\\|", -1);
      List<String> words = new ArrayList<>();
      Map<String, String> options = new LinkedHashMap<>();
      for (String token : WHITESPACE.split(parts[0].trim())) {
        if (token.isEmpty()) {
          continue;
        }
        int eq = token.indexOf('=');
        if (eq > 0) {
          options.put(token.substring(0, eq), token.substring(eq + 1));
        } else {
          words.add(token);
        }
      }
      List<String> texts = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        texts.add(parts[i].strip());
      }
      return new Line(words, options, texts);
    }

    String word(int index, String expected) {
      if (index >= words.size()) {
        throw new IllegalArgumentException("missing " + expected);
      }
      return words.get(index);
    }

    void noMoreWords(int count) {
      if (words.size() > count) {
        throw new IllegalArgumentException(
            "unexpected '" + words.get(count) + "' (free text goes after '|')");
      }
    }

    String text(int index) {
      return index < texts.size() ? texts.get(index) : "";
    }

    String requiredText(int index, String expected) {
      String text = text(index);
      if (text.isEmpty()) {
        throw new IllegalArgumentException("missing " + expected);
      }
      return text;
    }

    String option(String key, String fallback) {
      return options.getOrDefault(key, fallback);
    }

    int intOption(String key, int fallback) {
      String value = options.get(key);
      if (value == null) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(value);
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + "=" + value + " is not an argument index (0, 1, ...)");
      }
    }

    void noOptions() {
      onlyOptions();
    }

    void onlyOptions(String... allowed) {
      for (String key : options.keySet()) {
        if (!List.of(allowed).contains(key)) {
          throw new IllegalArgumentException("unknown option '" + key + "='"
              + (allowed.length == 0 ? "" : " (allowed: " + String.join(", ", allowed) + ")"));
        }
      }
    }
  }
}
