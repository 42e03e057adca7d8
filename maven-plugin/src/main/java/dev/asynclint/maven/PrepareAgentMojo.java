package dev.asynclint.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Puts the async-lint runtime agent on the test JVM: resolves {@code async-lint-agent} at this
 * plugin's version and adds {@code -javaagent:<jar>=<options>} to a property ({@code argLine} by
 * default, which surefire and failsafe read), keeping what the property already holds, as
 * JaCoCo's {@code prepare-agent} does. The agent writes {@code target/async-lint/agent.json}.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {
  static final String AGENT_ARTIFACT = "async-lint-agent";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Component
  private RepositorySystem repositorySystem;

  @Parameter(property = "async-lint.skip", defaultValue = "false")
  private boolean skip;

  /** The property that receives the {@code -javaagent} argument. */
  @Parameter(property = "async-lint.propertyName", defaultValue = "argLine")
  private String propertyName;

  /** The agent's JSON report. */
  @Parameter(property = "async-lint.agent.report", defaultValue = "${project.build.directory}/async-lint/agent.json")
  private File report;

  /** The agent's HTML report; none when not set. */
  @Parameter(property = "async-lint.agent.html")
  private File html;

  /** Extra event-loop thread names, a regular expression. */
  @Parameter(property = "async-lint.agent.threads")
  private String threads;

  /** Event-loop tasks running longer than this are sampled (milliseconds). */
  @Parameter(property = "async-lint.agent.taskThresholdMs")
  private Long taskThresholdMs;

  /** A catalog file extending what counts as blocking, as for {@code check}. */
  @Parameter(property = "async-lint.catalog")
  private File catalog;

  /** The static SARIF report to join runtime call sites with. */
  @Parameter(property = "async-lint.agent.sarif")
  private File sarif;

  /** Throw on a blocking call on an event loop instead of only recording it. */
  @Parameter(property = "async-lint.agent.strict", defaultValue = "false")
  private boolean strict;

  /** Treat the common ForkJoin pool as a place that must not block. */
  @Parameter(property = "async-lint.agent.commonPool")
  private Boolean commonPool;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("async-lint: skipped (async-lint.skip)");
      return;
    }
    if (propertyName == null || propertyName.isBlank()) {
      throw new MojoExecutionException("async-lint: <propertyName> is empty; name the property that takes the agent argument");
    }
    if (threads != null) {
      try {
        Pattern.compile(threads);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new MojoExecutionException("async-lint: <threads> is not a regular expression: " + e.getDescription());
      }
    }
    if (catalog != null && !catalog.canRead()) {
      throw new MojoExecutionException("async-lint: <catalog> " + catalog + " cannot be read");
    }
    Path jar = agentJar();
    String argument = javaagent(jar, options());
    Properties properties = project.getProperties();
    String old = session.getUserProperties().getProperty(propertyName, properties.getProperty(propertyName));
    String value = combined(old, argument);
    properties.setProperty(propertyName, value);
    getLog().info("async-lint: " + propertyName + " set to " + value);
  }

  List<String> options() {
    List<String> options = new ArrayList<>();
    options.add("report=" + report.getAbsolutePath());
    if (html != null) {
      options.add("html=" + html.getAbsolutePath());
    }
    if (threads != null && !threads.isBlank()) {
      options.add("threads=" + threads);
    }
    if (taskThresholdMs != null) {
      options.add("taskThresholdMs=" + taskThresholdMs);
    }
    if (catalog != null) {
      options.add("catalog=" + catalog.getAbsolutePath());
    }
    if (sarif != null) {
      options.add("sarif=" + sarif.getAbsolutePath());
    }
    if (strict) {
      options.add("strict=true");
    }
    if (commonPool != null) {
      options.add("commonPool=" + commonPool);
    }
    return options;
  }

  /** {@code -javaagent:<jar>=<k=v,...>}, quoted when it has spaces so argLine keeps it whole. */
  static String javaagent(Path jar, List<String> options) {
    String arg = "-javaagent:" + jar.toAbsolutePath() + (options.isEmpty() ? "" : "=" + String.join(",", options));
    return arg.matches(".*\\s.*") ? "\"" + arg + "\"" : arg;
  }

  /** The old value with any earlier async-lint agent removed, then ours appended. */
  static String combined(String old, String argument) {
    if (old == null || old.isBlank()) {
      return argument;
    }
    String kept = old
        .replaceAll("\"-javaagent:[^\"]*" + AGENT_ARTIFACT + "[^\"]*\"", "")
        .replaceAll("-javaagent:\\S*" + AGENT_ARTIFACT + "\\S*", "")
        .strip().replaceAll("\\s{2,}", " ");
    return kept.isEmpty() ? argument : kept + " " + argument;
  }

  private Path agentJar() throws MojoExecutionException {
    ArtifactRequest request = new ArtifactRequest(
        new DefaultArtifact("dev.asynclint", AGENT_ARTIFACT, "jar", Versions.asyncLint()),
        project.getRemotePluginRepositories(), null);
    try {
      return repositorySystem.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("async-lint: cannot resolve dev.asynclint:" + AGENT_ARTIFACT + ":"
          + Versions.asyncLint() + " for prepare-agent: " + e.getMessage(), e);
    }
  }
}
