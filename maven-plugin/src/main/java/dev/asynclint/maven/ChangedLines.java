package dev.asynclint.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines changed since a git ref in the working tree, from {@code git diff --unified=0}; files
 * git does not track yet count as changed throughout. Paths are relative to the repository's top
 * directory.
 */
final class ChangedLines {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

  private final Path top;
  private final Map<String, BitSet> lines;
  private final Set<String> wholeFiles;

  private ChangedLines(Path top, Map<String, BitSet> lines, Set<String> wholeFiles) {
    this.top = top;
    this.lines = lines;
    this.wholeFiles = wholeFiles;
  }

  Path top() {
    return top;
  }

  /** Whether the line of the file (absolute) was added or changed since the ref. */
  boolean changed(Path file, int line) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(top)) {
      return false;
    }
    String relative = top.relativize(absolute).toString().replace('\\', '/');
    if (wholeFiles.contains(relative)) {
      return true;
    }
    BitSet changed = lines.get(relative);
    return changed != null && line > 0 && changed.get(line);
  }

  int files() {
    return lines.size() + wholeFiles.size();
  }

  /** Reads the changes in the repository around {@code directory}; a clear exception names the bad ref. */
  static ChangedLines since(String ref, Path directory) throws GitException {
    if (ref.startsWith("-")) {
      throw new GitException("'" + ref + "' is not a git ref");
    }
    Run topRun = git(directory, "rev-parse", "--show-toplevel");
    if (topRun.exit != 0) {
      throw new GitException(directory + " is not inside a git repository (" + topRun.firstLine() + ")");
    }
    Path top = Path.of(topRun.output.strip()).toAbsolutePath().normalize();
    Run verify = git(top, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (verify.exit != 0) {
      throw new GitException("'" + ref + "' is not a commit, branch or tag in " + top);
    }
    Run diff = git(top, "-c", "core.quotepath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff",
        "--no-renames", verify.output.strip(), "--");
    if (diff.exit != 0) {
      throw new GitException("git diff " + ref + " failed: " + diff.firstLine());
    }
    Map<String, BitSet> lines = parse(diff.output);
    Run untracked = git(top, "-c", "core.quotepath=false", "ls-files", "--others", "--exclude-standard");
    Set<String> whole = new HashSet<>();
    if (untracked.exit == 0) {
      untracked.output.lines().filter(l -> !l.isBlank()).forEach(whole::add);
    }
    return new ChangedLines(top, lines, whole);
  }

  static Map<String, BitSet> parse(String diff) {
    Map<String, BitSet> lines = new HashMap<>();
    BitSet current = null;
    for (String line : diff.split("\n")) {
      if (line.startsWith("+++ ")) {
        String name = line.substring(4).strip();
        if (name.equals("/dev/null")) {
          current = null;
        } else {
          String path = name.startsWith("b/") ? name.substring(2) : name;
          current = lines.computeIfAbsent(path, k -> new BitSet());
        }
        continue;
      }
      Matcher hunk = HUNK.matcher(line);
      if (hunk.find() && current != null) {
        int start = Integer.parseInt(hunk.group(1));
        int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
        if (count > 0) {
          current.set(start, start + count);
        }
      }
    }
    return lines;
  }

  private record Run(int exit, String output) {
    String firstLine() {
      return output.lines().findFirst().orElse("no output");
    }
  }

  private static Run git(Path directory, String... args) throws GitException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
      byte[] bytes;
      try (InputStream in = process.getInputStream()) {
        bytes = in.readAllBytes();
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new GitException("git " + String.join(" ", args) + " did not finish in 120 s");
      }
      return new Run(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GitException("cannot run git (is it installed and on the PATH?): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
  }

  /** Why the changed lines could not be read; the message is for the user. */
  static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }
}
