package dev.asynclint.javaparser;

import dev.asynclint.core.Category;

/** See {@code docs/rules/BlockingWaitInEventLoop.md}. */
final class BlockingWaitInEventLoop extends BlockingInEventLoopRule {
  BlockingWaitInEventLoop() {
    super(Category.WAIT);
  }
}
