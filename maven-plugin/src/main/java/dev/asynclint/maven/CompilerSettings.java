package dev.asynclint.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the project tells maven-compiler-plugin that the analysis compile must repeat: language
 * level, encoding, annotation processors and their options. Read from the plugin's configuration
 * (the {@code default-compile} execution over the plugin-level one), with {@code ${...}} resolved
 * from project properties and the compiler plugin's own user properties as fallbacks.
 */
record CompilerSettings(
    Optional<String> release,
    Optional<String> source,
    Optional<String> target,
    Optional<String> encoding,
    Optional<String> proc,
    List<Dependency> processorPaths,
    List<String> processors,
    List<String> processorOptions,
    List<String> enablePreview) {
  static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

  static CompilerSettings of(MavenProject project) {
    Properties properties = project.getProperties();
    Xpp3Dom config = null;
    Plugin plugin = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(COMPILER);
    if (plugin != null) {
      config = (Xpp3Dom) plugin.getConfiguration();
      for (PluginExecution execution : plugin.getExecutions()) {
        if ("default-compile".equals(execution.getId()) && execution.getConfiguration() != null) {
          Xpp3Dom executionConfig = (Xpp3Dom) execution.getConfiguration();
          config = config == null ? executionConfig : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(executionConfig), config);
        }
      }
    }
    Xpp3Dom c = config;
    Optional<String> release = value(c, "release", properties).or(() -> property(properties, "maven.compiler.release"));
    Optional<String> source = value(c, "source", properties).or(() -> property(properties, "maven.compiler.source"));
    Optional<String> target = value(c, "target", properties).or(() -> property(properties, "maven.compiler.target"));
    Optional<String> encoding = value(c, "encoding", properties)
        .or(() -> property(properties, "project.build.sourceEncoding"));
    Optional<String> proc = value(c, "proc", properties).or(() -> property(properties, "maven.compiler.proc"));

    List<Dependency> paths = new ArrayList<>();
    Xpp3Dom pathsNode = c == null ? null : c.getChild("annotationProcessorPaths");
    if (pathsNode != null) {
      for (Xpp3Dom path : pathsNode.getChildren()) {
        Dependency d = new Dependency();
        d.setGroupId(text(path, "groupId", properties));
        d.setArtifactId(text(path, "artifactId", properties));
        d.setVersion(text(path, "version", properties));
        d.setClassifier(text(path, "classifier", properties));
        String type = text(path, "type", properties);
        d.setType(type == null ? "jar" : type);
        paths.add(d);
      }
    }
    List<String> processors = new ArrayList<>();
    Xpp3Dom processorsNode = c == null ? null : c.getChild("annotationProcessors");
    if (processorsNode != null) {
      for (Xpp3Dom p : processorsNode.getChildren()) {
        if (p.getValue() != null && !p.getValue().isBlank()) {
          processors.add(interpolate(p.getValue().strip(), properties));
        }
      }
    }
    List<String> options = new ArrayList<>();
    List<String> preview = new ArrayList<>();
    Xpp3Dom args = c == null ? null : c.getChild("compilerArgs");
    if (args != null) {
      for (Xpp3Dom arg : args.getChildren()) {
        String value = arg.getValue() == null ? "" : interpolate(arg.getValue().strip(), properties);
        if (value.startsWith("-A")) {
          options.add(value);
        } else if (value.equals("--enable-preview")) {
          preview.add(value);
        }
      }
    }
    Xpp3Dom enablePreview = c == null ? null : c.getChild("enablePreview");
    if (enablePreview != null && "true".equals(interpolate(String.valueOf(enablePreview.getValue()).strip(), properties))
        && preview.isEmpty()) {
      preview.add("--enable-preview");
    }
    return new CompilerSettings(release, source, target, encoding, proc, paths, processors, options, preview);
  }

  private static Optional<String> value(Xpp3Dom config, String name, Properties properties) {
    return Optional.ofNullable(text(config, name, properties));
  }

  private static String text(Xpp3Dom config, String name, Properties properties) {
    Xpp3Dom child = config == null ? null : config.getChild(name);
    if (child == null || child.getValue() == null || child.getValue().isBlank()) {
      return null;
    }
    String value = interpolate(child.getValue().strip(), properties);
    return value.contains("${") || value.isBlank() ? null : value;
  }

  private static Optional<String> property(Properties properties, String name) {
    String value = properties.getProperty(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(interpolate(value.strip(), properties));
  }

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

  static String interpolate(String value, Properties properties) {
    String current = value;
    for (int depth = 0; depth < 5 && current.contains("${"); depth++) {
      Matcher m = EXPRESSION.matcher(current);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = properties.getProperty(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
      }
      m.appendTail(out);
      if (out.toString().equals(current)) {
        break;
      }
      current = out.toString();
    }
    return current;
  }
}
