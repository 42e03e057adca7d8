package dev.asynclint.core;

/**
 * An operator that moves part of a reactive chain onto the scheduler (or executor) passed at
 * {@code argument}.
 *
 * <ul>
 *   <li>{@link Direction#DOWNSTREAM} ({@code publishOn}, Rx {@code observeOn}, Mutiny
 *       {@code emitOn}): the operators after it run on that scheduler.
 *   <li>{@link Direction#SUBSCRIPTION} ({@code subscribeOn}, Mutiny {@code runSubscriptionOn}):
 *       the subscription, so the source and every operator up to the first downstream shift, run
 *       on that scheduler, wherever in the chain it is written.
 *   <li>{@link Direction#TASK} ({@code scheduler.schedule(task)}, {@code worker.schedule(task)}):
 *       the task passed to it runs on the receiver scheduler (or the one that made the worker).
 * </ul>
 *
 * When the operator takes no scheduler but uses a default one ({@code Flux.interval(Duration)}
 * emits on {@code Schedulers.parallel()}), {@code implicit} names that scheduler's factory and
 * {@code argument} is ignored; otherwise {@code implicit} is null.
 */
public record SchedulerShift(
    String framework, Direction direction, MethodPattern method, int argument, MethodPattern implicit,
    String origin) {

  public enum Direction {
    DOWNSTREAM,
    SUBSCRIPTION,
    TASK
  }
}
