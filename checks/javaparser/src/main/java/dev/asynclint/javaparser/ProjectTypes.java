package dev.asynclint.javaparser;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scanned sources declare, read once from their text without parsing: the names of the
 * methods they declare (the cheap test before a call is resolved for transitive analysis), and
 * which files may declare a subtype of a given type (the files a virtual call's implementations
 * can be in). Both are over-approximations; the symbol solver has the last word.
 */
final class ProjectTypes {
  static final Pattern TYPE_HEADER =
      Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)([^{;]*)\\{");
  static final Pattern ANONYMOUS = Pattern.compile("\\bnew\\s+(?:[\\w$]+\\.)*(\\w+)\\s*(?:<[^>(]*>)?\\s*\\(");
  static final Pattern DECLARED_METHOD = Pattern.compile(
      "\\b(\\w+)\\s*+\\((?:[^()]++|\\([^()]*+\\))*+\\)\\s*+(?:throws\\s+[\\w.,\\s]+)?\\{");
  static final Pattern LAMBDA_FIELD =
      Pattern.compile("\\b(\\w+)\\s*+=\\s*+(?:\\([^()]*\\)\\s*->|\\w+\\s*->|[\\w.]+\\s*::)");
  static final Pattern IDENTIFIER = Pattern.compile("\\w+");
  private static final Set<String> NOT_METHODS =
      Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new");

  static final ProjectTypes EMPTY = new ProjectTypes(List.of(), List.of());

  private final List<Path> files;
  private final List<String> texts;
  private final Set<String> methodNames = new HashSet<>();
  /** Per file, the names of the methods it declares with a body. */
  private final List<Set<String>> declaredPerFile = new ArrayList<>();
  private final Map<String, Set<Integer>> subtypeFiles = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> lambdaHolders = new HashSet<>();
  /**
   * Name → the simple names of the types whose header mentions it (as a supertype, but also as a
   * type argument): the subtype search follows these edges, rather than reading every header for
   * each name it meets.
   */
  private final Map<String, Set<String>> mentionedBy = new HashMap<>();
  /** Simple type name (declared, or created anonymously) → files that do so. */
  private final Map<String, Set<Integer>> declaringFiles = new HashMap<>();

  ProjectTypes(List<Path> files, List<String> texts) {
    this.files = List.copyOf(files);
    this.texts = List.copyOf(texts);
    // Files are read in parallel (the regular expressions took most of a second on the main
    // thread of a Vert.x core scan, before any scanning thread starts) and merged in file order,
    // so the index is the same as read one by one.
    List<FileDeclarations> read = java.util.stream.IntStream.range(0, this.texts.size()).parallel()
        .mapToObj(i -> FileDeclarations.of(this.texts.get(i)))
        .toList();
    for (int i = 0; i < read.size(); i++) {
      FileDeclarations file = read.get(i);
      declaredPerFile.add(new HashSet<>(file.methods()));
      methodNames.addAll(file.methods());
      lambdaHolders.addAll(file.lambdaHolders());
      for (Map.Entry<String, List<String>> header : file.headers()) {
        for (String mentioned : header.getValue()) {
          mentionedBy.computeIfAbsent(mentioned, n -> new HashSet<>()).add(header.getKey());
        }
      }
      for (String name : file.declaring()) {
        declaringFiles.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(i);
      }
    }
  }

  /**
   * What one file declares, by its text: method names, lambda-holding variables, type headers
   * (name and the names in it), and the types it declares or creates anonymously, in text order.
   */
  record FileDeclarations(List<String> methods, List<String> lambdaHolders,
      List<Map.Entry<String, List<String>>> headers, List<String> declaring) {
    static FileDeclarations of(String text) {
      FileDeclarations out = new FileDeclarations(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      try {
        out.read(text);
      } catch (StackOverflowError e) {
        // a pathological text: the rest of its declarations are not indexed (their calls are not followed)
      }
      return out;
    }

    private void read(String text) {
      forEachMatch(DECLARED_METHOD, text, wordsBefore(text, '('), method -> {
        if (!NOT_METHODS.contains(method.group(1))) {
          methods.add(method.group(1));
        }
      });
      forEachMatch(LAMBDA_FIELD, text, wordsBefore(text, '='), holder -> lambdaHolders.add(holder.group(1)));
      forEachMatch(TYPE_HEADER, text, occurrences(text, TYPE_KEYWORDS), type -> {
        String name = type.group(1);
        List<String> names = new ArrayList<>();
        headers.add(Map.entry(name, names));
        Matcher identifier = IDENTIFIER.matcher(type.group(2));
        while (identifier.find()) {
          names.add(identifier.group());
        }
        declaring.add(name);
      });
      forEachMatch(ANONYMOUS, text, occurrences(text, List.of("new")), anonymous -> {
        int open = text.indexOf('(', anonymous.end() - 1);
        int close = closing(text, open);
        int next = close + 1;
        while (close > 0 && next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (close > 0 && next < text.length() && text.charAt(next) == '{') {
          declaring.add(anonymous.group(1));
        }
      });
    }
  }

  private static final List<String> TYPE_KEYWORDS = List.of("class", "interface", "enum", "record");

  /**
   * What {@code pattern.matcher(text)}'s {@code find()} loop finds, tried only at {@code starts}
   * (ascending), which must include every position where a match can begin: each pattern here
   * begins with a word or a keyword, and trying it at every character of the text was most of the
   * index's time. Matches do not overlap, as with {@code find()}, and {@code \b} sees the text
   * around the start.
   */
  private static void forEachMatch(Pattern pattern, String text, int[] starts, java.util.function.Consumer<Matcher> found) {
    Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int free = 0;
    for (int start : starts) {
      if (start < free) {
        continue;
      }
      matcher.region(start, text.length());
      if (matcher.lookingAt()) {
        found.accept(matcher);
        free = Math.max(matcher.end(), start + 1);
      }
    }
  }

  /** Ascending starts of the words that {@code c} follows, with only whitespace between. */
  private static int[] wordsBefore(String text, char c) {
    int[] out = new int[16];
    int count = 0;
    for (int at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
      int end = at;
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && isWordChar(text.charAt(start - 1))) {
        start--;
      }
      if (start < end && (count == 0 || out[count - 1] != start)) {
        if (count == out.length) {
          out = java.util.Arrays.copyOf(out, count * 2);
        }
        out[count++] = start;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Ascending positions of the words, wherever they occur (the patterns check the boundaries). */
  private static int[] occurrences(String text, List<String> words) {
    int[] out = new int[16];
    int count = 0;
    for (String word : words) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        if (count == out.length) {
          out = java.util.Arrays.copyOf(out, count * 2);
        }
        out[count++] = at;
      }
    }
    int[] sorted = java.util.Arrays.copyOf(out, count);
    java.util.Arrays.sort(sorted);
    return sorted;
  }

  /** {@code \w} as java.util.regex reads it by default. */
  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i >= 0 && i < text.length() && i < open + 2000; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether some scanned file may declare a method (or constructor) of this name. */
  boolean mayDeclare(String methodName) {
    return methodNames.contains(methodName);
  }

  /** Whether some scanned file may store a lambda or method reference in a variable of this name. */
  boolean mayHoldLambda(String variable) {
    return lambdaHolders.contains(variable);
  }

  /**
   * Files that may declare the type or a subtype of it (by simple name) with a method of this
   * name, as (path, text).
   */
  List<Map.Entry<Path, String>> filesWithSubtypesOf(String simpleName, String method) {
    List<Map.Entry<Path, String>> out = new ArrayList<>();
    for (int index : subtypeFiles.computeIfAbsent(simpleName, this::subtypeFiles)) {
      if (declaredPerFile.get(index).contains(method)) {
        out.add(Map.entry(files.get(index), texts.get(index)));
      }
    }
    return out;
  }

  private Set<Integer> subtypeFiles(String simpleName) {
    Set<String> names = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(simpleName));
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (!names.add(next)) {
        continue;
      }
      for (String type : mentionedBy.getOrDefault(next, Set.of())) {
        if (!names.contains(type)) {
          queue.add(type);
        }
      }
    }
    Set<Integer> indexes = new java.util.TreeSet<>();
    for (String name : names) {
      indexes.addAll(declaringFiles.getOrDefault(name, Set.of()));
    }
    return indexes;
  }
}
