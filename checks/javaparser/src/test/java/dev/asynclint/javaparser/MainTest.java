package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: output format, exit status, bad arguments, unparsable files, reports. */
class MainTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String classpath() {
    return Corpus.frameworkClasspath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private Path write(String relative, String... lines) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
    return file;
  }

  private Path nettyHandler() throws IOException {
    return write("src/demo/EchoHandler.java",
        "package demo;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class EchoHandler extends ChannelInboundHandlerAdapter {",
        "  @Override",
        "  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Thread.sleep(100);",
        "    ctx.writeAndFlush(msg);",
        "  }",
        "}");
  }

  @Test
  void findingsArePrintedAsJavacDoesAndExitWithOne() throws IOException {
    Path handler = nettyHandler();
    Run run = run("--quiet", "--classpath", classpath(), dir.resolve("src").toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains(handler + ":7: error: [SleepInEventLoop] `Thread.sleep(100)` parks the"
        + " thread for the whole delay, inside `channelRead` of `EchoHandler` (a Netty"
        + " ChannelInboundHandler), which runs on the channel's event loop. Fix: schedule the rest with"
        + " ctx.executor().schedule(task, delay, unit) instead of sleeping.");
    // One call resolved: the sleep. The loop rule learns that writeAndFlush cannot recurse without resolving it.
    assertThat(run.out()).contains("async-lint: 1 finding (1 error, 0 warnings) in 1 file; 0 of 1 calls could not be resolved");
  }

  @Test
  void ruleOptionsHaveTheErrorProneFlagNames() throws IOException {
    Path handler = nettyHandler();
    String src = dir.resolve("src").toString();
    Run plain = run("--quiet", "--classpath", classpath(), src);
    assertThat(plain.out()).doesNotContain("[UnawaitedFuture]");
    Run netty = run("--quiet", "--NettyFutures", "--classpath", classpath(), src);
    assertThat(netty.out()).contains(handler + ":8: warning: [UnawaitedFuture] `ctx.writeAndFlush(msg)` returns a"
        + " ChannelFuture that is dropped here with no failure handler");
    Run nettyOff = run("--quiet", "--NettyFutures=false", "--classpath", classpath(), src);
    assertThat(nettyOff.out()).doesNotContain("[UnawaitedFuture]");

    write("src/demo/Scramble.java",
        "package demo;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class Scramble extends ChannelInboundHandlerAdapter {",
        "  @Override",
        "  public void channelRead(ChannelHandlerContext ctx, Object msg) {",
        "    for (int i = 0; i < 64; i++) { ctx.fireUserEventTriggered(i); }",
        "  }",
        "}");
    assertThat(run("--quiet", "--classpath", classpath(), src).out()).doesNotContain("[NonYieldingLoopInEventLoop]");
    assertThat(run("--quiet", "--LoopBound", "10", "--classpath", classpath(), src).out())
        .contains("Scramble.java:7: warning: [NonYieldingLoopInEventLoop] This loop runs 64 times (a constant above"
            + " the loop bound of 10)");
    assertThat(run("--quiet", "--LoopBound=10", "--classpath", classpath(), src).out())
        .contains("[NonYieldingLoopInEventLoop] This loop runs 64 times");
  }

  @Test
  void cleanCodeExitsWithZero() throws IOException {
    write("src/demo/Plain.java",
        "package demo;",
        "class Plain {",
        "  void wait(long ms) throws InterruptedException { Thread.sleep(ms); }",
        "}");
    Run run = run("--quiet", dir.resolve("src").toString());
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("async-lint: 0 findings (0 errors, 0 warnings) in 1 file");
  }

  @Test
  void anUnparsableFileIsReportedAndTheRestIsScanned() throws IOException {
    nettyHandler();
    Path broken = write("src/demo/Broken.java",
        "package demo;",
        "class Broken {",
        "  void m() {",
        "    int x = ;",
        "  }",
        "}");
    Run run = run("--quiet", "--classpath", classpath(), dir.resolve("src").toString());
    assertThat(run.out()).contains(broken + ":4: error: cannot parse: ");
    assertThat(run.out()).contains("[SleepInEventLoop]");
    assertThat(run.out()).contains("in 2 files");
    assertThat(run.out()).contains("1 file was skipped");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void newestSyntaxParses() throws IOException {
    write("src/demo/Modern.java",
        "package demo;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class Modern extends ChannelInboundHandlerAdapter {",
        "  sealed interface Shape permits Circle, Square {}",
        "  record Circle(double r) implements Shape {}",
        "  record Square(double side) implements Shape {}",
        "  @Override",
        "  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    String text = switch (msg) {",
        "      case Circle(double r) when r > 1 -> \"big circle\";",
        "      case Circle c -> \"circle\";",
        "      default -> \"\"\"",
        "          other",
        "          \"\"\";",
        "    };",
        "    Thread.sleep(text.length());",
        "  }",
        "}");
    Run run = run("--quiet", "--classpath", classpath(), dir.resolve("src").toString());
    assertThat(run.out()).doesNotContain("cannot parse");
    assertThat(run.out()).contains("Modern.java:17: error: [SleepInEventLoop]");
  }

  @Test
  void callsThatCannotBeResolvedAreCountedNotFatal() throws IOException {
    nettyHandler();
    // No classpath: the handler's supertype is unknown, so there is no context and no finding.
    Run run = run("--quiet", dir.resolve("src").toString());
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("0 findings");
    write("src/demo/Unknown.java",
        "package demo;",
        "class Unknown {",
        "  @org.jetbrains.annotations.NonBlocking",
        "  void m(com.example.Missing missing) { missing.get(); }",
        "}");
    // Known to be event-loop code (the annotation is read from the source), but the call is not.
    run = run("--quiet", dir.resolve("src").toString());
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("1 of 1 calls could not be resolved");
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhatIsWrong() throws IOException {
    Path file = nettyHandler();
    List<String[]> bad = new ArrayList<>();
    bad.add(new String[] {});
    bad.add(new String[] {"--frobnicate", file.toString()});
    bad.add(new String[] {file.toString(), "--classpath"});
    bad.add(new String[] {dir.resolve("missing.java").toString()});
    bad.add(new String[] {"--threads", "zero", file.toString()});
    bad.add(new String[] {"--catalog", dir.resolve("none.catalog").toString(), file.toString()});
    bad.add(new String[] {"--classpath", dir.resolve("nope.jar").toString(), file.toString()});
    bad.add(new String[] {"--LoopBound", "many", file.toString()});
    bad.add(new String[] {"--LoopBound=-1", file.toString()});
    bad.add(new String[] {"--NettyFutures=yes", file.toString()});
    bad.add(new String[] {"--threads=2", file.toString()});
    List<String> expected = List.of("no files or folders to scan", "unknown option --frobnicate",
        "--classpath needs a value", "no such file or folder: " + dir.resolve("missing.java"),
        "--threads needs a number from 1 to 64, not 'zero'", "--catalog " + dir.resolve("none.catalog") + ": no such file",
        "--classpath entry " + dir.resolve("nope.jar") + " does not exist",
        "--LoopBound needs a non-negative whole number, not 'many'",
        "--LoopBound needs a non-negative whole number, not '-1'",
        "--NettyFutures takes true or false, not 'yes'", "unknown option --threads=2");
    for (int i = 0; i < bad.size(); i++) {
      Run run = run(bad.get(i));
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("async-lint: " + expected.get(i));
      assertThat(run.err()).contains("Usage:");
    }
  }

  @Test
  void aBrokenCatalogFileIsNamedWithItsLine() throws IOException {
    Path file = nettyHandler();
    Path catalog = write("my.catalog", "blocking SLEEP com.example.Pause#now | pauses", "blocking NAP x#y");
    Run run = run("--catalog", catalog.toString(), file.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(catalog + ":2: unknown category 'NAP'");
  }

  @Test
  void aUserCatalogAddsBlockingApis() throws IOException {
    write("src/demo/Pausing.java",
        "package demo;",
        "import io.vertx.core.Vertx;",
        "class Pausing {",
        "  static void pause() {}",
        "  void m(Vertx vertx) { vertx.setTimer(1, id -> Pausing.pause()); }",
        "}");
    Path catalog = write("my.catalog", "blocking SLEEP demo.Pausing#pause | pauses the thread");
    Run run = run("--quiet", "--catalog", catalog.toString(), "--classpath", classpath(), dir.resolve("src").toString());
    assertThat(run.out()).contains("Pausing.java:5: error: [SleepInEventLoop] `Pausing.pause()` pauses the thread,"
        + " inside the lambda passed to `Vertx.setTimer`, which runs on the Vert.x event loop.");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void writesSarifAndJsonReports() throws IOException {
    nettyHandler();
    Path sarif = dir.resolve("out/async-lint.sarif");
    Path json = dir.resolve("out/async-lint.json");
    Run run = run("--quiet", "--classpath", classpath(), "--sarif", sarif.toString(), "--json", json.toString(),
        dir.resolve("src").toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(Files.readString(sarif)).contains("\"ruleId\" : \"SleepInEventLoop\"");
    assertThat(Files.readString(sarif)).contains("2.1.0");
    assertThat(Files.readString(json)).contains("\"rule\" : \"SleepInEventLoop\"");
    assertThat(Files.readString(json)).contains("\"engine\" : \"javaparser\"");
  }

  @Test
  void helpExitsWithZero() {
    Run run = run("--help");
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("--classpath CP");
  }
}
