package plain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Code with no event loop in sight: blocking is fine here, and nothing is reported. */
public class PlainCode {
  public static void main(String[] args) throws Exception {
    Thread.sleep(10);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var unused = pool.submit(() -> Files.readString(Path.of("a.txt")));
    pool.execute(() -> List.of(1, 2).forEach(i -> {
      try {
        Thread.sleep(i);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    new Thread(() -> {
      try {
        Files.delete(Path.of("b.txt"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).start();
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.SECONDS);
  }
}
