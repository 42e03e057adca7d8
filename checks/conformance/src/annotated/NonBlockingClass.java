package annotated;

import java.util.concurrent.Future;
import org.jetbrains.annotations.NonBlocking;

/** @NonBlocking on a class covers every method it declares. */
@NonBlocking
public class NonBlockingClass {
  String first(Future<String> result) throws Exception {
    // BUG: Diagnostic contains: BlockingWaitInEventLoop
    return result.get();
  }

  boolean ready(Future<String> result) {
    return result.isDone();
  }
}
