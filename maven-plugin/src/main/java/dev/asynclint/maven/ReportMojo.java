package dev.asynclint.maven;

import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.reports.HtmlReport;
import dev.asynclint.reports.JsonReport;
import dev.asynclint.reports.ReportException;
import dev.asynclint.reports.SourceFiles;
import dev.asynclint.reports.Summary;
import dev.asynclint.reports.ToolInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * The "async-lint" page of the Maven site, and the standalone {@code async-lint.html}: findings by
 * rule and by file, with source snippets and links to the rule pages. Uses the
 * {@code async-lint.json} of an earlier {@code check} or {@code scan} when it is newer than every
 * source file; otherwise runs the Error Prone analysis itself.
 */
@Mojo(name = "report", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class ReportMojo extends AbstractMavenReport {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Component
  private RepositorySystem repositorySystem;

  @Component
  private ToolchainManager toolchainManager;

  /** Skip the report. */
  @Parameter(property = "async-lint.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(property = "async-lint.includes")
  private List<String> includes;

  @Parameter(property = "async-lint.excludes")
  private List<String> excludes;

  @Parameter(property = "async-lint.includeTests", defaultValue = "false")
  private boolean includeTests;

  @Parameter(property = "async-lint.excludeGeneratedSources", defaultValue = "true")
  private boolean excludeGeneratedSources;

  @Parameter(property = "async-lint.catalog")
  private File catalog;

  @Parameter
  private Map<String, String> rules;

  @Parameter(property = "async-lint.jdkHome")
  private File jdkHome;

  /** Where check and scan write their reports; the standalone page goes here too. */
  @Parameter(property = "async-lint.resultsDirectory", defaultValue = "${project.build.directory}/async-lint")
  private File resultsDirectory;

  @Override
  public String getOutputName() {
    return "async-lint";
  }

  @Override
  public String getName(Locale locale) {
    return "async-lint";
  }

  @Override
  public String getDescription(Locale locale) {
    return "Blocking calls on event loops and other async pitfalls found by async-lint.";
  }

  @Override
  public boolean canGenerateReport() {
    return !skip && !ProjectSources.roots(project, includeTests, excludeGeneratedSources).stream()
        .filter(Files::isDirectory).toList().isEmpty();
  }

  @Override
  protected void executeReport(Locale locale) throws MavenReportException {
    List<Finding> findings;
    try {
      findings = findings();
    } catch (MojoExecutionException | IOException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
    Path root = ProjectSources.repositoryRoot(project, session);
    SourceFiles sources = new SourceFiles(root);
    ToolInfo tool = new ToolInfo("", Versions.asyncLint());
    try {
      HtmlReport.write(findings, tool, sources, "async-lint: " + project.getName(),
          resultsDirectory.toPath().resolve("async-lint.html"));
    } catch (IOException e) {
      throw new MavenReportException("async-lint: cannot write " + resultsDirectory + "/async-lint.html: " + e.getMessage(), e);
    }
    render(getSink(), findings, sources);
  }

  private List<Finding> findings() throws MojoExecutionException, IOException {
    List<Path> roots = ProjectSources.roots(project, includeTests, excludeGeneratedSources);
    List<Path> files = new SourceSelection(includes, excludes).files(roots);
    Path json = resultsDirectory.toPath().resolve("async-lint.json");
    if (Files.isRegularFile(json)) {
      long written = Files.getLastModifiedTime(json).toMillis();
      boolean fresh = true;
      for (Path f : files) {
        fresh &= Files.getLastModifiedTime(f).toMillis() <= written;
      }
      if (fresh) {
        getLog().info("async-lint: report from " + json);
        try {
          return JsonReport.read(json);
        } catch (ReportException e) {
          getLog().warn("async-lint: " + e.getMessage() + "; analysing again");
        }
      }
    }
    if (files.isEmpty()) {
      return List.of();
    }
    getLog().info("async-lint: analysing " + files.size() + " files for the report");
    List<Finding> found = new ErrorProneAnalysis(project, session, repositorySystem, toolchainManager, getLog(), jdkHome,
        includeTests).run(AnalysisMojo.ruleLevels(rules), AnalysisMojo.catalogFile(catalog), files,
        resultsDirectory.toPath().resolve("work"));
    return ProjectSources.relative(found, Set.copyOf(files), ProjectSources.repositoryRoot(project, session));
  }

  /** The site page, through Doxia's sink (which escapes text itself). */
  static void render(Sink sink, List<Finding> findings, SourceFiles sources) {
    sink.head();
    sink.title();
    sink.text("async-lint");
    sink.title_();
    sink.head_();
    sink.body();
    sink.section1();
    sink.sectionTitle1();
    sink.text("async-lint");
    sink.sectionTitle1_();
    Summary summary = Summary.of(findings);
    sink.paragraph();
    sink.text(summary.total() + (summary.total() == 1 ? " finding" : " findings") + " in " + summary.files()
        + (summary.files() == 1 ? " file" : " files") + ".");
    sink.paragraph_();

    if (!findings.isEmpty()) {
      sink.section2();
      sink.sectionTitle2();
      sink.text("By rule");
      sink.sectionTitle2_();
      sink.table();
      sink.tableRows();
      sink.tableRow();
      for (String header : List.of("Rule", "Findings", "What it finds")) {
        sink.tableHeaderCell();
        sink.text(header);
        sink.tableHeaderCell_();
      }
      sink.tableRow_();
      for (Map.Entry<String, Integer> entry : new TreeMap<>(summary.byRule()).entrySet()) {
        sink.tableRow();
        sink.tableCell();
        ruleLink(sink, entry.getKey());
        sink.tableCell_();
        sink.tableCell();
        sink.text(String.valueOf(entry.getValue()));
        sink.tableCell_();
        sink.tableCell();
        sink.text(Rule.byId(entry.getKey()).map(Rule::summary).orElse(""));
        sink.tableCell_();
        sink.tableRow_();
      }
      sink.tableRows_();
      sink.table_();
      sink.section2_();

      sink.section2();
      sink.sectionTitle2();
      sink.text("By file");
      sink.sectionTitle2_();
      Map<String, List<Finding>> byFile = findings.stream()
          .collect(Collectors.groupingBy(Finding::path, TreeMap::new, Collectors.toList()));
      for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
        sink.section3();
        sink.sectionTitle3();
        sink.text(entry.getKey());
        sink.sectionTitle3_();
        for (Finding f : entry.getValue().stream().sorted(Comparator.comparingInt(Finding::line)).toList()) {
          sink.paragraph();
          sink.bold();
          sink.text(f.severity().name() + " line " + f.line() + " ");
          sink.bold_();
          ruleLink(sink, f.rule());
          sink.text(": " + f.message());
          sink.paragraph_();
          List<String> lines = sources.lines(f.path());
          if (f.line() >= 1 && f.line() <= lines.size()) {
            StringBuilder snippet = new StringBuilder();
            for (int n = Math.max(1, f.line() - 2); n <= Math.min(lines.size(), f.line() + 2); n++) {
              snippet.append(String.format("%s%4d  %s%n", n == f.line() ? ">" : " ", n, lines.get(n - 1)));
            }
            sink.verbatim(null);
            sink.text(snippet.toString());
            sink.verbatim_();
          }
        }
        sink.section3_();
      }
      sink.section2_();
    }
    sink.section1_();
    sink.body_();
    sink.flush();
    sink.close();
  }

  private static void ruleLink(Sink sink, String id) {
    var rule = Rule.byId(id);
    if (rule.isPresent()) {
      sink.link(rule.get().docUrl());
      sink.text(id);
      sink.link_();
    } else {
      sink.text(id);
    }
  }

}
