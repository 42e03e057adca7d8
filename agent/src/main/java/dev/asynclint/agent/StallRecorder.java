package dev.asynclint.agent;

import dev.asynclint.agent.bootstrap.BlockingCallError;
import dev.asynclint.agent.bootstrap.Sink;
import dev.asynclint.agent.bootstrap.ThreadState;
import dev.asynclint.core.BlockingApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Receives what the hooks see on event-loop threads and keeps per-site statistics, bounded. */
final class StallRecorder extends Sink {
  static final String NON_YIELDING = "NonYieldingLoopInEventLoop";

  private final List<BlockingApi> apis;
  private final EventLoopThreads eventLoops;
  private final boolean strict;
  private final int maxSites;
  final long taskThresholdNanos;

  private final Map<String, SiteStats> sites = new ConcurrentHashMap<>();
  private final AtomicLong droppedSites = new AtomicLong();
  private final AtomicLong droppedCalls = new AtomicLong();
  private static final int DROPPED_KEYS_BOUND = 10_000;
  private final Set<String> droppedKeys = ConcurrentHashMap.newKeySet();
  private final LongAdder frameworkInternalCalls = new LongAdder();
  private final LongAdder classLoadingCalls = new LongAdder();
  private final AtomicLong internalErrors = new AtomicLong();
  private volatile String firstInternalError;

  // Per-task counts live in each thread's state (ThreadState#taskSeq) and are summed here at
  // report time; these hold what threads that have ended counted, and the watched tasks.
  private final AtomicLong retiredTasks = new AtomicLong();
  private final AtomicLong retiredTaskNanos = new AtomicLong();
  private final LongAccumulator maxTaskNanos = new LongAccumulator(Math::max, 0);
  private final LongAdder longTasks = new LongAdder();

  final Set<ThreadState> eventLoopThreads = ConcurrentHashMap.newKeySet();
  private final List<Consumer<CallSiteEvent>> listeners = new CopyOnWriteArrayList<>();
  final Map<String, Integer> probeHits = new ConcurrentHashMap<>();

  /** One recorded stall, for listeners such as the JUnit extension. */
  record CallSiteEvent(String rule, String site, String api, String thread, long nanos) {}

  StallRecorder(List<BlockingApi> apis, EventLoopThreads eventLoops, AgentOptions options) {
    this.apis = List.copyOf(apis);
    this.eventLoops = eventLoops;
    this.strict = options.strict();
    this.maxSites = options.maxSites();
    this.taskThresholdNanos = TimeUnit.MILLISECONDS.toNanos(options.taskThresholdMs());
  }

  @Override
  public boolean isEventLoop(ThreadState state) {
    String framework = eventLoops.frameworkOf(state.thread);
    state.framework = framework;
    if (framework != null) {
      eventLoopThreads.add(state);
    }
    return framework != null;
  }

  @Override
  public Error strictViolation(ThreadState state, int api, String method) {
    if (!strict || state.probe) {
      return null;
    }
    String site = Frames.blockingSite(method);
    if (site == null || site == Frames.CLASS_LOADING) {
      return null;
    }
    String rule = ruleOf(api);
    record(rule, site, method, state.thread.getName(), 0);
    return new BlockingCallError("async-lint: " + method + " " + verbOf(api) + " on event-loop thread "
        + state.thread.getName() + " (" + state.framework + ") at " + site + " [" + rule + "]");
  }

  @Override
  public void blockingCall(ThreadState state, int api, String method, long nanos) {
    if (state.probe) {
      probeHits.merge(method, 1, Integer::sum);
      return;
    }
    String site = Frames.blockingSite(method);
    if (site == null) {
      frameworkInternalCalls.increment();
      return;
    }
    if (site == Frames.CLASS_LOADING) {
      classLoadingCalls.increment();
      return;
    }
    record(ruleOf(api), site, method, state.thread.getName(), nanos);
  }

  @Override
  public void taskEnded(ThreadState state, long seq, long nanos) {
    maxTaskNanos.accumulate(nanos);
    Map<String, Integer> samples = takeSamples(state, seq);
    if (nanos < taskThresholdNanos) {
      return;
    }
    longTasks.increment();
    if (samples.isEmpty()) {
      return; // the task was inside counted blocking calls whenever the watchdog looked
    }
    String hottest = null;
    int best = 0;
    for (Map.Entry<String, Integer> e : samples.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        hottest = e.getKey();
      }
    }
    long spinning = Math.max(0, nanos - state.blockedInTask);
    if (spinning < taskThresholdNanos) {
      return; // long because of blocking calls, which are counted at their own sites
    }
    record(NON_YIELDING, hottest, "event-loop task", state.thread.getName(), spinning);
  }

  /** Called by the watchdog with the stack of task {@code seq}, running past the threshold. */
  void addSample(ThreadState state, long seq, String frame) {
    synchronized (state) {
      @SuppressWarnings("unchecked")
      Map<String, Integer> samples = (Map<String, Integer>) state.samples;
      if (samples == null || state.samplesSeq != seq) {
        samples = new HashMap<>();
        state.samples = samples;
        state.samplesSeq = seq;
      }
      samples.merge(frame, 1, Integer::sum);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> takeSamples(ThreadState state, long seq) {
    synchronized (state) {
      Map<String, Integer> samples = (Map<String, Integer>) state.samples;
      boolean mine = state.samplesSeq == seq;
      state.samples = null;
      return samples == null || !mine ? Map.of() : samples;
    }
  }

  /** A thread that ended: keep what it counted. Called by the watchdog only. */
  void retire(ThreadState state) {
    if (eventLoopThreads.remove(state)) {
      retiredTasks.addAndGet(tasksBegun(state));
      retiredTaskNanos.addAndGet(state.sampledTaskNanos);
    }
  }

  private static long tasksBegun(ThreadState state) {
    return (state.taskSeq + 1) / 2;
  }

  @Override
  public void internalError(Throwable error) {
    if (internalErrors.getAndIncrement() == 0) {
      firstInternalError = String.valueOf(error);
    }
  }

  private void record(String rule, String site, String api, String thread, long nanos) {
    String key = rule + ' ' + site;
    SiteStats stats = sites.get(key);
    if (stats == null) {
      if (sites.size() >= maxSites) {
        droppedCalls.incrementAndGet();
        // Remembers which sites were dropped up to a second bound, then only counts calls.
        if (droppedKeys.size() < DROPPED_KEYS_BOUND && droppedKeys.add(key)) {
          droppedSites.incrementAndGet();
        }
        return;
      }
      stats = sites.computeIfAbsent(key, k -> new SiteStats(rule, site, api));
    }
    stats.add(thread, nanos);
    if (!listeners.isEmpty()) {
      CallSiteEvent event = new CallSiteEvent(rule, site, api, thread, nanos);
      for (Consumer<CallSiteEvent> listener : listeners) {
        listener.accept(event);
      }
    }
  }

  private String ruleOf(int api) {
    return api >= 0 && api < apis.size() ? apis.get(api).category().rule().id() : "BlockingWaitInEventLoop";
  }

  private String verbOf(int api) {
    return api >= 0 && api < apis.size() ? apis.get(api).category().verb() : "blocks";
  }

  void addListener(Consumer<CallSiteEvent> listener) {
    listeners.add(listener);
  }

  void removeListener(Consumer<CallSiteEvent> listener) {
    listeners.remove(listener);
  }

  List<CallSite> callSites(StaticFindings staticFindings) {
    List<CallSite> out = new ArrayList<>();
    for (SiteStats s : sites.values()) {
      out.add(s.snapshot(staticFindings.contains(s.site)));
    }
    out.sort((a, b) -> Double.compare(b.totalMs(), a.totalMs()));
    return out;
  }

  long droppedSites() {
    return droppedSites.get();
  }

  long droppedCalls() {
    return droppedCalls.get();
  }

  long frameworkInternalCalls() {
    return frameworkInternalCalls.sum();
  }

  long classLoadingCalls() {
    return classLoadingCalls.sum();
  }

  long internalErrors() {
    return internalErrors.get();
  }

  String firstInternalError() {
    return firstInternalError;
  }

  TaskSummary taskSummary() {
    long count = retiredTasks.get();
    long nanos = retiredTaskNanos.get();
    int threads = 0;
    for (ThreadState s : eventLoopThreads) {
      count += tasksBegun(s);
      nanos += s.sampledTaskNanos;
      threads++;
    }
    return new TaskSummary(count, nanos / 1e6, maxTaskNanos.get() / 1e6,
        longTasks.sum(), taskThresholdNanos / 1e6, threads);
  }

  /**
   * {@code totalMs} is estimated from the watchdog's looks and {@code maxMs} covers the tasks it
   * saw running (the rest are shorter than its period): no clock is read around each task.
   */
  record TaskSummary(long count, double totalMs, double maxMs, long overThreshold,
      double thresholdMs, int eventLoopThreads) {}
}
