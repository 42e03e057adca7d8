package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Where a project's sources are, and how findings name them. */
final class ProjectSources {
  private ProjectSources() {}

  /** Main source roots, plus test roots with {@code includeTests}; generated ones per parameter. */
  static List<Path> roots(MavenProject project, boolean includeTests, boolean excludeGeneratedSources) {
    List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
    if (includeTests) {
      roots.addAll(project.getTestCompileSourceRoots());
    }
    Path buildDirectory = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> result = new ArrayList<>();
    for (String root : roots) {
      Path path = Path.of(root).toAbsolutePath().normalize();
      if (excludeGeneratedSources && path.startsWith(buildDirectory)) {
        continue;
      }
      if (!result.contains(path)) {
        result.add(path);
      }
    }
    return result;
  }

  /**
   * The directory SARIF URIs are relative to: the enclosing git repository, else the top of the
   * multi-module build, else this project.
   */
  static Path repositoryRoot(MavenProject project, MavenSession session) {
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    for (Path p = basedir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    File top = session.getRequest().getMultiModuleProjectDirectory();
    if (top != null && basedir.startsWith(top.toPath().toAbsolutePath().normalize())) {
      return top.toPath().toAbsolutePath().normalize();
    }
    return basedir;
  }

  /** Keeps findings on analysed files only, with paths relative to the repository root. */
  static List<Finding> relative(List<Finding> findings, Set<Path> analysed, Path root) {
    List<Finding> result = new ArrayList<>();
    for (Finding f : findings) {
      Path path = Path.of(f.path()).toAbsolutePath().normalize();
      if (!analysed.contains(path)) {
        continue;
      }
      String relative = path.startsWith(root) ? root.relativize(path).toString().replace(File.separatorChar, '/') : path.toString();
      result.add(new Finding(f.rule(), f.severity(), relative, f.line(), f.column(), f.message(), f.context(), f.chain(), f.fix()));
    }
    result.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparingInt(Finding::column));
    return result;
  }
}
