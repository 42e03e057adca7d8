package dev.asynclint.core;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The {@code scheduler} and {@code shift} entries that let engines read reactive chains. */
class SchedulerEntriesTest {

  private static Catalog parse(String text) throws Exception {
    return CatalogParser.parse(new StringReader(text), "user.catalog");
  }

  @Test
  void readsSchedulersAndShifts() throws Exception {
    Catalog c = parse("""
        scheduler ACME BLOCKING_OK com.acme.Pools#io,files | a pool for blocking work
        scheduler ACME non_blocking com.acme.Pools#cpu | cpu threads
        shift ACME DOWNSTREAM com.acme.Stream#hopTo
        shift ACME subscription com.acme.Stream#startOn arg=1
        shift ACME DOWNSTREAM com.acme.Stream#tick(long) implicit=com.acme.Pools#cpu
        shift ACME TASK com.acme.Pool#run
        """);
    KnownScheduler io = c.knownSchedulers().get(0);
    assertThat(io.framework()).isEqualTo("ACME");
    assertThat(io.threads()).isEqualTo(KnownScheduler.Threads.BLOCKING_OK);
    assertThat(io.method().names()).containsExactly("io", "files");
    assertThat(io.description()).isEqualTo("a pool for blocking work");
    assertThat(io.origin()).isEqualTo("user.catalog:1");
    assertThat(c.knownSchedulers().get(1).threads()).isEqualTo(KnownScheduler.Threads.NON_BLOCKING);

    SchedulerShift hop = c.schedulerShifts().get(0);
    assertThat(hop.direction()).isEqualTo(SchedulerShift.Direction.DOWNSTREAM);
    assertThat(hop.argument()).isEqualTo(0);
    SchedulerShift start = c.schedulerShifts().get(1);
    assertThat(start.direction()).isEqualTo(SchedulerShift.Direction.SUBSCRIPTION);
    assertThat(start.argument()).isEqualTo(1);
    assertThat(start.implicit()).isNull();
    SchedulerShift tick = c.schedulerShifts().get(2);
    assertThat(tick.method().params()).containsExactly("long");
    assertThat(tick.implicit().owner()).isEqualTo("com.acme.Pools");
    assertThat(tick.implicit().matchesName("cpu")).isTrue();
    assertThat(c.schedulerShifts().get(3).direction()).isEqualTo(SchedulerShift.Direction.TASK);
    assertThat(c.size()).isEqualTo(6);
  }

  @Test
  void mergingKeepsBothSides() throws Exception {
    Catalog merged = parse("scheduler A CALLER com.a.S#now | the caller's thread")
        .mergedWith(parse("shift B DOWNSTREAM com.b.F#on"));
    assertThat(merged.knownSchedulers()).hasSize(1);
    assertThat(merged.schedulerShifts()).hasSize(1);
  }

  @Test
  void badLinesNameTheProblem() {
    CatalogException e = assertThrows(CatalogException.class, () -> parse("""
        scheduler ACME SOMETIMES com.acme.Pools#io | what
        scheduler ACME BLOCKING_OK com.acme.Pools#io
        shift ACME SIDEWAYS com.acme.Stream#hop
        shift ACME DOWNSTREAM com.acme.Stream#hop arg=x
        shift ACME DOWNSTREAM com.acme.Stream#hop prefetch=2
        shift ACME DOWNSTREAM com.acme.Stream#hop implicit=parallel
        """));
    assertThat(e.problems()).hasSize(6);
    assertThat(e.problems().get(0))
        .isEqualTo("user.catalog:1: unknown scheduler threads 'SOMETIMES' (expected BLOCKING_OK, NON_BLOCKING, CALLER)");
    assertThat(e.problems().get(1)).contains("user.catalog:2: missing what its threads are for");
    assertThat(e.problems().get(2)).contains("unknown shift direction 'SIDEWAYS' (expected DOWNSTREAM, SUBSCRIPTION, TASK)");
    assertThat(e.problems().get(3)).contains("arg=x is not an argument index");
    assertThat(e.problems().get(4)).contains("unknown option 'prefetch='");
    assertThat(e.problems().get(5)).contains("user.catalog:6: expected Owner#method");
  }

  @Test
  void theBuiltInCatalogKnowsTheReactiveSchedulers() {
    Catalog c = Catalog.builtIn();
    assertThat(c.knownSchedulers().stream()
        .filter(s -> s.method().owner().equals("reactor.core.scheduler.Schedulers")
            && s.method().matchesName("boundedElastic"))
        .map(KnownScheduler::threads).toList())
        .containsExactly(KnownScheduler.Threads.BLOCKING_OK);
    assertThat(c.schedulerShifts().stream()
        .filter(s -> s.method().matchesName("runSubscriptionOn")).toList()).hasSize(2);
  }
}
