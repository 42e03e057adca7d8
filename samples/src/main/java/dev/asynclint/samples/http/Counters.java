package dev.asynclint.samples.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What a sample server counts about itself and serves at {@code /stats} as flat JSON. */
public final class Counters {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void increment(String name) {
    counts.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  public long get(String name) {
    LongAdder adder = counts.get(name);
    return adder == null ? 0 : adder.sum();
  }

  public String json() {
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(counts).forEach((name, count) -> {
      json.append(json.length() == 1 ? "" : ",").append('"').append(name).append("\":").append(count.sum());
    });
    return json.append('}').toString();
  }
}
