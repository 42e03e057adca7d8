package dev.asynclint.agent;

import dev.asynclint.agent.bootstrap.Hook;
import dev.asynclint.agent.bootstrap.ThreadState;

/**
 * Looks at every event-loop thread a few times per threshold; when a task has run past the
 * threshold, samples its stack so the time can be blamed on the code that did not yield.
 */
final class TaskWatchdog implements Runnable {
  private final StallRecorder recorder;
  private final long periodMillis;

  TaskWatchdog(StallRecorder recorder) {
    this.recorder = recorder;
    this.periodMillis = Math.max(2, Math.min(20, recorder.taskThresholdNanos / 5_000_000));
  }

  void start() {
    Thread thread = new Thread(this, "async-lint-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    // The watchdog's own waits must never be taken for application stalls.
    Hook.state().busy = true;
    while (true) {
      try {
        Thread.sleep(periodMillis);
        long now = System.nanoTime();
        for (ThreadState s : recorder.eventLoopThreads) {
          if (!s.thread.isAlive()) {
            recorder.eventLoopThreads.remove(s);
            continue;
          }
          long start = s.taskStart;
          if (start == 0 || now - start < recorder.taskThresholdNanos || s.blockingDepth > 0 || s.busy) {
            continue;
          }
          StackTraceElement[] stack = s.thread.getStackTrace();
          // The task may have ended or entered a blocking call while we looked.
          if (s.taskStart != start || s.blockingDepth > 0 || s.busy) {
            continue;
          }
          String frame = Frames.applicationFrame(stack);
          if (frame != null) {
            recorder.addSample(s, frame);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) {
        recorder.internalError(e);
      }
    }
  }
}
