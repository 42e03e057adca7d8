package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner does not read reactive chains yet (the Error Prone engine does), so it must not
 * judge operator callbacks: a callback moved to boundedElastic() inside a Netty handler is no
 * finding, while the handler's own sleep still is.
 */
class ReactiveCallbacksTest {
  @Test
  void operatorCallbacksAreNotJudgedButTheHandlerIs(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("PricedHandler.java"), String.join("\n",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.scheduler.Schedulers;",
        "class PricedHandler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Flux.just(1).publishOn(Schedulers.boundedElastic())",
        "        .map(i -> { try { Thread.sleep(5); } catch (InterruptedException e) { } return i; })",
        "        .subscribe(ctx::write);",
        "    Thread.sleep(5);",
        "  }",
        "}",
        ""));
    List<Path> classpath = new ArrayList<>(Corpus.frameworkClasspath());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("reactor-core") || name.startsWith("reactive-streams")) {
        classpath.add(Path.of(entry));
      }
    }
    ScanResult result = SourceScanner.scan(
        ScanOptions.of(List.of(dir), classpath).withThreads(1), Catalog.builtIn(), null);

    assertThat(result.findings().stream().map(Finding::line).toList()).containsExactly(10);
    assertThat(result.findings().get(0).rule()).isEqualTo("SleepInEventLoop");
  }
}
