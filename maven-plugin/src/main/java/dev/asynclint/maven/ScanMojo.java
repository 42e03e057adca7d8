package dev.asynclint.maven;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.CatalogException;
import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.javaparser.ScanOptions;
import dev.asynclint.javaparser.ScanResult;
import dev.asynclint.javaparser.SourceScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs async-lint's source engine (JavaParser, no compile) over the project's sources. With
 * {@code changedSince} only findings on lines changed since that git ref count: the pull-request
 * gate.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class ScanMojo extends AnalysisMojo {
  /**
   * JavaParser's symbol solver keeps static caches that a scan clears when it ends, so scans in
   * one JVM (a parallel build) take turns.
   */
  private static final ReentrantLock ONE_SCAN_AT_A_TIME = new ReentrantLock();

  /** A git ref (branch, tag, commit): report only findings on lines changed since it. */
  @Parameter(property = "async-lint.changedSince")
  private String changedSince;

  private Optional<ChangedLines> changes = Optional.empty();

  @Override
  protected String engine() {
    return "javaparser";
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!skip && changedSince != null && !changedSince.isBlank()) {
      try {
        ChangedLines lines = ChangedLines.since(changedSince.strip(), project.getBasedir().toPath());
        changes = Optional.of(lines);
        getLog().info("async-lint: only lines changed since " + changedSince + " count (" + lines.files()
            + " changed file" + (lines.files() == 1 ? "" : "s") + " in " + lines.top() + ")");
      } catch (ChangedLines.GitException e) {
        throw new MojoExecutionException("async-lint: <changedSince>: " + e.getMessage());
      }
    }
    super.execute();
  }

  @Override
  protected List<Finding> analyse(Settings settings, List<Path> files, List<Path> roots) throws MojoExecutionException {
    Catalog catalog;
    try {
      catalog = Catalog.builtInWith(settings.catalog());
    } catch (IOException | CatalogException e) {
      throw new MojoExecutionException("async-lint: <catalog>: " + e.getMessage(), e);
    }
    List<Path> classpath = new ArrayList<>();
    try {
      for (String element : includeTests ? project.getTestClasspathElements() : project.getCompileClasspathElements()) {
        classpath.add(Path.of(element));
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("async-lint: the project's classpath is not resolved: " + e.getMessage(), e);
    }
    ScanOptions defaults = ScanOptions.of(files, classpath);
    ScanOptions options = new ScanOptions(files, classpath, settings.catalog(), Optional.empty(), Optional.empty(),
        defaults.commonPool(), defaults.threads(), false);
    ScanResult result;
    ONE_SCAN_AT_A_TIME.lock();
    try {
      result = SourceScanner.scan(options, catalog, null);
    } catch (IOException e) {
      throw new MojoExecutionException("async-lint: the scan could not read the sources: " + e.getMessage(), e);
    } finally {
      ONE_SCAN_AT_A_TIME.unlock();
    }
    result.problems().forEach(p -> getLog().warn(p));
    getLog().info(result.summary());

    List<Finding> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      Level level = Rule.byId(f.rule()).map(r -> settings.rules().getOrDefault(r, Level.DEFAULT)).orElse(Level.DEFAULT);
      if (level == Level.OFF) {
        continue;
      }
      if (changes.isPresent() && !changes.get().changed(Path.of(f.path()), f.line())) {
        continue;
      }
      findings.add(new Finding(f.rule(), level.severity().orElse(f.severity()), f.path(), f.line(), f.column(),
          f.message(), f.context(), f.chain(), f.fix()));
    }
    return findings;
  }
}
