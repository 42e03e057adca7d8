package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.core.Catalog;
import dev.asynclint.core.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner reads reactive chains as the Error Prone engine does (the conformance corpus has
 * more cases per framework): with no scheduler a callback runs where the chain is subscribed,
 * publishOn(boundedElastic()) moves it off the loop, and a chain the solver cannot read is not
 * judged at all.
 */
class ReactiveChainTest {
  @TempDir Path dir;

  private List<Finding> scan(String... lines) throws Exception {
    Files.writeString(dir.resolve("PricedHandler.java"), String.join("\n", lines) + "\n");
    return SourceScanner.scan(ScanOptions.of(List.of(dir), Corpus.frameworkClasspath()).withThreads(1),
        Catalog.builtIn(), null).findings();
  }

  @Test
  void aCallbackRunsWhereTheChainIsSubscribedUnlessAShiftMovesIt() throws Exception {
    List<Finding> findings = scan(
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import reactor.core.publisher.Flux;",
        "import reactor.core.scheduler.Schedulers;",
        "class PricedHandler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Flux.just(1).publishOn(Schedulers.boundedElastic())",
        "        .map(i -> { try { Thread.sleep(5); } catch (InterruptedException e) { } return i; })",
        "        .subscribe(ctx::write);",
        "    Flux.just(1)",
        "        .map(i -> { try { Thread.sleep(5); } catch (InterruptedException e) { } return i; })",
        "        .subscribe(ctx::write);",
        "  }",
        "}");

    assertThat(findings.stream().map(Finding::line).toList()).containsExactly(11);
    assertThat(findings.get(0).message()).isEqualTo("`Thread.sleep(5)` parks the thread for the whole delay,"
        + " inside `map` of a `Flux` with no publishOn or subscribeOn, so it runs where it is subscribed;"
        + " it is built inside `channelRead` of `PricedHandler` (a Netty ChannelInboundHandler), which runs"
        + " on the channel's event loop. Fix: " + findings.get(0).fix() + ".");
  }

  @Test
  void aChainWhoseSchedulerCannotBeResolvedIsNotJudged() throws Exception {
    List<Finding> findings = scan(
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import reactor.core.publisher.Flux;",
        "class PricedHandler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    Flux.just(1).transform(com.example.Missing::shift)",
        "        .map(i -> { try { Thread.sleep(5); } catch (InterruptedException e) { } return i; })",
        "        .subscribe(ctx::write);",
        "  }",
        "}");

    assertThat(findings).isEmpty();
  }
}
