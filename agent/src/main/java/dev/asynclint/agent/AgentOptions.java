package dev.asynclint.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The agent's options, read in this one place from {@code -javaagent:async-lint-agent.jar=k=v,...}.
 * A bad option is reported in {@link #problems()} and ignored; the agent still starts.
 */
record AgentOptions(
    Path report,
    Path html,
    Pattern threads,
    long taskThresholdMs,
    Path catalog,
    Path sarif,
    boolean strict,
    boolean commonPool,
    int maxSites,
    boolean quiet,
    boolean dump,
    List<String> problems) {

  static final long DEFAULT_TASK_THRESHOLD_MS = 50;
  static final int DEFAULT_MAX_SITES = 1000;

  static AgentOptions defaults() {
    return parse(null);
  }

  static AgentOptions parse(String text) {
    Path report = null;
    Path html = null;
    Pattern threads = null;
    long taskThresholdMs = DEFAULT_TASK_THRESHOLD_MS;
    Path catalog = null;
    Path sarif = null;
    boolean strict = false;
    boolean commonPool = true;
    int maxSites = DEFAULT_MAX_SITES;
    boolean quiet = false;
    boolean dump = false;
    List<String> problems = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        String item = part.trim();
        if (item.isEmpty()) {
          continue;
        }
        int eq = item.indexOf('=');
        String key = eq < 0 ? item : item.substring(0, eq).trim();
        String value = eq < 0 ? "true" : item.substring(eq + 1).trim();
        try {
          switch (key) {
            case "report" -> report = path(key, value);
            case "html" -> html = path(key, value);
            case "threads" -> threads = Pattern.compile(value);
            case "taskThresholdMs" -> taskThresholdMs = positive(key, value);
            case "catalog" -> catalog = path(key, value);
            case "sarif" -> sarif = path(key, value);
            case "strict" -> strict = bool(key, value);
            case "commonPool" -> commonPool = bool(key, value);
            case "maxSites" -> maxSites = (int) Math.min(Integer.MAX_VALUE, positive(key, value));
            case "quiet" -> quiet = bool(key, value);
            case "dump" -> dump = bool(key, value);
            default -> problems.add("unknown option '" + key + "' (known: report, html, threads,"
                + " taskThresholdMs, catalog, sarif, strict, commonPool, maxSites, quiet, dump)");
          }
        } catch (IllegalArgumentException e) {
          problems.add(e instanceof PatternSyntaxException
              ? "option threads: not a regular expression: " + e.getMessage().lines().findFirst().orElse("")
              : e.getMessage());
        }
      }
    }
    return new AgentOptions(report, html, threads, taskThresholdMs, catalog, sarif, strict,
        commonPool, maxSites, quiet, dump, List.copyOf(problems));
  }

  private static Path path(String key, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("option " + key + ": needs a file path");
    }
    return Path.of(value);
  }

  private static long positive(String key, String value) {
    try {
      long n = Long.parseLong(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("option " + key + ": expected a positive number, got '" + value + "'");
  }

  private static boolean bool(String key, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("option " + key + ": expected true or false, got '" + value + "'");
  }
}
