package dev.asynclint.javaparser;

import dev.asynclint.core.Category;

/** See {@code docs/rules/BlockingIoInEventLoop.md}. */
final class BlockingIoInEventLoop extends BlockingInEventLoopRule {
  BlockingIoInEventLoop() {
    super(Category.IO);
  }
}
