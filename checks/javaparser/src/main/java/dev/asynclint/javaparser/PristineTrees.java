package dev.asynclint.javaparser;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each scanned file parsed once for all threads. A thread cannot use another's tree, since the
 * symbol solver writes its caches into the nodes; so the first thread to need a file parses it
 * and keeps a copy that no solver ever sees, and every other thread gets a copy of that. Copying
 * a tree takes about a ninth of the time of parsing it once both are compiled, a quarter in a cold
 * scan (bench/ParseCost.java; JavaParser's clone keeps every node's range and tokens), and the files that both threads of a scan need are the large ones: in a
 * Vert.x core scan, second parses were more than half again the text parsed.
 *
 * <p>Kept softly, as the threads' own trees are: a copy the collector took is parsed again.
 */
final class PristineTrees {
  private final ConcurrentHashMap<Path, CompletableFuture<SoftReference<ParseResult<CompilationUnit>>>> trees =
      new ConcurrentHashMap<>();

  /**
   * A tree of the file for the calling thread alone, parsed with {@code parser} or copied from
   * the one parsed first. A parse with problems is not copied: its tree is never resolved.
   */
  ParseResult<CompilationUnit> parse(Path key, String text, JavaParser parser) {
    CompletableFuture<SoftReference<ParseResult<CompilationUnit>>> mine = new CompletableFuture<>();
    CompletableFuture<SoftReference<ParseResult<CompilationUnit>>> known = trees.putIfAbsent(key, mine);
    if (known != null) {
      ParseResult<CompilationUnit> pristine = known.join().get();
      if (pristine != null) {
        try {
          return copyFor(pristine, parser);
        } catch (RuntimeException | StackOverflowError e) {
          return parser.parse(text); // a tree JavaParser cannot copy: this thread parses its own
        }
      }
      trees.replace(key, known, mine); // collected: this thread parses it again, for everyone
    }
    ParseResult<CompilationUnit> parsed;
    ParseResult<CompilationUnit> pristine = null;
    try {
      parsed = parser.parse(text);
      try {
        pristine = parsed.isSuccessful() ? copy(parsed) : parsed;
      } catch (RuntimeException | StackOverflowError e) {
        // a tree JavaParser cannot copy: nothing kept, each thread parses its own
      }
    } finally {
      // Always completed, so that no thread waits forever: with nothing kept, each parses its own.
      mine.complete(new SoftReference<>(pristine));
    }
    return parsed;
  }

  private static ParseResult<CompilationUnit> copy(ParseResult<CompilationUnit> parsed) {
    return new ParseResult<>(parsed.getResult().map(CompilationUnit::clone).orElse(null), parsed.getProblems(),
        parsed.getCommentsCollection().orElse(null));
  }

  /** A copy for a thread: with that thread's symbol resolver, as its own parses get. */
  private static ParseResult<CompilationUnit> copyFor(ParseResult<CompilationUnit> pristine, JavaParser parser) {
    if (!pristine.isSuccessful()) {
      return pristine;
    }
    ParseResult<CompilationUnit> copy = copy(pristine);
    CompilationUnit unit = copy.getResult().orElseThrow();
    parser.getParserConfiguration().getSymbolResolver()
        .ifPresentOrElse(resolver -> unit.setData(Node.SYMBOL_RESOLVER_KEY, resolver),
            () -> unit.removeData(Node.SYMBOL_RESOLVER_KEY));
    return copy;
  }
}
