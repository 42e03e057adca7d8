package reactor;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * From reactor-netty (a connection or response that implements {@code Publisher} but is a
 * stateful object): a fluent setter whose every return is {@code this} configures its receiver
 * and creates nothing. From r2dbc-postgresql and lettuce-core: a null check or a map's put hands
 * back a publisher made elsewhere. A method that makes a new publisher still counts.
 */
public class FluentOutbound implements Publisher<Void> {
  private final Map<String, Flux<String>> streams = new HashMap<>();
  private boolean keepAlive;

  FluentOutbound keepAlive(boolean on) {
    keepAlive = on;
    return this;
  }

  FluentOutbound header(String name, String value) {
    if (name == null) {
      return this;
    }
    return (this);
  }

  FluentOutbound send(String body) {
    return new FluentOutbound();
  }

  @Override
  public void subscribe(Subscriber<? super Void> subscriber) {
    Mono.<Void>empty().subscribe(subscriber);
  }

  void respond(Flux<String> lines) {
    keepAlive(false);
    header("a", "b").keepAlive(true);
    Objects.requireNonNull(lines);
    streams.put("node", lines);
    // BUG: Diagnostic contains: UnsubscribedPublisher
    send("x");
    // BUG: Diagnostic contains: UnsubscribedPublisher
    Objects.requireNonNull(Flux.just("made", "here"));
  }
}
