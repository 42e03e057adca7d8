package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import dev.asynclint.reports.Baseline;
import dev.asynclint.reports.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records today's findings in {@code async-lint-baseline.json} (or the {@code baseline} file), so
 * {@code check} and {@code scan} fail only on new ones. Fingerprints hash the flagged line's text,
 * not its number, so findings stay known when code above them moves. Run after {@code compile}.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class BaselineMojo extends CheckMojo {
  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("async-lint: skipped (async-lint.skip)");
      return;
    }
    Settings settings = settings(false);
    Optional<List<Finding>> findings = findings(settings);
    Path file = (baseline != null ? baseline.toPath() : project.getBasedir().toPath().resolve(Baseline.FILE_NAME))
        .toAbsolutePath();
    List<Finding> all = findings.orElse(List.of());
    try {
      Baseline.of(all, new SourceFiles(repositoryRoot())).write(file);
    } catch (IOException e) {
      throw new MojoExecutionException("async-lint: <baseline>: cannot write " + file + ": " + e.getMessage(), e);
    }
    getLog().info("async-lint: wrote " + all.size() + " finding" + (all.size() == 1 ? "" : "s") + " to the baseline "
        + file + "; check and scan now fail only on new findings. Commit this file.");
  }
}
