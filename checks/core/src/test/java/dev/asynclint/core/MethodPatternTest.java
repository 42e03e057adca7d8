package dev.asynclint.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodPatternTest {
  @Test
  void globsAndConstructors() {
    MethodPattern p = MethodPattern.parse("reactor.core.publisher.Flux#block*,toStream");
    assertThat(p.matchesName("blockFirst")).isTrue();
    assertThat(p.matchesName("toStream")).isTrue();
    assertThat(p.matchesName("map")).isFalse();
    MethodPattern async = MethodPattern.parse("java.util.concurrent.CompletionStage#*Async");
    assertThat(async.matchesName("thenApplyAsync")).isTrue();
    assertThat(async.matchesName("thenApply")).isFalse();
    MethodPattern any = MethodPattern.parse("java.nio.file.Files#*");
    assertThat(any.matchesName("readString")).isTrue();
    assertThat(any.matchesName("<init>")).isFalse();
    assertThat(MethodPattern.parse("java.io.FileReader#<init>").matchesName("<init>")).isTrue();
  }

  @Test
  void parametersNarrowOverloads() {
    MethodPattern p = MethodPattern.parse("java.util.concurrent.BlockingQueue#poll(long,java.util.concurrent.TimeUnit)");
    assertThat(p.matchesParams(List.of("long", "java.util.concurrent.TimeUnit"))).isTrue();
    assertThat(p.matchesParams(List.of())).isFalse();
    assertThat(MethodPattern.parse("java.lang.Thread#sleep").matchesParams(List.of("long", "int"))).isTrue();
    assertThat(MethodPattern.parse("a.B#c()").matchesParams(List.of())).isTrue();
  }

  @Test
  void packageOwners() {
    MethodPattern p = MethodPattern.parse("io.vertx.*#*");
    assertThat(p.ownerIsPackage()).isTrue();
    assertThat(p.packageContains("io.vertx.core.Future")).isTrue();
    assertThat(p.packageContains("io.vertxx.Foo")).isFalse();
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("Thread.sleep"));
    assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("java.lang.Thread#"));
    assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("java lang#x"));
    assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("a.B#c(int"));
    assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("a.B#c-d"));
  }
}
