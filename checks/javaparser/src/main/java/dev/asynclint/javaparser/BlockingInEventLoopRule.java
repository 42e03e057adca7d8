package dev.asynclint.javaparser;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.asynclint.core.Category;
import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.util.function.Consumer;

/**
 * What {@link SleepInEventLoop}, {@link BlockingIoInEventLoop} and {@link BlockingWaitInEventLoop}
 * share: a call the catalog says blocks, in this rule's category, in code that runs on an event
 * loop. Only definite contexts are errors; the common pool is a warning.
 */
abstract class BlockingInEventLoopRule implements SourceRule {
  private final Category category;

  BlockingInEventLoopRule(Category category) {
    this.category = category;
  }

  @Override
  public Rule rule() {
    return category.rule();
  }

  @Override
  public void check(SourceFile file, Consumer<Finding> findings) {
    for (SourceFile.BlockingSite site : file.blockingSites()) {
      if (site.call().category() != category || Annotations.suppressed(site.node(), rule().id())) {
        continue;
      }
      Node where = site.node() instanceof MethodCallExpr call ? call.getName() : site.node();
      int line = where.getBegin().map(p -> p.line).orElse(0);
      int column = where.getBegin().map(p -> p.column).orElse(0);
      findings.accept(new Finding(
          rule().id(),
          site.context().definite() ? Severity.ERROR : Severity.WARNING,
          file.path(),
          line,
          column,
          site.call().message(site.context(), file.catalog()),
          site.context().reason(),
          site.call().chain(),
          site.call().fix(site.context(), file.catalog())));
    }
  }
}
