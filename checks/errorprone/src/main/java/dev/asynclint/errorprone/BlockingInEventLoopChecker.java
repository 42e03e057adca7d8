package dev.asynclint.errorprone;

import dev.asynclint.core.BlockingCall;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Category;
import dev.asynclint.core.EventLoopContext;
import java.util.Optional;

/**
 * What {@link SleepInEventLoop}, {@link BlockingIoInEventLoop} and {@link BlockingWaitInEventLoop}
 * share: find a call the catalog says blocks (in this checker's category), decide whether it runs
 * on an event loop, and say what blocks, where it runs and why, and the framework's fix.
 */
abstract class BlockingInEventLoopChecker extends BugChecker
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher, MemberReferenceTreeMatcher {

  private final Category category;
  private final AsyncLintConfig config;

  BlockingInEventLoopChecker(Category category, ErrorProneFlags flags) {
    this.category = category;
    this.config = new AsyncLintConfig(flags);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return check(tree, state);
  }

  private Description check(Tree tree, VisitorState state) {
    try {
      return analyse(tree, state);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return Messages.internalError(this, tree, e);
    }
  }

  /** The analysis of one tree; {@link #check} guards it so no failure reaches javac. */
  Description analyse(Tree tree, VisitorState state) {
    Catalog catalog = config.catalog(state);
    TransitiveSummaries summaries = TransitiveSummaries.of(state, catalog, config);
    if (config.writeSummaries()) {
      SummaryFile.writeOnce(state, summaries);
    }
    Optional<BlockingCall> direct = summaries.classified(tree, state);
    if (direct.isPresent() ? direct.get().category() != category : !summaries.mayReach(tree)) {
      // Most calls end here: neither blocking in this category nor a call into the project's code.
      return Description.NO_MATCH;
    }
    return judge(tree, direct, catalog, summaries, state);
  }

  /** A blocking call of this category, or a call that may reach one: where does it run? */
  private Description judge(Tree tree, Optional<BlockingCall> direct, Catalog catalog,
      TransitiveSummaries summaries, VisitorState state) {
    EventLoopContext context = summaries.contextOf(tree, state,
        () -> new EventLoopContextResolver(catalog, config).resolve(state.getPath(), state));
    if (context == null) {
      return Description.NO_MATCH;
    }
    Optional<BlockingCall> call = direct.isPresent()
        ? Optional.of(TransitiveSummaries.spliced(direct.get(), tree))
        // Reported here, at the call inside event-loop code, never in the helper: the helper may
        // be fine on the other threads that call it.
        : summaries.reach(tree, category, state);
    if (call.isEmpty()) {
      return Description.NO_MATCH;
    }
    Description.Builder description = buildDescription(tree)
        .setMessage(call.get().message(context, catalog));
    if (!context.definite()) {
      description.overrideSeverity(SeverityLevel.WARNING);
    }
    return description.build();
  }

}
