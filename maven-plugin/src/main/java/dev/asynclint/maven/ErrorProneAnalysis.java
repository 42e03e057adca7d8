package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/** One Error Prone analysis of a project, for every goal that needs one (check, baseline, report). */
final class ErrorProneAnalysis {
  private final MavenProject project;
  private final MavenSession session;
  private final RepositorySystem repositorySystem;
  private final ToolchainManager toolchainManager;
  private final Log log;
  private final File jdkHome;
  private final boolean includeTests;

  ErrorProneAnalysis(MavenProject project, MavenSession session, RepositorySystem repositorySystem,
      ToolchainManager toolchainManager, Log log, File jdkHome, boolean includeTests) {
    this.project = project;
    this.session = session;
    this.repositorySystem = repositorySystem;
    this.toolchainManager = toolchainManager;
    this.log = log;
    this.jdkHome = jdkHome;
    this.includeTests = includeTests;
  }

  List<Finding> run(Map<Rule, Level> rules, Optional<Path> catalog, List<Path> files, Path work)
      throws MojoExecutionException {
    CompilerSettings compiler = CompilerSettings.of(project);
    ErrorProneSetup setup = new ErrorProneSetup(project, session, repositorySystem, toolchainManager, log);
    AnalysisJdk jdk = setup.jdk(jdkHome, compiler);
    log.info("async-lint: javac from JDK " + jdk.feature() + " (" + jdk.origin() + ")");
    List<Path> checkerPath = setup.checkerPath();
    List<String> classpath = classpath();
    List<Path> processorPath = new ArrayList<>(setup.processorPath(compiler));
    if (compiler.processorPaths().isEmpty() && !"none".equals(compiler.proc().orElse(""))) {
      // Without annotationProcessorPaths javac finds processors on the classpath; our processor
      // path would hide them, so the classpath joins it.
      classpath.stream().map(Path::of).filter(p -> Files.exists(p)).forEach(processorPath::add);
    }
    List<Path> sourcePath = allSourceRoots();
    ErrorProneEngine.Request request = new ErrorProneEngine.Request(jdk, files, sourcePath, classpath, checkerPath,
        processorPath, compiler, rules, catalog.map(c -> withoutSpaces(c, work)), work);
    ErrorProneEngine.Result result = ErrorProneEngine.run(request, log);
    if (!result.otherErrors().isEmpty() || (result.exitCode() != 0 && !result.reportedErrors())) {
      List<String> shown = result.otherErrors().isEmpty()
          ? result.output().subList(Math.max(0, result.output().size() - 30), result.output().size())
          : result.otherErrors().subList(0, Math.min(20, result.otherErrors().size()));
      throw new MojoExecutionException("async-lint: the analysis compile failed (javac exit " + result.exitCode()
          + "), so findings would be incomplete:\n  " + String.join("\n  ", shown)
          + "\nFull javac output: " + work.resolve("javac.log") + ", arguments: " + work.resolve("javac.args"));
    }
    return result.findings();
  }

  private List<String> classpath() throws MojoExecutionException {
    try {
      Set<String> elements = new LinkedHashSet<>(includeTests
          ? project.getTestClasspathElements()
          : project.getCompileClasspathElements());
      return new ArrayList<>(elements);
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("async-lint: the project's classpath is not resolved: " + e.getMessage(), e);
    }
  }

  /**
   * Every source root (generated ones too), so files left out by includes/excludes still resolve;
   * except the compiler's generated-sources/annotations, which processors regenerate here.
   */
  private List<Path> allSourceRoots() {
    List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
    if (includeTests) {
      roots.addAll(project.getTestCompileSourceRoots());
    }
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> result = new ArrayList<>();
    for (String root : roots) {
      Path path = Path.of(root).toAbsolutePath().normalize();
      if (path.startsWith(build.resolve("generated-sources/annotations"))
          || path.startsWith(build.resolve("generated-test-sources/test-annotations"))) {
        continue;
      }
      if (Files.isDirectory(path) && !result.contains(path)) {
        result.add(path);
      }
    }
    return result;
  }

  /** Error Prone splits its flags on whitespace, so a catalog path with spaces is copied first. */
  private static Path withoutSpaces(Path catalog, Path work) {
    if (!catalog.toString().matches(".*\\s.*")) {
      return catalog;
    }
    try {
      Path copy = work.resolve("user.catalog").toAbsolutePath();
      if (copy.toString().matches(".*\\s.*")) {
        return catalog;
      }
      Files.createDirectories(copy.getParent());
      Files.copy(catalog, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (java.io.IOException e) {
      return catalog;
    }
  }
}
