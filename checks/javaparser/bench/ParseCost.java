import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What parsing costs the scanner, in one JVM, thread CPU of the best of 9 rounds after 3 warm-up
 * rounds: every file parsed, every tree cloned (what a second thread pays with PristineTrees, and
 * a check that clones keep every node's range), and every file parsed with its comments removed
 * (line breaks kept). Run from the repository root, after scan-vs-javac.sh fetched the sources:
 *
 *   java -cp checks/javaparser/target/async-lint-javaparser-*-cli.jar checks/javaparser/bench/ParseCost.java \
 *       checks/javaparser/target/bench/files.txt
 */
public class ParseCost {
  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    for (String file : Files.readAllLines(Path.of(args[0]))) {
      texts.add(Files.readString(Path.of(file)));
    }
    List<String> stripped = texts.stream().map(ParseCost::withoutComments).toList();
    // As the scanner parses: the newest level and no comment attribution (but with JavaParser's
    // validation, which the scanner swaps out; see FileAnalyzer.parserConfiguration).
    ParserConfiguration.LanguageLevel newest = java.util.Arrays.stream(ParserConfiguration.LanguageLevel.values())
        .filter(level -> level.name().matches("JAVA_\\d+"))
        .max(java.util.Comparator.comparingInt(level -> Integer.parseInt(level.name().substring(5))))
        .orElseThrow();
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(newest).setAttributeComments(false));
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long parse = Long.MAX_VALUE, copy = Long.MAX_VALUE, noComments = Long.MAX_VALUE;
    for (int round = 0; round < 12; round++) {
      long start = threads.getCurrentThreadCpuTime();
      List<CompilationUnit> units = new ArrayList<>();
      for (String text : texts) {
        units.add(parser.parse(text).getResult().orElseThrow());
      }
      long parsed = threads.getCurrentThreadCpuTime();
      List<CompilationUnit> copies = new ArrayList<>();
      for (CompilationUnit unit : units) {
        copies.add(unit.clone());
      }
      long copied = threads.getCurrentThreadCpuTime();
      for (String text : stripped) {
        ParseResult<CompilationUnit> result = parser.parse(text);
        if (!result.isSuccessful()) {
          throw new IllegalStateException("a file without comments does not parse");
        }
      }
      long strippedParsed = threads.getCurrentThreadCpuTime();
      if (round >= 3) {
        parse = Math.min(parse, parsed - start);
        copy = Math.min(copy, copied - parsed);
        noComments = Math.min(noComments, strippedParsed - copied);
      }
      if (round == 11) {
        int nodes = 0;
        for (int i = 0; i < units.size(); i++) {
          List<Node> original = units.get(i).findAll(Node.class);
          List<Node> clone = copies.get(i).findAll(Node.class);
          for (int k = 0; k < original.size(); k++) {
            if (!original.get(k).getRange().equals(clone.get(k).getRange())) {
              throw new IllegalStateException("a clone lost a range in file " + i);
            }
            nodes++;
          }
        }
        System.out.printf("%d files, %d nodes: every clone has every range%n", texts.size(), nodes);
      }
    }
    System.out.printf("thread CPU, best of 9: parse %d ms, clone %d ms, parse without comments %d ms%n",
        parse / 1_000_000, copy / 1_000_000, noComments / 1_000_000);
  }

  /** Comments removed, line breaks kept; string, char and text-block literals left alone. */
  static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        int end = i + 1;
        if (text.startsWith("\"\"\"", i)) {
          end = text.indexOf("\"\"\"", i + 3);
          end = end < 0 ? text.length() : end + 3;
        } else {
          while (end < text.length() && text.charAt(end) != c) {
            end += text.charAt(end) == '\\' ? 2 : 1;
          }
          end = Math.min(text.length(), end + 1);
        }
        out.append(text, i, end);
        i = end;
      } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
        int end = text.charAt(i + 1) == '/' ? text.indexOf('\n', i) : text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : text.charAt(i + 1) == '/' ? end : end + 2;
        for (int k = i; k < end; k++) {
          if (text.charAt(k) == '\n') {
            out.append('\n');
          }
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
