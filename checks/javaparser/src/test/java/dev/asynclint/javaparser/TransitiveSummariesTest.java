package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls from event-loop code to the project's own methods that reach a blocking API: reported at
 * the call with the chain, in the Error Prone engine's words; bounded by --max-depth; and
 * continued through the summaries that libraries on the classpath publish.
 */
class TransitiveSummariesTest {
  @TempDir Path dir;

  private void write(String name, String... lines) throws Exception {
    Path file = dir.resolve("src/app/" + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private void handlerCalling(String call) throws Exception {
    write("Handler.java",
        "package app;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class Handler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    " + call + ";",
        "  }",
        "}");
  }

  private List<Finding> scan(ScanOptions options) throws Exception {
    return SourceScanner.scan(options.withThreads(1), Catalog.builtIn(), null).findings();
  }

  private ScanOptions options(List<Path> extraClasspath) {
    List<Path> classpath = new ArrayList<>(Corpus.frameworkClasspath());
    classpath.addAll(extraClasspath);
    return ScanOptions.of(List.of(dir.resolve("src")), classpath);
  }

  @Test
  void theChainIsReportedAtTheCallInTheHandler() throws Exception {
    write("Pauses.java",
        "package app;",
        "public class Pauses {",
        "  static void settle() throws InterruptedException { pauseFor(3); }",
        "  private static void pauseFor(int n) throws InterruptedException { if (n > 0) { pauseFor(n - 1); } else { Thread.sleep(10); } }",
        "}");
    handlerCalling("Pauses.settle()");

    List<Finding> all = scan(options(List.of()));
    // pauseFor also recurses: the loop rule follows that through settle too, as in Error Prone.
    assertThat(all.stream().filter(f -> f.rule().equals("NonYieldingLoopInEventLoop")).map(Finding::chain).toList())
        .containsExactly(List.of("Pauses.settle", "Pauses.pauseFor"));
    List<Finding> findings = all.stream().filter(f -> !f.rule().equals("NonYieldingLoopInEventLoop")).toList();

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.rule()).isEqualTo("SleepInEventLoop");
    assertThat(finding.line()).isEqualTo(6);
    assertThat(finding.chain()).containsExactly("Pauses.settle", "Pauses.pauseFor", "Thread.sleep").inOrder();
    assertThat(finding.message()).startsWith("`Pauses.settle()` reaches Pauses.settle → Pauses.pauseFor → Thread.sleep,"
        + " which parks the thread for the whole delay, inside `channelRead` of `Handler`");
  }

  @Test
  void anOverloadedHelperIsFollowedToTheOverloadTheCallPicks() throws Exception {
    // Only the overload the call picks counts: save(1) is the harmless one.
    write("Audit.java",
        "package app;",
        "public class Audit {",
        "  static void save(String line) throws Exception { java.nio.file.Files.writeString(java.nio.file.Path.of(\"audit\"), line); }",
        "  static void save(int code) { System.identityHashCode(code); }",
        "  static void note(String line) { System.identityHashCode(line); }",
        "  static void note(int code) { System.identityHashCode(code); }",
        "}");
    handlerCalling("Audit.save(1); Audit.note(\"x\"); Audit.note(2)");
    assertThat(scan(options(List.of()))).isEmpty();

    handlerCalling("Audit.save(\"x\")");
    List<Finding> findings = scan(options(List.of()));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).chain()).containsExactly("Audit.save", "Files.writeString").inOrder();
  }

  @Test
  void chainsLongerThanMaxDepthAreNotFollowed() throws Exception {
    write("Layers.java",
        "package app;",
        "public class Layers {",
        "  static void a() throws Exception { b(); }",
        "  static void b() throws Exception { c(); }",
        "  static void c() throws Exception { Thread.sleep(1); }",
        "}");
    handlerCalling("Layers.a()");

    assertThat(scan(options(List.of()))).hasSize(1);
    assertThat(scan(options(List.of()).withMaxDepth(2))).isEmpty();
    assertThat(scan(options(List.of()).withMaxDepth(3))).hasSize(1);
  }

  @Test
  void aLibrarysPublishedSummaryContinuesTheChain(@TempDir Path jars) throws Exception {
    Path jar = jars.resolve("repository.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry(Catalog.LIBRARY_RESOURCE));
      entries.write(("blocking IO app.Handler#helper() | reaches Repository.find → PreparedStatement.executeQuery,"
          + " which runs a JDBC query and waits for the database\n").getBytes(StandardCharsets.UTF_8));
    }
    write("Handler.java",
        "package app;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class Handler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    new Handler().helper();",
        "  }",
        "  public native void helper();",
        "}");

    List<Finding> findings = scan(options(List.of(jar)));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).chain())
        .containsExactly("Handler.helper", "Repository.find", "PreparedStatement.executeQuery").inOrder();
    assertThat(findings.get(0).message()).startsWith("`new Handler().helper()` reaches Handler.helper →"
        + " Repository.find → PreparedStatement.executeQuery, which runs a JDBC query and waits for the database,");
  }
  private void storeHandler() throws Exception {
    write("Store.java",
        "package app;",
        "public interface Store { byte[] load() throws Exception; }");
    write("Handler.java",
        "package app;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class Handler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Store store = (Store) msg;",
        "    ctx.write(store.load());",
        "  }",
        "}");
    write("DiskStore.java",
        "package app;",
        "public class DiskStore implements Store {",
        "  public byte[] load() throws Exception { return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"x\")); }",
        "}");
  }

  @Test
  void aVirtualCallBlocksWhenEveryImplementationBlocks() throws Exception {
    storeHandler();
    write("SocketStore.java",
        "package app;",
        "public class SocketStore implements Store {",
        "  public byte[] load() throws Exception { return new java.net.Socket(\"db\", 5432).getInputStream().readAllBytes(); }",
        "}");

    List<Finding> findings = scan(options(List.of()));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).rule()).isEqualTo("BlockingIoInEventLoop");
    // equally short chains: the implementations are taken in class-name order
    assertThat(findings.get(0).chain()).containsExactly("Store.load", "DiskStore.load", "Files.readAllBytes").inOrder();
  }

  @Test
  void anImplementationThatCallsNothingMakesTheVirtualCallNonBlocking() throws Exception {
    // The getter is seen to reach nothing from its body alone, before any call is resolved.
    storeHandler();
    write("CachedStore.java",
        "package app;",
        "public class CachedStore implements Store {",
        "  private byte[] cached = new byte[0];",
        "  public byte[] load() { return cached; }",
        "}");

    assertThat(scan(options(List.of()))).isEmpty();
  }

  @Test
  void anImplementationWithoutCallsStillCountsWhenItSpins() throws Exception {
    // No call in either body, but both spin: the loop rule's property is part of the summary, so
    // neither implementation "reaches nothing".
    write("Waiter.java",
        "package app;",
        "public interface Waiter { void await(); }");
    write("FlagWaiter.java",
        "package app;",
        "public class FlagWaiter implements Waiter {",
        "  volatile boolean ready;",
        "  public void await() { while (!ready) { } }",
        "}");
    write("CountWaiter.java",
        "package app;",
        "public class CountWaiter implements Waiter {",
        "  volatile int left = 1;",
        "  public void await() { while (left > 0) { } }",
        "}");
    write("Handler.java",
        "package app;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class Handler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    Waiter waiter = (Waiter) msg;",
        "    waiter.await();",
        "    ctx.write(msg);",
        "  }",
        "}");

    List<Finding> findings = scan(options(List.of()));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).rule()).isEqualTo("NonYieldingLoopInEventLoop");
    assertThat(findings.get(0).line()).isEqualTo(7);
    assertThat(findings.get(0).chain()).containsExactly("Waiter.await", "CountWaiter.await").inOrder();
  }
}
