package dev.asynclint.core;

/**
 * A factory of schedulers or executors whose threads we know: a reactive chain moved onto one
 * of them by a {@link SchedulerShift} runs its callbacks there.
 *
 * <ul>
 *   <li>{@link Threads#BLOCKING_OK}: threads meant for blocking work (Reactor
 *       {@code Schedulers.boundedElastic()}, Rx {@code Schedulers.io()}, Mutiny's worker pool).
 *   <li>{@link Threads#NON_BLOCKING}: threads that must never block (Reactor {@code parallel()},
 *       Rx {@code computation()}); a callback moved there is certainly on a non-blocking thread.
 *   <li>{@link Threads#CALLER}: no thread of its own ({@code Schedulers.immediate()}, Rx
 *       {@code trampoline()}); the work stays where it was.
 * </ul>
 *
 * @param description a phrase read after the scheduler's name: "a pool meant for blocking work"
 */
public record KnownScheduler(
    String framework, Threads threads, MethodPattern method, String description, String origin) {

  public enum Threads {
    BLOCKING_OK,
    NON_BLOCKING,
    CALLER
  }
}
