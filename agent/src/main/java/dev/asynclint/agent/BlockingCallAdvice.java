package dev.asynclint.agent;

import dev.asynclint.agent.bootstrap.Hook;
import dev.asynclint.agent.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/**
 * Inlined around each blocking method of the catalog. The enter advice catches everything itself
 * (instead of {@code suppress}) so that the one error it means to throw, strict mode's, can pass.
 * Bodies are kept to a call and a null check, so that advised methods stay small enough for the
 * JIT to inline where it did before; everything else is in {@link Hook}.
 */
final class BlockingCallAdvice {
  private BlockingCallAdvice() {}

  @Advice.OnMethodEnter
  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  static ThreadState enter(@ApiId int api, @Advice.Origin("#t.#m") String method) {
    ThreadState state = null;
    try {
      // Hook.state()'s cache hit, tested here so that each advised method has its own branch
      // profile (see Hook.enterSlow): off event loops the slow call compiles to a trap.
      long id = Thread.currentThread().getId();
      ThreadState s = Hook.CACHE[(int) id & Hook.CACHE_MASK];
      if (s == null || s.id != id || s.kind != ThreadState.OTHER) {
        state = Hook.enterSlow(api, method);
      }
    } catch (Throwable e) {
      state = null;
    }
    if (state == Hook.STRICT) {
      throw Hook.takeError();
    }
    return state;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter ThreadState state, @ApiId int api, @Advice.Origin("#t.#m") String method) {
    if (state != null) {
      Hook.exit(state, api, method);
    }
  }

  /**
   * For methods of {@link java.nio.channels.SelectableChannel}s: in non-blocking mode (every
   * channel of Netty's NIO transport) they return at once, so they are not measured at all, and
   * the event loop's own reads and writes cost one volatile read instead of a timed, attributed
   * call. Static methods ({@code SocketChannel.open}) have no channel and are measured.
   */
  static final class OnChannel {
    private OnChannel() {}

    @Advice.OnMethodEnter
    static ThreadState enter(@Advice.This(optional = true) Object channel, @ApiId int api,
        @Advice.Origin("#t.#m") String method, @Advice.Local("quiet") boolean quiet) {
      ThreadState state;
      try {
        if (channel instanceof java.nio.channels.SelectableChannel
            && !((java.nio.channels.SelectableChannel) channel).isBlocking()) {
          // Like an idle wait: what it calls inside (the channel's own locks) is not measured either.
          quiet = true;
          state = Hook.idleStart();
        } else {
          state = Hook.enter(api, method);
        }
      } catch (Throwable e) {
        state = null;
      }
      if (state == Hook.STRICT) {
        throw Hook.takeError();
      }
      return state;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadState state, @Advice.Local("quiet") boolean quiet,
        @ApiId int api, @Advice.Origin("#t.#m") String method) {
      if (state != null) {
        if (quiet) {
          Hook.idleEnd(state);
        } else {
          Hook.exit(state, api, method);
        }
      }
    }
  }

  /** Constructors cannot catch what they throw; {@link Hook#taskStart()} heals the depth. */
  static final class OnConstructor {
    private OnConstructor() {}

    @Advice.OnMethodEnter
    @SuppressWarnings("deprecation") // as in BlockingCallAdvice.enter
    static ThreadState enter(@ApiId int api, @Advice.Origin("#t.#m") String method) {
      ThreadState state = null;
      try {
        long id = Thread.currentThread().getId();
        ThreadState s = Hook.CACHE[(int) id & Hook.CACHE_MASK];
        if (s == null || s.id != id || s.kind != ThreadState.OTHER) {
          state = Hook.enterSlow(api, method);
        }
      } catch (Throwable e) {
        state = null;
      }
      if (state == Hook.STRICT) {
        throw Hook.takeError();
      }
      return state;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @Advice.Enter ThreadState state, @ApiId int api, @Advice.Origin("#t.#m") String method) {
      if (state != null) {
        Hook.exit(state, api, method);
      }
    }
  }

  /** Around one event-loop task (Netty task or I/O round, Vert.x dispatch, Reactor task). */
  static final class OnTask {
    private OnTask() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadState enter() {
      return Hook.taskStart();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
      if (state != null) {
        Hook.taskEnd(state);
      }
    }
  }

  /** Around an event loop's wait for work (Netty's select, a pool worker's next-task wait). */
  static final class OnIdle {
    private OnIdle() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadState enter() {
      return Hook.idleStart();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
      if (state != null) {
        Hook.idleEnd(state);
      }
    }
  }
}
