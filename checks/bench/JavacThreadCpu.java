import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs javac once in this fresh JVM (as the javac launcher does) and then prints where the
 * process's CPU time went, per thread group, from /proc/self/task (Linux): the compiling thread
 * ("main": javac, Error Prone and the checks, interpreted or compiled), the JIT compilers (C1, C2)
 * and the garbage collector. It separates the checks' own work from the JIT and GC work that
 * running their code costs a JVM that lives for one compile. Used by compile-cost.sh MODE=threads.
 *
 * <p>Usage: java [jvm flags] -cp DIR JavacThreadCpu [javac arguments]
 */
public class JavacThreadCpu {
  public static void main(String[] args) throws Exception {
    int rc = com.sun.tools.javac.Main.compile(args);
    double ticks = 100; // USER_HZ on Linux
    Map<String, Double> groups = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (java.io.IOException e) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticks;
        String group = name.startsWith("C2") ? "C2" : name.startsWith("C1") ? "C1"
            : name.startsWith("GC") || name.startsWith("G1") ? "GC" : name.equals("java") ? "main" : "other";
        groups.merge(group, cpu, Double::sum);
      }
    }
    // The process total also counts threads that ended (compiler threads come and go).
    String[] self = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
    double process = (Long.parseLong(self[11]) + Long.parseLong(self[12])) / ticks;
    StringBuilder line = new StringBuilder(String.format("cpu process=%.2f", process));
    for (String group : new String[] {"main", "C1", "C2", "GC", "other"}) {
      line.append(String.format(" %s=%.2f", group, groups.getOrDefault(group, 0.0)));
    }
    System.err.println(line);
    System.exit(rc);
  }
}
