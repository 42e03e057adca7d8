package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs async-lint's Error Prone checks in a forked javac of a JDK 21+: analysis only, into a
 * throw-away directory, stopping after flow analysis so no classes are generated.
 */
final class ErrorProneEngine {
  static final String CHECKER_SERVICE = "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";

  /** The flags javac needs so Error Prone can reach its internals (from Error Prone's install docs). */
  static final List<String> JVM_FLAGS = List.of(
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
      "-J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
      "-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
      "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
      // Diagnostics are parsed, so they must be in English whatever the machine's locale.
      "-J-Duser.language=en",
      "-J-Duser.country=US");

  /** Everything one analysis compile needs. */
  record Request(
      AnalysisJdk jdk,
      List<Path> sources,
      List<Path> sourcePath,
      List<String> classpath,
      List<Path> checkerPath,
      List<Path> processorPath,
      CompilerSettings compiler,
      Map<Rule, Level> rules,
      Optional<Path> catalog,
      Path workDirectory) {}

  /** What the fork reported: findings with absolute paths, javac's other errors, its output. */
  record Result(List<Finding> findings, List<String> otherErrors, int exitCode, List<String> output,
      boolean reportedErrors) {}

  private ErrorProneEngine() {}

  /** The check names the checker jar (or classes directory) registers. */
  static Set<String> availableChecks(Collection<Path> checkerPath) throws IOException {
    Set<String> names = new TreeSet<>();
    for (Path entry : checkerPath) {
      if (Files.isDirectory(entry)) {
        Path service = entry.resolve(CHECKER_SERVICE);
        if (Files.isRegularFile(service)) {
          addNames(Files.readAllLines(service), names);
        }
      } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          ZipEntry service = jar.getEntry(CHECKER_SERVICE);
          if (service != null && entry.getFileName().toString().startsWith("async-lint-")) {
            try (InputStream in = jar.getInputStream(service)) {
              addNames(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), names);
            }
          }
        }
      }
    }
    return names;
  }

  private static void addNames(List<String> lines, Set<String> names) {
    for (String line : lines) {
      String name = line.replaceAll("#.*", "").strip();
      if (!name.isEmpty()) {
        names.add(name.substring(name.lastIndexOf('.') + 1));
      }
    }
  }

  /** The single {@code -Xplugin:ErrorProne ...} argument: only our checks, at their configured levels. */
  static String pluginArgument(Map<Rule, Level> rules, Set<String> available, Optional<Path> catalog) {
    StringBuilder arg = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (Rule rule : Rule.values()) {
      if (!available.contains(rule.id())) {
        continue;
      }
      Level level = rules.getOrDefault(rule, Level.DEFAULT);
      arg.append(" -Xep:").append(rule.id());
      if (level == Level.OFF) {
        arg.append(":OFF");
      }
    }
    catalog.ifPresent(file -> arg.append(" -XepOpt:AsyncLint:CatalogFile=").append(file));
    return arg.toString();
  }

  static List<String> javacArguments(Request request, Set<String> available) throws IOException {
    List<String> args = new ArrayList<>();
    args.add("-XDcompilePolicy=simple");
    // Error Prone needs flow analysis even when there are errors; nothing after it is needed at all.
    args.add("--should-stop=ifError=FLOW");
    args.add("--should-stop=ifNoError=FLOW");
    args.add("-implicit:none");
    args.add("-Xlint:none");
    args.add("-Xmaxerrs");
    args.add("100000");
    args.add("-Xmaxwarns");
    args.add("100000");
    Path classes = request.workDirectory().resolve("classes");
    Path generated = request.workDirectory().resolve("generated-sources");
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    args.add("-d");
    args.add(classes.toString());
    args.add("-s");
    args.add(generated.toString());
    CompilerSettings compiler = request.compiler();
    if (compiler.release().isPresent()) {
      args.add("--release");
      args.add(compiler.release().get());
    } else {
      compiler.source().ifPresent(s -> {
        args.add("-source");
        args.add(s);
      });
      compiler.target().ifPresent(t -> {
        args.add("-target");
        args.add(t);
      });
    }
    args.addAll(compiler.enablePreview());
    args.add("-encoding");
    args.add(compiler.encoding().orElse("UTF-8"));
    args.add("-classpath");
    args.add(String.join(File.pathSeparator, request.classpath()));
    if (!request.sourcePath().isEmpty()) {
      args.add("-sourcepath");
      args.add(join(request.sourcePath()));
    }
    List<Path> processorPath = new ArrayList<>(request.checkerPath());
    processorPath.addAll(request.processorPath());
    args.add("-processorpath");
    args.add(join(processorPath));
    if ("none".equals(compiler.proc().orElse(""))) {
      args.add("-proc:none");
    } else {
      // JDK 23+ no longer runs processors implicitly; the project's compile did (or named them).
      args.add("-proc:full");
      if (!compiler.processors().isEmpty()) {
        args.add("-processor");
        args.add(String.join(",", compiler.processors()));
      }
      args.addAll(compiler.processorOptions());
    }
    args.add(pluginArgument(request.rules(), available, request.catalog()));
    for (Path source : request.sources()) {
      args.add(source.toString());
    }
    return args;
  }

  static Result run(Request request, Log log) throws MojoExecutionException {
    try {
      Set<String> available = availableChecks(request.checkerPath());
      if (available.isEmpty()) {
        throw new MojoExecutionException("async-lint: no Error Prone checks found on " + request.checkerPath()
            + "; is async-lint-errorprone resolvable at the plugin's version?");
      }
      Files.createDirectories(request.workDirectory());
      Path argFile = request.workDirectory().resolve("javac.args");
      List<String> quoted = javacArguments(request, available).stream().map(ErrorProneEngine::quote).toList();
      Files.write(argFile, quoted, StandardCharsets.UTF_8);

      List<String> command = new ArrayList<>();
      command.add(request.jdk().javac().toString());
      command.addAll(JVM_FLAGS);
      command.add("@" + argFile);
      log.debug("async-lint: " + String.join(" ", command) + " (arguments in " + argFile + ")");

      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().remove("_JAVA_OPTIONS");
      builder.environment().remove("JDK_JAVA_OPTIONS");
      builder.directory(request.workDirectory().toFile());
      Process process = builder.start();
      List<String> output = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          output.add(line);
        }
      }
      int exit = process.waitFor();
      Files.write(request.workDirectory().resolve("javac.log"), output, StandardCharsets.UTF_8);
      Set<String> ids = new TreeSet<>(available);
      JavacOutput.Parsed parsed = JavacOutput.parse(output, ids);
      List<Finding> findings = new ArrayList<>();
      for (Finding f : parsed.findings()) {
        Level level = Rule.byId(f.rule()).map(r -> request.rules().getOrDefault(r, Level.DEFAULT)).orElse(Level.DEFAULT);
        Severity severity = level.severity().orElse(f.severity());
        findings.add(new Finding(f.rule(), severity, f.path(), f.line(), f.column(), f.message(), f.context(), f.chain(), f.fix()));
      }
      // javac's exit code follows the levels it printed, before <rules> re-levelled them.
      boolean reportedErrors = parsed.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
      return new Result(findings, parsed.otherErrors(), exit, output, reportedErrors);
    } catch (IOException e) {
      throw new MojoExecutionException("async-lint: could not run " + request.jdk().javac() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("async-lint: interrupted while javac was running", e);
    }
  }

  private static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  /** Quoting for javac's @argfiles: double quotes, backslash escapes. */
  static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
