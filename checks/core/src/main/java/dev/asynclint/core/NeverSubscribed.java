package dev.asynclint.core;

import java.util.List;

/**
 * The wording of {@code UnsubscribedPublisher}: a cold publisher that is created and never
 * subscribed, in each shape both engines find it. Kept here so the Error Prone engine and the
 * source scanner say the same thing word for word.
 */
public final class NeverSubscribed {
  /**
   * Operators that may subscribe the inner publishers of a nested one ({@code concatMap(m -> m)});
   * generous on purpose. Not {@code then()}: it waits for the outer one only.
   */
  public static final List<String> FLATTENING_PREFIXES = List.of(
      "flatMap", "concatMap", "switchMap", "flatten", "transformTo", "chain", "onItem", "merge", "concat");

  private NeverSubscribed() {}

  /** Dropped as a statement. {@code qualifiedType} picks the framework's fix. */
  public static String dropped(String shown, String typeName, String qualifiedType) {
    return "`" + shown + "` creates " + article(typeName)
        + " that is dropped here, so it is never subscribed and its work never happens. Fix: "
        + composeFix(qualifiedType);
  }

  /** Returned from a lambda whose result is discarded ({@code doOnNext(x -> save(x))}). */
  public static String discardedByLambda(String shown, String typeName, String operator) {
    String passedTo = operator == null || operator.isEmpty() ? "" : " passed to `" + operator + "`";
    return "`" + shown + "` creates " + article(typeName)
        + " inside the lambda" + passedTo + ", whose result is discarded, so it is never subscribed"
        + " and its work never happens. Fix: " + callbackFix(operator);
  }

  /** Returned through a method reference whose result is discarded ({@code doOnNext(repo::save)}). */
  public static String discardedByReference(String shown, String typeName, String operator) {
    String passedTo = operator == null || operator.isEmpty() ? "" : " passed to `" + operator + "`";
    return "`" + shown + "` returns " + article(typeName)
        + ", but the method reference" + passedTo + " discards it, so it is never subscribed and its"
        + " work never happens. Fix: " + callbackFix(operator);
  }

  /**
   * {@code map} (or Mutiny's {@code onItem().transform}) turning items into publishers nobody
   * subscribes. {@code flat} is the flattening twin, or null for plain flatMap advice.
   */
  public static String nestedByMap(String map, String outerName, String innerName, String flat) {
    return "`" + map + "` turns each item into " + article(innerName)
        + ", so this is " + article(outerName + "<" + innerName + ">") + " whose inner "
        + innerName + "s nobody subscribes: their work never happens. Fix: use `"
        + (flat == null ? "flatMap" : flat) + "` (or `concatMap` to keep the order) instead of `"
        + map + "`.";
  }

  /** Kept in a local that is never read. */
  public static String neverRead(String variable, String typeName, String qualifiedType) {
    return "`" + variable + "` holds " + article(typeName)
        + " that is never read, so it is never subscribed and its work never happens. Fix: "
        + composeFix(qualifiedType);
  }

  /** Whether {@code name} is an operator that may subscribe nested publishers. */
  public static boolean flattens(String name) {
    return FLATTENING_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** The fix for a callback that discards what it creates, by the operator it is passed to. */
  public static String callbackFix(String operator) {
    return switch (operator == null ? "" : operator) {
      case "doOnNext", "doOnSuccess", "doOnEach", "doAfterNext", "doOnComplete", "doOnTerminate", "invoke" ->
          "chain it instead of firing it from a side-effect callback: flatMap/concatMap(x -> save(x).thenReturn(x))"
              + " in Reactor, concatMapSingle/flatMapCompletable in RxJava, call(x -> ...) in Mutiny.";
      case "subscribe", "with" ->
          "flatMap to it before subscribing: source.flatMap(x -> send(x)).subscribe(), so it is subscribed"
              + " and its errors are seen.";
      case "forEach" -> "collect the publishers and compose them (Flux.fromIterable(items).concatMap(x -> save(x))).";
      default -> "return it from a Function-shaped operator (flatMap, concatMap) instead of a Consumer, or subscribe to it.";
    };
  }

  /** The fix for a publisher dropped or never read, by its framework. */
  public static String composeFix(String qualifiedType) {
    String name = qualifiedType == null ? "" : qualifiedType;
    if (name.startsWith("io.smallrye.mutiny.")) {
      return "return it or compose it into the pipeline (chain, onItem().transformToUni(...));"
          + " to fire it on its own, subscribe().with(...).";
    }
    if (name.startsWith("io.reactivex.rxjava3.")) {
      return "return it or compose it into the chain (flatMap, andThen, concatWith);"
          + " to fire it on its own, subscribe(onSuccess, onError).";
    }
    return "return it or compose it into the chain (flatMap, then, concatWith);"
        + " to fire it on its own, subscribe(...) with an error handler.";
  }

  /**
   * The flattening operator with the same shape as a {@code map} from {@code outer} to {@code
   * inner} (qualified names), or null when there is none we trust. {@code transform} is Mutiny's
   * {@code onItem().transform}.
   */
  public static String flatteningName(String map, String outer, String inner) {
    if (map.equals("transform")) {
      return outer.equals("io.smallrye.mutiny.Uni") && inner.equals("io.smallrye.mutiny.Uni")
          ? "transformToUni" : null;
    }
    String reactor = "reactor.core.publisher.";
    if (outer.equals(reactor + "Flux") && inner.startsWith(reactor)) {
      return "flatMap";
    }
    if (outer.equals(reactor + "Mono")) {
      return inner.equals(reactor + "Mono") ? "flatMap" : inner.equals(reactor + "Flux") ? "flatMapMany" : null;
    }
    String rx = "io.reactivex.rxjava3.core.";
    if (outer.startsWith(rx) && inner.startsWith(rx)) {
      String innerSimple = inner.substring(rx.length());
      if (inner.equals(outer)) {
        return "flatMap";
      }
      boolean multi = outer.endsWith("Observable") || outer.endsWith("Flowable");
      return switch (innerSimple) {
        case "Single" -> "flatMapSingle";
        case "Maybe" -> "flatMapMaybe";
        case "Completable" -> "flatMapCompletable";
        case "Observable" -> multi ? null : "flatMapObservable";
        case "Flowable" -> multi ? null : "flatMapPublisher";
        default -> null;
      };
    }
    if (outer.equals("io.smallrye.mutiny.Uni") && inner.equals("io.smallrye.mutiny.Uni")) {
      return "flatMap";
    }
    return null;
  }

  /** Whether a handler pattern of a COLD entry ({@code block*}, {@code subscribe}) names {@code method}. */
  public static boolean globMatches(String pattern, String name) {
    if (pattern.startsWith("*")) {
      return name.endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("*")) {
      return name.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(name);
  }

  /** "a `Mono`", "an `Observable`". */
  public static String article(String typeName) {
    String code = "`" + typeName + "`";
    return (typeName.isEmpty() || "AEIOaeio".indexOf(typeName.charAt(0)) < 0 ? "a " : "an ") + code;
  }
}
