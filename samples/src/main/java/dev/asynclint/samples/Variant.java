package dev.asynclint.samples;

import java.util.Locale;

/** Every scenario comes in two variants that differ in the one place the rule is about. */
public enum Variant {
  /** Does the thing the rule forbids. */
  VIOLATING,
  /** Does the same job the way the rule's fix says. */
  FIXED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Variant parse(String text) {
    for (Variant variant : values()) {
      if (variant.id().equalsIgnoreCase(text)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("variant must be 'violating' or 'fixed', got '" + text + "'");
  }
}
