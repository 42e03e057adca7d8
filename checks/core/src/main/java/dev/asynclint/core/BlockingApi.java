package dev.asynclint.core;

/**
 * An API that blocks its calling thread.
 *
 * @param reason what it does, as a phrase after the call: "parks the thread for the given time"
 * @param alternative the non-blocking way, or empty
 * @param origin where the entry was declared ({@code file:line}), for messages about the catalog
 * @param hostArgument the index of a host-name argument (catalog option {@code host=N}), or -1:
 *     when that argument is a constant IP literal the call looks nothing up, so it does not block
 */
public record BlockingApi(
    Category category, MethodPattern method, String reason, String alternative, String origin,
    int hostArgument) {

  public BlockingApi(Category category, MethodPattern method, String reason, String alternative, String origin) {
    this(category, method, reason, alternative, origin, -1);
  }

  /** Whether a call whose arguments have these constant values (null: not constant) does not block. */
  public boolean skipsLookup(java.util.function.IntFunction<String> constantArgument) {
    return hostArgument >= 0 && IpLiteral.is(constantArgument.apply(hostArgument));
  }
}
