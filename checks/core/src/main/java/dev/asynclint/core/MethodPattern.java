package dev.asynclint.core;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which methods a catalog entry means, written {@code Owner#name1,name2(ParamType,...)}.
 *
 * <ul>
 *   <li>The owner is a fully qualified type; calls on it and on its subtypes match. An owner
 *       ending in {@code .*} ({@code io.vertx.*}) means every type in that package and below.
 *   <li>Names are exact, {@code *} for any, {@code <init>} for constructors, or a glob with one
 *       {@code *} at either end ({@code *Async}, {@code block*}).
 *   <li>Parameter types (erased, fully qualified or primitive) are optional; without them every
 *       overload matches.
 * </ul>
 */
public record MethodPattern(String owner, Set<String> names, List<String> params) {
  // Compiled once: every catalog line is parsed into patterns in every compilation.
  private static final Pattern OWNER = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(\\.\\*)?");
  private static final Pattern PARAM_SEPARATOR = Pattern.compile("\\s*,\\s*");
  private static final Pattern NAME = Pattern.compile("\\*|<init>|\\*?[A-Za-z_$][\\w$]*\\*?");


  public static final String CONSTRUCTOR = "<init>";

  public MethodPattern {
    names = Set.copyOf(names);
    params = params == null ? null : List.copyOf(params);
  }

  /** True when the owner names a package (and its subpackages) rather than one type. */
  public boolean ownerIsPackage() {
    return owner.endsWith(".*");
  }

  /** For a package owner, the package name without the trailing {@code .*}. */
  public String ownerPackage() {
    return owner.substring(0, owner.length() - 2);
  }

  /** Whether a type with this fully qualified name falls under a package owner. */
  public boolean packageContains(String qualifiedTypeName) {
    String pkg = ownerPackage();
    return qualifiedTypeName.startsWith(pkg + ".");
  }

  public boolean matchesName(String name) {
    if (names.contains(name)) {
      return true; // exact names, the common case; asked for nearly every call an engine sees
    }
    for (String pattern : names) {
      if (globMatches(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether these erased parameter type names fit; always true when no parameters were given. */
  public boolean matchesParams(List<String> erasedParamTypes) {
    return params == null || params.equals(erasedParamTypes);
  }

  /** The exact method names, for indexing; empty when any name is a glob. */
  public boolean hasOnlyExactNames() {
    return names.stream().noneMatch(n -> n.contains("*"));
  }

  static boolean globMatches(String pattern, String name) {
    if (pattern.equals("*")) {
      return !name.equals(CONSTRUCTOR);
    }
    int fixed = pattern.length() - 1; // the characters around one '*'
    if (pattern.startsWith("*")) {
      return name.length() >= fixed && name.regionMatches(name.length() - fixed, pattern, 1, fixed);
    }
    if (pattern.endsWith("*")) {
      return name.regionMatches(0, pattern, 0, fixed);
    }
    return pattern.equals(name);
  }

  /** Parses {@code Owner#names(params)}; throws {@link IllegalArgumentException} with the reason. */
  public static MethodPattern parse(String text) {
    int hash = text.indexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      throw new IllegalArgumentException(
          "expected Owner#method, e.g. java.lang.Thread#sleep, but got '" + text + "'");
    }
    String owner = text.substring(0, hash);
    if (!OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("'" + owner + "' is not a qualified type or package.* name");
    }
    String rest = text.substring(hash + 1);
    List<String> params = null;
    int paren = rest.indexOf('(');
    if (paren >= 0) {
      if (!rest.endsWith(")")) {
        throw new IllegalArgumentException("unclosed parameter list in '" + text + "'");
      }
      String inside = rest.substring(paren + 1, rest.length() - 1).trim();
      params = inside.isEmpty() ? List.of() : List.of(PARAM_SEPARATOR.split(inside));
      rest = rest.substring(0, paren);
    }
    String[] nameArray = rest.split(",");
    for (String name : nameArray) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not a method name or glob");
      }
    }
    return new MethodPattern(owner, Set.of(nameArray), params);
  }

  @Override
  public String toString() {
    return owner + "#" + String.join(",", names.stream().sorted().toList())
        + (params == null ? "" : "(" + String.join(",", params) + ")");
  }
}
