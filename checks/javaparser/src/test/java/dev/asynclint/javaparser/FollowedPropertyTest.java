package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.Finding;
import dev.asynclint.core.Rule;
import dev.asynclint.core.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The hook a rule about what a method does (a loop rule) uses to follow calls like a blocking
 * API: it registers a property, and reads back the chain from a call in event-loop code to a
 * method that has it.
 */
class FollowedPropertyTest {
  /** A toy rule: "contains a while loop", reported at calls from event-loop code. */
  static final class WhileLoops implements SourceRule {
    @Override
    public Rule rule() {
      return Category.SLEEP.rule(); // any id will do for the hook
    }

    @Override
    public Optional<TransitiveSummaries.MethodProperty> followedProperty(TypeHierarchy types, ScanOptions options) {
      return Optional.of(method -> method.findFirst(WhileStmt.class).isPresent() ? "loops with while" : null);
    }

    @Override
    public void check(SourceFile file, Consumer<Finding> findings) {
      for (MethodCallExpr call : file.unit().findAll(MethodCallExpr.class)) {
        if (file.contexts().resolve(call).isEmpty()) {
          continue;
        }
        file.reachedProperty(call, rule().id()).ifPresent(reach -> findings.accept(new Finding(rule().id(),
            Severity.WARNING, file.path(), call.getBegin().get().line, 1, reach.reason(), "", reach.chain(), "")));
      }
    }
  }

  @Test
  void aCallToAMethodWithThePropertyIsFoundWithItsChain() {
    String text = String.join("\n",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "class Spinner extends ChannelInboundHandlerAdapter {",
        "  volatile boolean ready;",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    settle();",
        "    ctx.write(msg);",
        "  }",
        "  private void settle() { awaitReady(); }",
        "  private void awaitReady() { while (!ready) { Thread.onSpinWait(); } }",
        "}");
    List<SourceRule> rules = List.of(new WhileLoops());
    ScanOptions options = ScanOptions.of(List.of(), Corpus.frameworkClasspath()).withThreads(1);
    FileAnalyzer analyzer = new FileAnalyzer(Catalog.builtIn(), options, rules, ScannedSources.NONE, Set.of(),
        new ArrayList<>(), new ProjectTypes(List.of(Path.of("Spinner.java")), List.of(text)),
        new TransitiveSummaries.Shared());

    List<Finding> findings = analyzer.analyze("Spinner.java", text, OffLoopClasses.NONE).findings();

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).line()).isEqualTo(6);
    assertThat(findings.get(0).chain()).containsExactly("Spinner.settle", "Spinner.awaitReady").inOrder();
    assertThat(findings.get(0).message()).isEqualTo("loops with while");
  }
}
