package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's own scheduler factories and shift helpers, declared in a catalog file. */
class UserSchedulerCatalogTest {
  @TempDir Path dir;

  @Test
  void ownSchedulersAndShiftsFromACatalogFile() throws Exception {
    Path catalog = dir.resolve("team.catalog");
    Files.writeString(catalog, String.join("\n",
        "scheduler MYAPP BLOCKING_OK com.acme.Pools#jdbc | the JDBC pool",
        "scheduler MYAPP NON_BLOCKING com.acme.Pools#cpu | the CPU pool, which must never block",
        "shift MYAPP DOWNSTREAM com.acme.Pools#hopTo arg=1",
        ""));
    CompilationTestHelper.newInstance(BlockingIoInEventLoop.class, getClass())
        .setArgs("-XepOpt:AsyncLint:CatalogFile=" + catalog)
        .addSourceLines("com/acme/Pools.java",
            "package com.acme;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.scheduler.Scheduler;",
            "import reactor.core.scheduler.Schedulers;",
            "public class Pools {",
            "  public static Scheduler jdbc() { return Schedulers.newBoundedElastic(8, 100, \"jdbc\"); }",
            "  public static Scheduler cpu() { return Schedulers.newParallel(\"cpu\"); }",
            "  public static <T> Flux<T> hopTo(Flux<T> flux, Scheduler scheduler) { return flux.publishOn(scheduler); }",
            "}")
        .addSourceLines("com/acme/Use.java",
            "package com.acme;",
            "import java.io.File;",
            "import reactor.core.publisher.Flux;",
            "class Use {",
            "  Flux<Boolean> onCpu(Flux<String> names) {",
            "    // BUG: Diagnostic contains: that is published on `Pools.cpu()`, the CPU pool, which must never block",
            "    return names.publishOn(Pools.cpu()).map(n -> new File(n).exists());",
            "  }",
            "  Flux<Boolean> onJdbc(Flux<String> names) {",
            "    return names.publishOn(Pools.jdbc()).map(n -> new File(n).exists());",
            "  }",
            "  Flux<Boolean> hopped(Flux<String> names) {",
            "    return Pools.hopTo(names, Pools.jdbc()).map(n -> new File(n).exists());",
            "  }",
            "}")
        .doTest();
  }
}
