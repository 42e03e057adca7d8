package dev.asynclint.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Everything the Error Prone engine needs from Maven: a JDK 21+, the checker path (this plugin's
 * async-lint-errorprone and error_prone_core, resolved with their dependencies) and the project's
 * annotation processor path.
 */
final class ErrorProneSetup {
  private final MavenProject project;
  private final MavenSession session;
  private final RepositorySystem repositorySystem;
  private final ToolchainManager toolchains;
  private final Log log;

  ErrorProneSetup(MavenProject project, MavenSession session, RepositorySystem repositorySystem,
      ToolchainManager toolchains, Log log) {
    this.project = project;
    this.session = session;
    this.repositorySystem = repositorySystem;
    this.toolchains = toolchains;
    this.log = log;
  }

  AnalysisJdk jdk(java.io.File jdkHome, CompilerSettings compiler) throws MojoExecutionException {
    int needed = Math.max(AnalysisJdk.MINIMUM, languageLevel(compiler));
    if (jdkHome != null) {
      OptionalInt feature = AnalysisJdk.feature(jdkHome.toPath());
      if (feature.isEmpty()) {
        throw new MojoExecutionException("async-lint: <jdkHome> " + jdkHome + " is not a JDK (no bin/javac and release file)");
      }
      if (feature.getAsInt() < needed) {
        throw new MojoExecutionException("async-lint: <jdkHome> " + jdkHome + " is JDK " + feature.getAsInt()
            + "; the analysis needs JDK " + needed + " or newer");
      }
      return new AnalysisJdk(jdkHome.toPath(), feature.getAsInt(), "<jdkHome>");
    }
    List<String> looked = new ArrayList<>();
    Toolchain fromBuild = toolchains == null ? null : toolchains.getToolchainFromBuildContext("jdk", session);
    if (fromBuild != null) {
      Optional<AnalysisJdk> jdk = fromToolchain(fromBuild, needed, "the project's toolchain");
      if (jdk.isPresent()) {
        return jdk.get();
      }
      looked.add("the project's toolchain (" + fromBuild + ")");
    }
    if (toolchains != null) {
      for (Toolchain t : toolchains.getToolchains(session, "jdk", Map.of("version", "[" + needed + ",)"))) {
        Optional<AnalysisJdk> jdk = fromToolchain(t, needed, "toolchains.xml");
        if (jdk.isPresent()) {
          return jdk.get();
        }
      }
      looked.add("toolchains.xml");
    }
    List<Path> parents = AnalysisJdk.usualParents(Path.of(System.getProperty("user.home")));
    Optional<AnalysisJdk> discovered = AnalysisJdk.oldestAtLeast(
        AnalysisJdk.candidates(System.getenv(), parents), needed, "discovered at");
    if (discovered.isPresent()) {
      return discovered.get();
    }
    looked.add("JAVA_HOME, JAVA<n>_HOME, JDK<n>_HOME and " + parents);
    Path running = Path.of(System.getProperty("java.home"));
    OptionalInt runningFeature = AnalysisJdk.feature(running);
    if (runningFeature.isPresent() && runningFeature.getAsInt() >= needed) {
      return new AnalysisJdk(running, runningFeature.getAsInt(), "the JDK running Maven");
    }
    looked.add("the JDK running Maven (" + running + ", " + Runtime.version().feature() + ")");
    throw new MojoExecutionException("async-lint needs a JDK " + needed + " or newer to run Error Prone and found none."
        + " Looked at: " + String.join("; ", looked)
        + ". Install one, or name it with <jdkHome> / -Dasync-lint.jdkHome=..., or add it to ~/.m2/toolchains.xml.");
  }

  private Optional<AnalysisJdk> fromToolchain(Toolchain toolchain, int needed, String origin) {
    String javac = toolchain.findTool("javac");
    if (javac == null) {
      return Optional.empty();
    }
    Path home = Path.of(javac).toAbsolutePath().getParent().getParent();
    OptionalInt feature = AnalysisJdk.feature(home);
    if (feature.isPresent() && feature.getAsInt() >= needed) {
      return Optional.of(new AnalysisJdk(home, feature.getAsInt(), origin));
    }
    log.debug("async-lint: " + origin + " " + home + " is not JDK " + needed + "+");
    return Optional.empty();
  }

  private static int languageLevel(CompilerSettings compiler) {
    return compiler.release().or(compiler::source)
        .flatMap(v -> {
          OptionalInt f = AnalysisJdk.parseFeature(v);
          return f.isPresent() ? Optional.of(f.getAsInt()) : Optional.empty();
        })
        .orElse(0);
  }

  /** async-lint-errorprone at this plugin's version plus error_prone_core, with dependencies. */
  List<Path> checkerPath() throws MojoExecutionException {
    CollectRequest request = new CollectRequest();
    request.addDependency(new org.eclipse.aether.graph.Dependency(
        new DefaultArtifact("dev.asynclint", "async-lint-errorprone", "jar", Versions.asyncLint()), "runtime"));
    request.addDependency(new org.eclipse.aether.graph.Dependency(
        new DefaultArtifact("com.google.errorprone", "error_prone_core", "jar", Versions.errorProne()), "runtime"));
    request.setRepositories(project.getRemotePluginRepositories());
    return resolve(request, "async-lint-errorprone " + Versions.asyncLint() + " and error_prone_core " + Versions.errorProne());
  }

  /** The project's {@code annotationProcessorPaths}, resolved as maven-compiler-plugin does. */
  List<Path> processorPath(CompilerSettings compiler) throws MojoExecutionException {
    if (compiler.processorPaths().isEmpty()) {
      return List.of();
    }
    CollectRequest request = new CollectRequest();
    for (Dependency d : compiler.processorPaths()) {
      String version = d.getVersion();
      if (version == null && project.getDependencyManagement() != null) {
        version = project.getDependencyManagement().getDependencies().stream()
            .filter(m -> m.getGroupId().equals(d.getGroupId()) && m.getArtifactId().equals(d.getArtifactId()))
            .map(Dependency::getVersion).findFirst().orElse(null);
      }
      if (d.getGroupId() == null || d.getArtifactId() == null || version == null) {
        throw new MojoExecutionException("async-lint: maven-compiler-plugin's <annotationProcessorPaths> has an entry without"
            + " groupId, artifactId or version: " + d.getGroupId() + ":" + d.getArtifactId() + ":" + version);
      }
      request.addDependency(new org.eclipse.aether.graph.Dependency(
          new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(), d.getType(), version), "runtime"));
    }
    request.setRepositories(project.getRemoteProjectRepositories());
    return resolve(request, "the annotation processor path of maven-compiler-plugin");
  }

  private List<Path> resolve(CollectRequest request, String what) throws MojoExecutionException {
    List<RemoteRepository> repositories = request.getRepositories();
    try {
      List<ArtifactResult> results = repositorySystem
          .resolveDependencies(session.getRepositorySession(), new DependencyRequest(request, null))
          .getArtifactResults();
      Set<Path> files = new LinkedHashSet<>();
      for (ArtifactResult result : results) {
        if (result.getArtifact() != null && result.getArtifact().getFile() != null) {
          files.add(result.getArtifact().getFile().toPath());
        }
      }
      return new ArrayList<>(files);
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("async-lint: cannot resolve " + what + " from " + repositories + ": " + e.getMessage(), e);
    }
  }
}
