package vertx;

import io.vertx.core.eventbus.EventBus;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/** Locks, permits and blocking queues wait; their non-waiting forms do not. */
public class LocksAndQueues {
  private final ReentrantLock lock = new ReentrantLock();
  private final Semaphore permits = new Semaphore(4);

  void consume(EventBus bus, BlockingQueue<String> queue) {
    bus.<String>consumer("work", message -> {
      // BUG: Diagnostic contains: BlockingWaitInEventLoop
      lock.lock();
      try {
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        permits.acquireUninterruptibly();
        // BUG: Diagnostic contains: BlockingWaitInEventLoop
        queue.put(message.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
      if (lock.tryLock() && permits.tryAcquire()) {
        queue.offer(message.body());
        String next = queue.poll();
        permits.release();
        lock.unlock();
      }
    });
  }
}
