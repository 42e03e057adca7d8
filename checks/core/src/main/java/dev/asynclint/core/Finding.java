package dev.asynclint.core;

import java.util.List;

/**
 * One violation, as every engine reports it and every report writer reads it.
 *
 * @param rule the rule id, e.g. {@code SleepInEventLoop}
 * @param path the source file, relative to the project root where known
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message the whole diagnostic: what blocks, where it runs, the fix
 * @param context why we think the code runs on an event loop, or empty
 * @param chain for transitive findings the calls from the context to the blocking API, else empty
 * @param fix the suggested fix in words, or empty
 */
public record Finding(
    String rule,
    Severity severity,
    String path,
    int line,
    int column,
    String message,
    String context,
    List<String> chain,
    String fix) {
  public Finding {
    chain = chain == null ? List.of() : List.copyOf(chain);
    context = context == null ? "" : context;
    fix = fix == null ? "" : fix;
  }
}
