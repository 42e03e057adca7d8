package dev.asynclint.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a Netty handler with a real {@code javac -Xplugin:ErrorProne} in its own process, the
 * packaged async-lint jar on the processor path, as a user's build does. Unlike
 * CompilationTestHelper, this goes through ServiceLoader, so a broken service file or a checker
 * without a usable public constructor fails here.
 */
class ErrorPronePluginIT {
  private static final List<String> JAVAC_EXPORTS = Arrays.stream(new String[] {
      "api", "file", "main", "model", "parser", "processing", "tree", "util"})
      .map(p -> "-J--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED")
      .collect(Collectors.toList());

  @Test
  void checksAreDiscoveredAndReportThroughTheRealPlugin(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("src/demo/SleepyHandler.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n",
        "package demo;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "public class SleepyHandler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Thread.sleep(100);",
        "    ctx.writeAndFlush(msg).sync();",
        "    java.nio.file.Files.readString(java.nio.file.Path.of(\"x\"));",
        "  }",
        "}",
        ""));

    Result result = javac(dir, source, "-Xplugin:ErrorProne -XepDisableAllChecks"
        + " -Xep:SleepInEventLoop -Xep:BlockingIoInEventLoop -Xep:BlockingWaitInEventLoop");

    assertWithMessage(result.output).that(result.exitCode).isNotEqualTo(0);
    assertThat(result.output).contains("SleepyHandler.java:6: error: [SleepInEventLoop]");
    assertThat(result.output).contains("SleepyHandler.java:7: error: [BlockingWaitInEventLoop]");
    assertThat(result.output).contains("SleepyHandler.java:8: error: [BlockingIoInEventLoop]");
    assertThat(result.output).contains("which runs on the channel's event loop");
  }

  @Test
  void aBrokenUserCatalogIsOneClearErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("team.catalog");
    Files.writeString(catalog, "blocking IO com.acme.Db#query | fine\nblocking NAP java.lang.Thread#sleep\n");
    Path source = dir.resolve("src/demo/Plain.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package demo;\npublic class Plain { void run() throws Exception { Thread.sleep(1); } }\n");

    Result result = javac(dir, source, "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:SleepInEventLoop"
        + " -XepOpt:AsyncLint:CatalogFile=" + catalog);

    assertThat(result.output).contains("team.catalog:2: unknown category 'NAP' (expected SLEEP, IO or WAIT)");
    assertThat(result.output).doesNotContain("Exception in thread");
    assertThat(result.output).doesNotContain("An unhandled exception was thrown by the Error Prone");
  }

  private record Result(int exitCode, String output) {}

  private static Result javac(Path dir, Path source, String plugin) throws IOException, InterruptedException {
    String jar = System.getProperty("asynclint.jar");
    String classpath = Files.readString(Path.of(System.getProperty("asynclint.classpathFile"))).trim();
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>();
    command.add(javac.toString());
    command.addAll(JAVAC_EXPORTS);
    command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED");
    command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");
    command.addAll(List.of(
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-processorpath", jar + java.io.File.pathSeparator + classpath,
        "-classpath", classpath,
        "-d", Files.createDirectories(dir.resolve("classes")).toString(),
        plugin,
        source.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("javac did not finish:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
