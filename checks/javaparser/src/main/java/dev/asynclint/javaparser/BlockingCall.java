package dev.asynclint.javaparser;

import dev.asynclint.core.Category;
import java.util.List;

/**
 * A call that blocks: its category, how it reads in the source ({@code Thread.sleep(100)}), what
 * it does, the API's own non-blocking alternative, and for calls reached through the project's
 * own methods, the chain of calls down to the blocking API (empty until transitive summaries
 * come to this engine).
 */
record BlockingCall(
    Category category, String shown, String reason, String alternative, List<String> chain) {}
