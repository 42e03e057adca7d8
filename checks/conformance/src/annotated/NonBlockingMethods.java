package annotated;

import java.io.FileInputStream;
import java.io.IOException;
import org.jetbrains.annotations.Blocking;
import org.jetbrains.annotations.NonBlocking;

/** @NonBlocking declares a method must not block; @Blocking marks the project's own blocking methods. */
public class NonBlockingMethods {
  @NonBlocking
  void render(StringBuilder out) throws Exception {
    // BUG: Diagnostic contains: SleepInEventLoop
    Thread.sleep(5);
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    out.append(loadTemplate());
  }

  @NonBlocking
  void open() throws IOException {
    // BUG: Diagnostic contains: BlockingIoInEventLoop
    try (FileInputStream in = new FileInputStream("/etc/hosts")) {
      out(in.available());
    }
  }

  @Blocking
  String loadTemplate() throws IOException {
    // A method declared @Blocking may block.
    try (FileInputStream in = new FileInputStream("template.html")) {
      return new String(in.readAllBytes());
    }
  }

  void unannotated() throws Exception {
    Thread.sleep(5);
    loadTemplate();
  }

  private void out(int n) {}
}
