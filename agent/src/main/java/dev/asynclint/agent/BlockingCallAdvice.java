package dev.asynclint.agent;

import dev.asynclint.agent.bootstrap.Hook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined around each blocking method of the catalog. The enter advice catches everything itself
 * (instead of {@code suppress}) so that the one error it means to throw, strict mode's, can pass.
 */
final class BlockingCallAdvice {
  private BlockingCallAdvice() {}

  @Advice.OnMethodEnter
  static int enter(@ApiId int api, @Advice.Origin("#t.#m") String method) {
    int token;
    try {
      token = Hook.enter(api, method);
    } catch (Throwable e) {
      token = Hook.NONE;
    }
    if (token == Hook.STRICT) {
      throw Hook.takeError();
    }
    return token;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter int token, @ApiId int api, @Advice.Origin("#t.#m") String method) {
    Hook.exit(token, api, method);
  }

  /** Constructors cannot catch what they throw; {@link Hook#taskStart()} heals the depth. */
  static final class OnConstructor {
    private OnConstructor() {}

    @Advice.OnMethodEnter
    static int enter(@ApiId int api, @Advice.Origin("#t.#m") String method) {
      int token;
      try {
        token = Hook.enter(api, method);
      } catch (Throwable e) {
        token = Hook.NONE;
      }
      if (token == Hook.STRICT) {
        throw Hook.takeError();
      }
      return token;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @Advice.Enter int token, @ApiId int api, @Advice.Origin("#t.#m") String method) {
      Hook.exit(token, api, method);
    }
  }

  /** Around one event-loop task (Netty task or I/O round, Vert.x dispatch, Reactor task). */
  static final class OnTask {
    private OnTask() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter() {
      return Hook.taskStart();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter int token) {
      Hook.taskEnd(token);
    }
  }
}
