package dev.asynclint.javaparser;

import dev.asynclint.core.Category;

/** See {@code docs/rules/SleepInEventLoop.md}. */
final class SleepInEventLoop extends BlockingInEventLoopRule {
  SleepInEventLoop() {
    super(Category.SLEEP);
  }
}
