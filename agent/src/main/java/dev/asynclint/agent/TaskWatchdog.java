package dev.asynclint.agent;

import dev.asynclint.agent.bootstrap.Hook;
import dev.asynclint.agent.bootstrap.ThreadState;

/**
 * Looks at every event-loop thread a few times per threshold. It is also the agent's only clock
 * for tasks: a task it finds running is one it times (its end reads the clock once). Its start
 * is exact when it was the first task after a look (see {@link ThreadState#stampWanted}), else
 * estimated halfway between the latest known earlier point and this look. A task past the
 * threshold has its stack sampled, so the time can be blamed on the code that did not yield.
 * Tasks that begin and end between two looks cost no clock read at all.
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
    long previous = System.nanoTime();
    while (true) {
      try {
        Thread.sleep(periodMillis);
        long now = System.nanoTime();
        for (ThreadState s : recorder.eventLoopThreads) {
          look(s, previous, now);
        }
        previous = now;
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) {
        recorder.internalError(e);
      }
    }
  }

  private void look(ThreadState s, long previous, long now) {
    if (!s.thread.isAlive()) {
      recorder.retire(s);
      return;
    }
    long seq = s.taskSeq;
    s.stampWanted = true;
    if ((seq & 1) == 0) {
      return; // between tasks
    }
    s.sampledTaskNanos += now - previous;
    if (s.seenSeq != seq) {
      // A task that was not running at the previous look: it began since then.
      s.seenSeq = seq;
      long stamp = s.stampedStart;
      long stampedSeq = s.stampedSeq;
      if (stampedSeq == seq) {
        s.watchedStart = stamp; // exact: the first task after a look
      } else {
        // It began after the previous look and after the last stamped task began.
        long after = stampedSeq < seq && stamp > previous ? stamp : previous;
        s.watchedStart = after + (now - after) / 2;
      }
      s.watchedSeq = seq; // after watchedStart: the task's end reads them in the other order
    }
    if (now - s.watchedStart < recorder.taskThresholdNanos || s.blockingDepth > 0 || s.busy) {
      return;
    }
    StackTraceElement[] stack = s.thread.getStackTrace();
    // The task may have ended or entered a blocking call while we looked.
    if (s.taskSeq != seq || s.blockingDepth > 0 || s.busy) {
      return;
    }
    String frame = Frames.applicationFrame(stack);
    if (frame != null) {
      recorder.addSample(s, seq, frame);
    }
  }
}
