package netty;

import io.netty.channel.Channel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A listener runs on the event loop that completes the future. */
public class FutureListeners {
  void close(Channel channel, CountDownLatch latch) throws InterruptedException {
    channel.close().addListener(f -> {
      // BUG: Diagnostic contains: BlockingWaitInEventLoop
      latch.await(1, TimeUnit.SECONDS);
    });
    // Outside any event-loop code: this caller may wait.
    latch.await();
  }
}
