package dev.asynclint.javaparser;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One syntax tree per scanned file for one thread: the file analysed, the files the symbol solver
 * reads to resolve types declared in the sources, and the files searched for implementations of
 * a virtual call all share it, so a file is parsed once per thread rather than once per use.
 * Trees are per thread because the symbol solver's caches and the resolver stored in each tree
 * are. Held softly: a large code base may let go of trees and parse them again.
 */
final class ParsedTrees {
  private final JavaParser parser;
  private final ScannedSources sources;
  private final PristineTrees shared;
  private final Map<Path, SoftReference<ParseResult<CompilationUnit>>> parsed = new HashMap<>();

  ParsedTrees(JavaParser parser, ScannedSources sources) {
    this(parser, sources, null);
  }

  /** With {@code shared}, a file another thread parsed already is copied rather than parsed again. */
  ParsedTrees(JavaParser parser, ScannedSources sources, PristineTrees shared) {
    this.parser = parser;
    this.sources = sources;
    this.shared = shared;
  }

  /** The parse of a scanned file, by its path and text. */
  ParseResult<CompilationUnit> parse(Path file, String text) {
    Path key = ScannedSources.key(file);
    SoftReference<ParseResult<CompilationUnit>> known = parsed.get(key);
    ParseResult<CompilationUnit> result = known == null ? null : known.get();
    if (result == null) {
      result = shared == null ? parser.parse(text) : shared.parse(key, text, parser);
      result.getResult().ifPresent(unit -> unit.setStorage(key));
      parsed.put(key, new SoftReference<>(result));
    }
    return result;
  }

  /** Whether this thread holds the file's tree (reading it again costs nothing). */
  boolean has(Path file) {
    SoftReference<ParseResult<CompilationUnit>> known = parsed.get(ScannedSources.key(file));
    return known != null && known.get() != null;
  }

  /** The tree of a scanned file known by path only; empty when it is not scanned or does not parse. */
  Optional<CompilationUnit> unit(Path file) {
    return sources.text(file).flatMap(text -> unit(file, text));
  }

  /**
   * The tree of a file known by path and text, parsed here unless this thread has it; empty when
   * it does not parse. A file with syntax errors may still yield a partial tree: types and method
   * bodies are not read from it (its own analysis reports the error).
   */
  Optional<CompilationUnit> unit(Path file, String text) {
    ParseResult<CompilationUnit> result = parse(file, text);
    return result.isSuccessful() ? result.getResult() : Optional.empty();
  }
}
