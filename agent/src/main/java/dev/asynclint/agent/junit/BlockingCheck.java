package dev.asynclint.agent.junit;

import dev.asynclint.agent.AsyncLint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that blocks an event loop, naming the call site. Register it with
 * {@code @ExtendWith(BlockingCheck.class)}, or for every test through JUnit's extension
 * auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}). Installs the agent
 * by self-attaching when the JVM was not started with {@code -javaagent}.
 */
public final class BlockingCheck implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BlockingCheck.class);

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    AsyncLint.install();
    context.getStore(NAMESPACE).put("recording", AsyncLint.record());
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    AsyncLint.Recording recording = context.getStore(NAMESPACE).remove("recording", AsyncLint.Recording.class);
    if (recording == null) {
      return;
    }
    recording.close();
    List<AsyncLint.Stall> stalls = recording.stalls();
    if (!stalls.isEmpty() && context.getExecutionException().isEmpty()) {
      throw new AssertionError("blocked an event loop " + stalls.size() + " time(s):\n  "
          + stalls.stream().map(AsyncLint.Stall::toString).distinct().limit(10)
              .collect(Collectors.joining("\n  ")));
    }
  }
}
