package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs async-lint's Error Prone checks over the project's sources against its compile classpath,
 * with its annotation processors, in a forked javac of a JDK 21+. Analysis only: nothing is
 * written to {@code target/classes}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AnalysisMojo {
  @Component
  protected RepositorySystem repositorySystem;

  @Component
  protected ToolchainManager toolchainManager;

  /** A JDK 21+ home to run javac from, instead of the toolchain or a discovered JDK. */
  @Parameter(property = "async-lint.jdkHome")
  protected File jdkHome;

  @Override
  protected String engine() {
    return "errorprone";
  }

  @Override
  protected List<Finding> analyse(Settings settings, List<Path> files, List<Path> roots) throws MojoExecutionException {
    return runErrorProne(settings, files, roots, outputDirectory.toPath().resolve("work"));
  }

  protected List<Finding> runErrorProne(Settings settings, List<Path> files, List<Path> roots, Path work)
      throws MojoExecutionException {
    return new ErrorProneAnalysis(project, session, repositorySystem, toolchainManager, getLog(), jdkHome, includeTests)
        .run(settings.rules(), settings.catalog(), files, work);
  }
}
