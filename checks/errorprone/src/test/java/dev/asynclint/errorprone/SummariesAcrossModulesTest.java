package dev.asynclint.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.asynclint.core.Catalog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two modules compiled the way a build compiles them: javac with {@code -Xplugin:ErrorProne}.
 * Module A (a repository over JDBC and a service over it, no event-loop code) writes its
 * summaries; module B, compiled against A's classes only, finds the blocking reached through A.
 */
class SummariesAcrossModulesTest {

  @Test
  void downstreamModuleSeesTheUpstreamChain(@TempDir Path dir) throws Exception {
    Path srcA = dir.resolve("a-src");
    Path outA = dir.resolve("a-classes");
    write(srcA, "libA/Repository.java",
        "package libA;",
        "import java.sql.*;",
        "public class Repository {",
        "  private final PreparedStatement byId;",
        "  public Repository(PreparedStatement byId) { this.byId = byId; }",
        "  public ResultSet find(String id) throws SQLException {",
        "    byId.setString(1, id);",
        "    return byId.executeQuery();",
        "  }",
        "  public String table() { return \"users\"; }",
        "  private ResultSet hidden() throws SQLException { return byId.executeQuery(); }",
        "}");
    write(srcA, "libA/UserService.java",
        "package libA;",
        "public class UserService {",
        "  private final Repository repository;",
        "  public UserService(Repository repository) { this.repository = repository; }",
        "  public Object load(String id) throws java.sql.SQLException { return repository.find(id); }",
        "}");

    List<Diagnostic<? extends JavaFileObject>> a =
        compile(srcA, outA, System.getProperty("java.class.path"), "-XepOpt:AsyncLint:WriteSummaries=true");
    assertWithMessage("module A compiles cleanly: %s", a).that(errors(a)).isEmpty();

    Path summaries = outA.resolve(Catalog.LIBRARY_RESOURCE);
    assertThat(Files.exists(summaries)).isTrue();
    String written = Files.readString(summaries);
    assertThat(written).contains("blocking IO libA.Repository#find(java.lang.String)"
        + " | reaches PreparedStatement.executeQuery, which runs a JDBC query and waits for the database");
    assertThat(written).contains("blocking IO libA.UserService#load(java.lang.String)"
        + " | reaches Repository.find → PreparedStatement.executeQuery, which runs a JDBC query");
    assertThat(written).doesNotContain("#table");
    assertThat(written).doesNotContain("#hidden"); // private: no other module can call it

    // Module B: A's sources are gone; only its classes (with the summary file) are on the class path.
    Path srcB = dir.resolve("b-src");
    write(srcB, "appB/UserHandler.java",
        "package appB;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "import libA.*;",
        "class UserHandler extends SimpleChannelInboundHandler<String> {",
        "  final UserService service; final Repository repository; final Users users;",
        "  UserHandler(UserService s, Repository r) { service = s; repository = r; users = new Users(r); }",
        "  @Override protected void channelRead0(ChannelHandlerContext ctx, String id) throws Exception {",
        "    ctx.write(service.load(id));",          // line 9
        "    ctx.write(users.user(id));",            // line 10
        "    ctx.write(repository.table());",        // line 11: not blocking
        "  }",
        "}");
    write(srcB, "appB/Users.java",
        "package appB;",
        "class Users {",
        "  private final libA.Repository repository;",
        "  Users(libA.Repository repository) { this.repository = repository; }",
        "  Object user(String id) throws java.sql.SQLException { return repository.find(id); }",
        "}");
    List<Diagnostic<? extends JavaFileObject>> b = compile(srcB, dir.resolve("b-classes"),
        outA + File.pathSeparator + System.getProperty("java.class.path"));
    List<String> found = errors(b);
    assertWithMessage("findings in module B: %s", b).that(found).hasSize(2);
    assertThat(found.get(0)).startsWith("UserHandler.java:9: [BlockingIoInEventLoop] `service.load(id)`"
        + " reaches UserService.load → Repository.find → PreparedStatement.executeQuery,"
        + " which runs a JDBC query and waits for the database, inside `channelRead0` of `UserHandler`");
    assertThat(found.get(1)).startsWith("UserHandler.java:10: [BlockingIoInEventLoop] `users.user(id)`"
        + " reaches Users.user → Repository.find → PreparedStatement.executeQuery, which runs a JDBC query");
  }

  @Test
  void withoutTheOptionNothingIsWritten(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    write(src, "libA/Slow.java",
        "package libA;",
        "public class Slow { public static void nap() throws Exception { Thread.sleep(1); } }");
    Path out = dir.resolve("classes");
    assertThat(errors(compile(src, out, System.getProperty("java.class.path")))).isEmpty();
    assertThat(Files.exists(out.resolve("libA/Slow.class"))).isTrue();
    assertThat(Files.exists(out.resolve(Catalog.LIBRARY_RESOURCE))).isFalse();
  }

  private static List<Diagnostic<? extends JavaFileObject>> compile(
      Path sources, Path out, String classPath, String... flags) throws Exception {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of(
        "-d", out.toString(),
        "-classpath", classPath,
        "-processorpath", System.getProperty("java.class.path"),
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingIoInEventLoop:ERROR "
            + String.join(" ", flags)));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Stream<Path> walk = Files.walk(sources)) {
      List<File> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(javaFiles)).call();
    }
    return diagnostics.getDiagnostics();
  }

  private static List<String> errors(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName())
            + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))

        .collect(Collectors.toList());
  }

  private static void write(Path root, String path, String... lines) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }
}
