package dev.asynclint.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogParserTest {

  private static Catalog parse(String text) throws Exception {
    return CatalogParser.parse(new StringReader(text), "user.catalog");
  }

  @Test
  void readsEveryEntryKind() throws Exception {
    Catalog c = parse("""
        # a comment line
        blocking IO com.acme.Db#query,update(java.lang.String) | runs SQL | use the async client  # trailing comment
        nonblocking com.acme.MemDb#* | in memory
        context callback MYLOOP com.acme.Loop#submit arg=0 confidence=LIKELY | runs on the acme loop
        context override MYLOOP com.acme.Handler#on* | runs on the acme loop
        context annotation MYLOOP com.acme.OnLoop | runs on the acme loop
        offload MYLOOP com.acme.Loop#offload arg=1 | runs on a worker
        blocking-annotation com.acme.MayBlock
        fix MYLOOP IO | use acme.async()
        async-result HOT com.acme.Promise handlers=recover,onError* | an acme promise
        """);

    BlockingApi api = c.blockingApis().get(0);
    assertThat(api.category()).isEqualTo(Category.IO);
    assertThat(api.method().owner()).isEqualTo("com.acme.Db");
    assertThat(api.method().names()).containsExactly("query", "update");
    assertThat(api.method().params()).containsExactly("java.lang.String");
    assertThat(api.reason()).isEqualTo("runs SQL");
    assertThat(api.alternative()).isEqualTo("use the async client");
    assertThat(api.origin()).isEqualTo("user.catalog:2");

    assertThat(c.nonBlockingApis()).hasSize(1);
    EventLoopEntry callback = c.eventLoopEntries(EventLoopEntry.Kind.CALLBACK).get(0);
    assertThat(callback.framework()).isEqualTo("MYLOOP");
    assertThat(callback.argument()).isEqualTo(0);
    assertThat(callback.confidence()).isEqualTo(Confidence.LIKELY);
    assertThat(callback.where()).isEqualTo("runs on the acme loop");
    EventLoopEntry override = c.eventLoopEntries(EventLoopEntry.Kind.OVERRIDE).get(0);
    assertThat(override.method().matchesName("onMessage")).isTrue();
    assertThat(override.method().matchesName("helper")).isFalse();
    assertThat(c.eventLoopEntries(EventLoopEntry.Kind.ANNOTATION).get(0).method().owner())
        .isEqualTo("com.acme.OnLoop");
    assertThat(c.offloadPoints().get(0).argument()).isEqualTo(1);
    assertThat(c.blockingAnnotations()).containsExactly("com.acme.MayBlock");
    assertThat(c.fix("MYLOOP", Category.IO)).hasValue("use acme.async()");
    AsyncResultType promise = c.asyncResultTypes(AsyncResultType.Temperature.HOT).get(0);
    assertThat(promise.type()).isEqualTo("com.acme.Promise");
    assertThat(promise.handlers()).containsExactly("recover", "onError*");
    assertThat(promise.description()).isEqualTo("an acme promise");
  }

  @Test
  void reportsEveryMalformedLineWithFileAndLine() {
    CatalogException e = assertThrows(CatalogException.class, () -> parse("""
        blocking NAP java.lang.Thread#sleep | x
        blocking IO java.lang.Thread | no method
        context callback netty io.netty.Foo#bar | lower-case framework
        context callback NETTY io.netty.Foo#bar
        offload VERTX io.vertx.core.Vertx#executeBlocking arg=first | bad index
        frobnicate X
        blocking SLEEP java.lang.Thread#sleep extra | words after the pattern
        context override NETTY io.netty.Foo#bar colour=red | unknown option
        blocking IO good.Type#ok | fine
        async-result WARM a.B | neither
        """));

    assertThat(e.problems()).containsExactly(
        "user.catalog:1: unknown category 'NAP' (expected SLEEP, IO or WAIT)",
        "user.catalog:2: expected Owner#method, e.g. java.lang.Thread#sleep, but got 'java.lang.Thread'",
        "user.catalog:3: framework 'netty' must be an upper-case name such as NETTY, VERTX or MYAPP",
        "user.catalog:4: missing where the code runs, after '|'",
        "user.catalog:5: arg=first is not an argument index (0, 1, ...)",
        "user.catalog:6: unknown entry kind 'frobnicate' (expected blocking, nonblocking, context, offload, inline, blocking-annotation, fix, async-result, scheduler or shift)",
        "user.catalog:7: unexpected 'extra' (free text goes after '|')",
        "user.catalog:8: unknown option 'colour=' (allowed: arg, unless, confidence)",
        "user.catalog:10: unknown temperature 'WARM' (expected HOT or COLD)").inOrder();
    assertThat(e.getMessage()).startsWith("user.catalog:1: ");
  }

  @Test
  void builtInCatalogLoadsAndCoversTheIssueList() {
    Catalog c = Catalog.builtIn();
    assertThat(names(c, "sleep")).contains("java.lang.Thread");
    assertThat(names(c, "sleep")).contains("java.util.concurrent.TimeUnit");
    assertThat(names(c, "send")).contains("java.net.http.HttpClient");
    assertThat(names(c, "sendAsync")).doesNotContain("java.net.http.HttpClient");
    assertThat(names(c, "executeQuery")).contains("java.sql.Statement");
    assertThat(names(c, "block")).contains("reactor.core.publisher.Mono");
    assertThat(names(c, "blockingFirst")).contains("io.reactivex.rxjava3.core.Observable");
    assertThat(names(c, "await")).containsAtLeast(
        "java.util.concurrent.CountDownLatch", "io.netty.util.concurrent.Future");
    assertThat(c.blockingAnnotations()).contains("org.jetbrains.annotations.Blocking");
    assertThat(c.fix("NETTY", Category.SLEEP)).isPresent();
    assertThat(c.fix("VERTX", Category.IO)).isPresent();
  }

  @Test
  void userFileIsMergedOverTheBuiltInOne(@TempDir Path dir) throws Exception {
    Path user = dir.resolve("async-lint.catalog");
    Files.writeString(user, """
        blocking IO com.acme.LegacyClient#fetch | calls the legacy service synchronously
        fix NETTY SLEEP | use our scheduler
        """);
    Catalog merged = Catalog.builtInWith(Optional.of(user));
    assertThat(names(merged, "fetch")).contains("com.acme.LegacyClient");
    assertThat(names(Catalog.builtIn(), "fetch")).doesNotContain("com.acme.LegacyClient");
    assertThat(names(merged, "sleep")).contains("java.lang.Thread");
    assertThat(merged.fix("NETTY", Category.SLEEP)).hasValue("use our scheduler");
    assertThat(merged.size()).isGreaterThan(Catalog.builtIn().size());
  }

  @Test
  void missingUserFileIsAnIoError(@TempDir Path dir) {
    assertThrows(IOException.class, () -> Catalog.builtInWith(Optional.of(dir.resolve("nope.catalog"))));
  }

  @Test
  void classpathEntriesAreReadAndBadOnesReportedNotThrown(@TempDir Path dir) throws Exception {
    Path meta = Files.createDirectories(dir.resolve("META-INF/async-lint"));
    Files.writeString(meta.resolve("blocking-methods"), """
        blocking IO lib.Repository#find | runs a JDBC query
        blocking OOPS lib.Repository#broken | bad
        """);
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
      List<String> problems = new java.util.ArrayList<>();
      Catalog c = Catalog.fromClasspath(loader, problems);
      assertThat(c.blockingApis()).isEmpty();
      assertThat(problems).hasSize(1);
      assertThat(problems.get(0)).endsWith("blocking-methods:2: unknown category 'OOPS' (expected SLEEP, IO or WAIT)");
    }
  }

  @Test
  void cpuIsACategoryForFixesOnly() throws Exception {
    Catalog c = parse("fix MYLOOP CPU | split the work");
    assertThat(c.fix("MYLOOP", Category.CPU)).hasValue("split the work");
    assertThat(Catalog.builtIn().fix("NETTY", Category.CPU)).isPresent();
    assertThat(Catalog.builtIn().fix("VERTX", Category.CPU)).isPresent();
    CatalogException e = assertThrows(CatalogException.class, () -> parse("blocking CPU com.acme.Hash#all | hashes"));
    assertThat(e.getMessage()).contains("CPU is only for fix lines");
  }

  @Test
  void inlineLinesNameCallablesThatRunOnTheCallersThread() throws Exception {
    Catalog c = parse("inline com.acme.Promise#make arg=0 | runs the maker before it returns");
    InlineCallback inline = c.inlineCallbacks().get(0);
    assertThat(inline.method().owner()).isEqualTo("com.acme.Promise");
    assertThat(inline.method().names()).containsExactly("make");
    assertThat(inline.argument()).isEqualTo(0);
    assertThat(inline.why()).isEqualTo("runs the maker before it returns");
    assertThat(inline.origin()).isEqualTo("user.catalog:1");
    assertThat(Catalog.builtIn().inlineCallbacks().stream().map(i -> i.method().owner()))
        .contains("io.vertx.core.Future");
    CatalogException e = assertThrows(CatalogException.class, () -> parse("""
        inline com.acme.Promise#make
        inline VERTX com.acme.Promise#make | a framework word is not taken
        inline com.acme.Promise#make confidence=LIKELY | no confidence either
        """));
    assertThat(e.problems()).containsExactly(
        "user.catalog:1: missing why it runs at once, after '|'",
        "user.catalog:2: expected Owner#method, e.g. java.lang.Thread#sleep, but got 'VERTX'",
        "user.catalog:3: unknown option 'confidence=' (allowed: arg)").inOrder();
  }

  /** The choice for a callable passed to Future.future-like APIs: inline beats a package-wide callback. */
  @Test
  void inlineBeatsALessSpecificCallbackAndLosesToAMoreSpecificOne() throws Exception {
    Catalog c = parse("""
        context callback MYLOOP com.acme.*#* | runs on the acme loop
        context callback MYLOOP com.acme.Special#make | runs on the acme loop after all
        inline com.acme.Promise#make arg=0 | runs the maker before it returns
        """);
    // com.acme.Special is a subtype of com.acme.Promise here; the package owner is least specific.
    class Call implements CallbackOrOffload.Callee {
      final String owner;
      Call(String owner) { this.owner = owner; }
      @Override public boolean matches(MethodPattern p) {
        return p.ownerIsPackage() ? p.packageContains(owner)
            : p.owner().equals(owner) || (owner.equals("com.acme.Special") && p.owner().equals("com.acme.Promise"));
      }
      @Override public boolean moreSpecific(MethodPattern a, MethodPattern b) {
        return !a.ownerIsPackage() && (b.ownerIsPackage()
            || (a.owner().equals("com.acme.Special") && b.owner().equals("com.acme.Promise")));
      }
      @Override public boolean hasParamOfType(String type) { return false; }
      @Override public boolean functionalParam(int index) { return true; }
    }
    CallbackOrOffload.Choice promise = CallbackOrOffload.choose(c, new Call("com.acme.Promise"), 0);
    assertThat(promise.runsInline()).isTrue();
    assertThat(promise.callback()).isNull();
    assertThat(promise.offloaded()).isFalse();
    // Another argument of the same method is not the inline one: the package callback applies.
    assertThat(CatalogParserTest.callbackOf(c, new Call("com.acme.Promise"), 1)).isEqualTo("com.acme.*");
    assertThat(CatalogParserTest.callbackOf(c, new Call("com.acme.Special"), 0)).isEqualTo("com.acme.Special");
  }

  private static String callbackOf(Catalog c, CallbackOrOffload.Callee callee, int index) {
    CallbackOrOffload.Choice choice = CallbackOrOffload.choose(c, callee, index);
    assertThat(choice.runsInline()).isFalse();
    return choice.callback().method().owner();
  }

  private static List<String> names(Catalog c, String method) {
    return c.blockingCandidates(method).stream().map(a -> a.method().owner()).toList();
  }
}
