package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PristineTreesTest {
  private static final Path FILE = Path.of("src/demo/Fine.java");
  private static final String TEXT = "package demo;\nclass Fine {\n  void run(java.util.List<String> names) {\n    names.add(\"x\");\n  }\n}\n";
  private static final DataKey<String> WRITTEN = new DataKey<>() {};

  private static ParsedTrees threadTrees(PristineTrees shared) {
    JavaParser parser = new JavaParser(FileAnalyzer.parserConfiguration()
        .setSymbolResolver(new JavaSymbolSolver(new ReflectionTypeSolver())));
    return new ParsedTrees(parser, new ScannedSources(Map.of("demo.Fine", ScannedSources.key(FILE)),
        Map.of(ScannedSources.key(FILE), TEXT)), shared);
  }

  @Test
  void aSecondThreadGetsACopyOfTheFirstParseNotTheTreeTheFirstThreadResolves() {
    PristineTrees shared = new PristineTrees();
    ParsedTrees first = threadTrees(shared);
    ParsedTrees second = threadTrees(shared);
    CompilationUnit mine = first.unit(FILE).orElseThrow();
    mine.findFirst(MethodCallExpr.class).orElseThrow().setData(WRITTEN, "first thread's cache");
    mine.findFirst(MethodCallExpr.class).orElseThrow().resolve(); // the solver writes into nodes too

    CompilationUnit theirs = second.unit(FILE).orElseThrow();

    assertThat(theirs).isNotSameInstanceAs(mine);
    assertThat(theirs).isEqualTo(mine); // the same tree, node for node
    // Copied, not parsed again: a parse would make new tokens.
    assertThat(theirs.getTokenRange().orElseThrow().getBegin())
        .isSameInstanceAs(mine.getTokenRange().orElseThrow().getBegin());
    List<Node> mineNodes = mine.findAll(Node.class);
    List<Node> theirNodes = theirs.findAll(Node.class);
    assertThat(theirNodes).hasSize(mineNodes.size());
    for (int i = 0; i < mineNodes.size(); i++) {
      assertThat(theirNodes.get(i).getRange()).isEqualTo(mineNodes.get(i).getRange());
      assertThat(theirNodes.get(i).getDataKeys()).doesNotContain(WRITTEN);
    }
    assertThat(theirs.getStorage().orElseThrow().getPath()).isEqualTo(ScannedSources.key(FILE));
    // It resolves with the second thread's own solver.
    assertThat(theirs.getData(Node.SYMBOL_RESOLVER_KEY)).isNotSameInstanceAs(mine.getData(Node.SYMBOL_RESOLVER_KEY));
    assertThat(theirs.findFirst(MethodCallExpr.class).orElseThrow().resolve().getQualifiedName())
        .isEqualTo("java.util.List.add");
  }

  @Test
  void aFileThatDoesNotParseGivesEveryThreadItsProblems() {
    PristineTrees shared = new PristineTrees();
    JavaParser parser = new JavaParser(FileAnalyzer.parserConfiguration());
    String broken = "class Broken { void run() { int x = ; } }";
    var once = shared.parse(Path.of("Broken.java"), broken, parser);
    var again = shared.parse(Path.of("Broken.java"), broken, parser);
    assertThat(once.isSuccessful()).isFalse();
    assertThat(again.isSuccessful()).isFalse();
    assertThat(again.getProblems()).isEqualTo(once.getProblems());
  }

  @Test
  void threadsAskingForTheSameFilesAtOnceEachGetAWholeTree() throws Exception {
    PristineTrees shared = new PristineTrees();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CompilationUnit>> trees = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        trees.add(pool.submit(() -> threadTrees(shared).unit(FILE).orElseThrow()));
      }
      CompilationUnit first = trees.get(0).get();
      for (Future<CompilationUnit> tree : trees) {
        assertThat(tree.get()).isEqualTo(first);
        assertThat(tree.get().findFirst(MethodCallExpr.class).orElseThrow().getBegin().orElseThrow().line).isEqualTo(4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aParseThatThrowsLeavesNoThreadWaiting() {
    PristineTrees shared = new PristineTrees();
    com.github.javaparser.ParserConfiguration broken = FileAnalyzer.parserConfiguration();
    broken.getProcessors().add(() -> new com.github.javaparser.Processor() {
      @Override
      public void postProcess(com.github.javaparser.ParseResult<? extends Node> result,
          com.github.javaparser.ParserConfiguration configuration) {
        throw new StackOverflowError("deep nesting"); // JavaParser reports exceptions as problems; errors escape
      }
    });
    JavaParser failing = new JavaParser(broken);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
      org.junit.jupiter.api.Assertions.assertThrows(StackOverflowError.class,
          () -> shared.parse(Path.of("Any.java"), TEXT, failing));
      // The next thread to ask does not wait for the failed parse: it parses for itself.
      var fine = shared.parse(Path.of("Any.java"), TEXT, new JavaParser(FileAnalyzer.parserConfiguration()));
      assertThat(fine.isSuccessful()).isTrue();
    });
  }
}
