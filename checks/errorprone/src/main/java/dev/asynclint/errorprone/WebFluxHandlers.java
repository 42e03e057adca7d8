package dev.asynclint.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.asynclint.core.AsyncResultType;
import dev.asynclint.core.Catalog;
import dev.asynclint.core.Confidence;
import dev.asynclint.core.EventLoopContext;
import com.sun.tools.javac.model.JavacElements;
import org.jspecify.annotations.Nullable;

/**
 * Spring WebFlux controller methods: a {@code @RequestMapping}-family method of a
 * {@code @Controller} (or {@code @RestController}) that returns a publisher is called on the
 * Netty event loop, and WebFlux subscribes to what it returns there. Only when WebFlux is on the
 * classpath: Spring MVC calls the same methods on servlet threads.
 */
final class WebFluxHandlers {
  static final String FRAMEWORK = "WEBFLUX";
  private static final String DISPATCHER = "org.springframework.web.reactive.DispatcherHandler";
  private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
  private static final String CONTROLLER = "org.springframework.stereotype.Controller";

  private WebFluxHandlers() {}

  static @Nullable EventLoopContext context(MethodSymbol method, Catalog catalog, VisitorState state) {
    // The annotations first: looking up a class that is not on the classpath searches all of it.
    if (method.getAnnotationMirrors().isEmpty() || !annotatedWith(method, REQUEST_MAPPING, 0)
        || !annotatedWith(method.enclClass(), CONTROLLER, 0) || !webFluxOnClasspath(state)) {
      return null;
    }
    String returned = null;
    for (AsyncResultType type : catalog.asyncResultTypes(AsyncResultType.Temperature.COLD)) {
      if (CatalogLookup.isSubtype(method.getReturnType(), type.type(), state)) {
        returned = method.getReturnType().tsym.getSimpleName().toString();
        break;
      }
    }
    if (returned == null) {
      return null;
    }
    return new EventLoopContext(FRAMEWORK,
        "inside `" + method.getSimpleName() + "` of `" + method.enclClass().getSimpleName()
            + "` (a Spring WebFlux handler returning `" + returned + "`), which WebFlux calls on the"
            + " Netty event loop and subscribes to there",
        Confidence.DEFINITE);
  }

  /**
   * Whether WebFlux's dispatcher is on the classpath. Looked up through javax.lang.model, which
   * loads the class, as VisitorState only sees classes the compilation already touched.
   */
  private static boolean webFluxOnClasspath(VisitorState state) {
    return WEBFLUX_PRESENT.get(state.context, c -> JavacElements.instance(c).getTypeElement(DISPATCHER) != null);
  }

  private static final PerCompilation<Boolean> WEBFLUX_PRESENT = new PerCompilation<>();

  /** Annotated with {@code annotation} directly or through meta-annotations (@GetMapping, @RestController). */
  private static boolean annotatedWith(Symbol symbol, String annotation, int depth) {
    if (depth > 3) {
      return false;
    }
    for (Attribute.Compound mirror : symbol.getAnnotationMirrors()) {
      Symbol type = mirror.type.tsym;
      String name = type.getQualifiedName().toString();
      if (name.equals(annotation)) {
        return true;
      }
      if (!name.startsWith("java.lang.") && annotatedWith(type, annotation, depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
