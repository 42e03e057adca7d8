package reactive;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.CompletableFuture;

/** Mutiny: emitOn/runSubscriptionOn with the worker pool move callbacks off the loop. */
public class MutinyChains extends ChannelInboundHandlerAdapter {
  private final CompletableFuture<Integer> pending = new CompletableFuture<>();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Uni.createFrom().item(1)
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        .onItem().transform(i -> i + pending.join())
        .subscribe().with(ctx::write);

    Uni.createFrom().item(1)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .onItem().transform(i -> i + pending.join())
        .subscribe().with(ctx::write);

    Uni.createFrom().item(() -> pending.join())
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .subscribe().with(ctx::write);
  }
}
