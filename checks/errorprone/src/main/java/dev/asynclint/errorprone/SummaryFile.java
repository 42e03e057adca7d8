package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.asynclint.core.Catalog;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * The summaries a module publishes for the modules compiled against it: {@value
 * Catalog#LIBRARY_RESOURCE} in the class output, in the catalog's own line format, one line per
 * non-private method that reaches a blocking API:
 *
 * <pre>
 * blocking IO libA.Repository#find(java.lang.String) | reaches PreparedStatement.executeQuery, which runs a JDBC query ... | a reactive driver ...
 * </pre>
 *
 * Downstream, {@link AsyncLintConfig#catalog} reads every such file on the class path, so a call
 * to {@code Repository.find} is blocking without its source, and the chain carries on.
 */
final class SummaryFile {
  static final String REACHES = "reaches ";
  static final String WHICH = ", which ";

  private static final Set<Context> WRITTEN = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));

  private SummaryFile() {}

  /**
   * Writes this compilation's summaries once. Called from the first check of the run: with
   * {@code -XDcompilePolicy=simple} every class is attributed by then, and none is lowered yet.
   */
  static void writeOnce(VisitorState state, TransitiveSummaries summaries) {
    if (!WRITTEN.add(state.context)) {
      return;
    }
    try {
      write(state, summaries);
    } catch (IOException | RuntimeException e) {
      JavacProcessingEnvironment.instance(state.context).getMessager().printMessage(
          Diagnostic.Kind.WARNING, "async-lint: cannot write " + Catalog.LIBRARY_RESOURCE
              + " to the class output (-XepOpt:" + AsyncLintConfig.WRITE_SUMMARIES + "): " + e);
    }
  }

  private static void write(VisitorState state, TransitiveSummaries summaries) throws IOException {
    List<String> lines = lines(summaries.exportedSummaries(state), state);
    JavaFileManager files = state.context.get(JavaFileManager.class);
    FileObject out = files.getFileForOutput(
        StandardLocation.CLASS_OUTPUT, "", Catalog.LIBRARY_RESOURCE, null);
    try (Writer writer = out.openWriter()) {
      writer.write("# Blocking methods of this module, written by async-lint"
          + " (-XepOpt:AsyncLint:WriteSummaries). Read by modules compiled against it.\n");
      for (String line : lines) {
        writer.write(line);
        writer.write('\n');
      }
    }
  }

  static List<String> lines(Map<MethodSymbol, TransitiveSummaries.Reach> summaries, VisitorState state) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<MethodSymbol, TransitiveSummaries.Reach> e : summaries.entrySet()) {
      MethodSymbol method = e.getKey();
      TransitiveSummaries.Reach reach = e.getValue();
      String name = method.isConstructor() ? "<init>" : method.getSimpleName().toString();
      String params = String.join(",", CatalogLookup.erasedParams(method, state));
      // The chain below this method: its first step is the method itself.
      List<String> below = reach.chain().subList(1, reach.chain().size());
      String text = REACHES + String.join(" → ", below) + WHICH + reach.reason();
      StringBuilder line = new StringBuilder()
          .append("blocking ").append(reach.category()).append(' ')
          .append(method.enclClass().flatName()).append('#').append(name)
          .append('(').append(params.replace(" ", "")).append(')')
          .append(" | ").append(clean(text));
      if (!reach.alternative().isBlank()) {
        line.append(" | ").append(clean(reach.alternative()));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Free text must not contain the format's separators: '|' and a word starting with '#'. */
  private static String clean(String text) {
    return text.replace('|', '/').replaceAll("(^|\\s)#", "$1").replaceAll("\\s+", " ").strip();
  }
}
