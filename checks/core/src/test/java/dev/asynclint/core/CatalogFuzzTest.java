package dev.asynclint.core;

import static com.google.common.truth.Truth.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;

/**
 * Whatever a catalog file holds, the loader either accepts it or reports {@code file:line: what},
 * and never throws anything else: a user's typo must not crash javac, the scanner or the agent.
 */
class CatalogFuzzTest {

  @FuzzTest(maxDuration = "20s")
  @DictionaryEntries({"blocking", "nonblocking", "context", "offload", "blocking-annotation", "fix",
      "async-result", "override", "callback", "annotation", "SLEEP", "IO", "WAIT", "HOT", "COLD",
      "NETTY", "#", "|", "arg=", "unless=", "confidence=", "handlers=", "<init>", "(", ")", ",", ".*",
      "*", "java.lang.Thread#sleep"})
  void loaderAcceptsOrReportsWithFileAndLine(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    Catalog catalog;
    try {
      catalog = CatalogParser.parse(new StringReader(text), "fuzz.catalog");
    } catch (CatalogException e) {
      assertThat(e.problems()).isNotEmpty();
      for (String problem : e.problems()) {
        assertThat(problem).matches("(?s)fuzz\\.catalog:[1-9][0-9]*: .+");
      }
      return;
    }
    // What was accepted is usable by the engines.
    for (BlockingApi api : catalog.blockingApis()) {
      for (String name : api.method().names()) {
        catalog.blockingCandidates(name);
        api.method().matchesName(name);
      }
      api.method().matchesParams(java.util.List.of());
      assertThat(api.origin()).startsWith("fuzz.catalog:");
    }
    for (EventLoopEntry entry : catalog.eventLoopEntries()) {
      assertThat(entry.where()).isNotEmpty();
    }
    catalog.mergedWith(Catalog.builtIn()).size();
  }
}
