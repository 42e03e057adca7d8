package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.asynclint.core.Catalog;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scanner's promises about threads and the symbol solver's static caches. */
class SourceScannerTest {
  @Test
  void oneThreadAndSeveralFindTheSame() throws Exception {
    ScanOptions options = ScanOptions.of(List.of(Corpus.dir()), Corpus.frameworkClasspath());
    ScanResult single = SourceScanner.scan(options.withThreads(1), Catalog.builtIn(), null);
    ScanResult parallel = SourceScanner.scan(options.withThreads(3), Catalog.builtIn(), null);
    assertThat(single.findings()).isNotEmpty();
    assertThat(parallel.findings()).containsExactlyElementsIn(single.findings()).inOrder();
    assertThat(parallel.callsUnresolved()).isEqualTo(single.callsUnresolved());
  }

  @Test
  void theSolversStaticCachesAreClearedAfterAScan() throws Exception {
    SourceScanner.scan(ScanOptions.of(List.of(Corpus.dir().resolve("netty")), Corpus.frameworkClasspath()),
        Catalog.builtIn(), null);
    Field instances = JavaParserFacade.class.getDeclaredField("instances");
    instances.setAccessible(true);
    assertThat((Map<?, ?>) instances.get(null)).isEmpty();
  }

  @Test
  void filesAreHandedToThreadsByFolderLargestFirst() {
    List<java.nio.file.Path> files = List.of(java.nio.file.Path.of("/src/a/A.java"), java.nio.file.Path.of("/src/b/B.java"),
        java.nio.file.Path.of("/src/b/C.java"), java.nio.file.Path.of("/src/a/D.java"), java.nio.file.Path.of("/src/b/E.java"),
        java.nio.file.Path.of("/src/c/F.java"));
    assertThat(SourceScanner.byFolder(files)).containsExactly(List.of(1, 2, 4), List.of(0, 3), List.of(5)).inOrder();
  }

  @Test
  void languageLevelIsTheNewestJavaParserKnows() {
    assertThat(FileAnalyzer.LANGUAGE_LEVEL.name()).isEqualTo("JAVA_26");
  }
}
