package dev.asynclint.agent.bootstrap;

/**
 * Where {@link Hook} sends what it sees. The implementation lives in the agent's class loader;
 * this abstract type is the only thing both sides share.
 */
public abstract class Sink {
  /** Decides once per thread whether it is an event loop; may set {@link ThreadState#framework}. */
  public abstract boolean isEventLoop(ThreadState state);

  /** In strict mode, the error to throw for this call, or null to let it run. */
  public abstract Error strictViolation(ThreadState state, int api, String method);

  /** An outermost blocking call on an event loop took {@code nanos}. */
  public abstract void blockingCall(ThreadState state, int api, String method, long nanos);

  /** Task {@code seq}, which the watchdog saw running, ended after about {@code nanos}. */
  public abstract void taskEnded(ThreadState state, long seq, long nanos);

  /** Something inside the agent failed; counted and reported, never thrown into the application. */
  public abstract void internalError(Throwable error);
}
