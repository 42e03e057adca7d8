package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Blocking calls reached through the project's own methods: reported at the call inside
 * event-loop code, with the chain, and never in the helper itself.
 */
class TransitiveBlockingTest {
  private final CompilationTestHelper io =
      CompilationTestHelper.newInstance(BlockingIoInEventLoop.class, getClass());
  private final CompilationTestHelper sleep =
      CompilationTestHelper.newInstance(SleepInEventLoop.class, getClass());

  /** A DAO that runs a query, a service over it, a controller over that: 1, 2 and 3 levels. */
  private CompilationTestHelper layers(CompilationTestHelper helper) {
    return helper
        .addSourceLines("UserDao.java",
            "import java.sql.*;",
            "class UserDao {",
            "  PreparedStatement byId;",
            "  ResultSet find(String id) throws SQLException {",
            "    byId.setString(1, id);",
            "    return byId.executeQuery();", // not reported here: the DAO may run on a worker
            "  }",
            "}")
        .addSourceLines("UserService.java",
            "class UserService {",
            "  UserDao dao = new UserDao();",
            "  Object load(String id) throws java.sql.SQLException { return dao.find(id); }",
            "}")
        .addSourceLines("Controller.java",
            "class Controller {",
            "  private final UserService service = new UserService();",
            "  Object handle(String id) throws java.sql.SQLException { return render(service.load(id)); }",
            "  private static Object render(Object user) { return user; }",
            "}");
  }

  @Test
  void chainsOfOneTwoAndThreeHelpersFromANettyHandler() {
    layers(io)
        .addSourceLines("UserHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.SimpleChannelInboundHandler;",
            "class UserHandler extends SimpleChannelInboundHandler<String> {",
            "  UserDao dao = new UserDao(); UserService service = new UserService(); Controller controller = new Controller();",
            "  @Override protected void channelRead0(ChannelHandlerContext ctx, String id) throws Exception {",
            "    // BUG: Diagnostic contains: `dao.find(id)` reaches UserDao.find → PreparedStatement.executeQuery, which runs a JDBC query and waits for the database, inside `channelRead0` of `UserHandler`",
            "    ctx.write(dao.find(id));",
            "    // BUG: Diagnostic contains: reaches UserService.load → UserDao.find → PreparedStatement.executeQuery, which runs a JDBC query",
            "    ctx.write(service.load(id));",
            "    // BUG: Diagnostic contains: reaches Controller.handle → UserService.load → UserDao.find → PreparedStatement.executeQuery",
            "    ctx.writeAndFlush(controller.handle(id));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void vertxRouteHandlerAndMethodReferenceToAHelper() {
    layers(io)
        .addSourceLines("Routes.java",
            "import io.vertx.core.Vertx;",
            "import io.vertx.ext.web.Router;",
            "import io.vertx.ext.web.RoutingContext;",
            "class Routes {",
            "  UserService service = new UserService();",
            "  void mount(Vertx vertx, Router router) {",
            "    router.get(\"/user\").handler(ctx -> {",
            "      try {",
            "        // BUG: Diagnostic contains: reaches UserService.load → UserDao.find → PreparedStatement.executeQuery, which runs a JDBC query and waits for the database, inside the lambda passed to `Route.handler`",
            "        ctx.json(service.load(ctx.pathParam(\"id\")));",
            "      } catch (java.sql.SQLException e) { ctx.fail(e); }",
            "    });",
            "    // BUG: Diagnostic contains: reaches Routes.show → UserService.load → UserDao.find",
            "    router.get(\"/show\").handler(this::show);",
            "    // Moved to a worker: fine.",
            "    router.get(\"/worker\").handler(ctx ->",
            "        vertx.executeBlocking(() -> service.load(ctx.pathParam(\"id\"))).onSuccess(ctx::json));",
            "  }",
            "  void show(RoutingContext ctx) {",
            "    try { ctx.json(service.load(\"1\")); } catch (java.sql.SQLException e) { ctx.fail(e); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void commonPoolCallbackReachesAHelperButAnExecutorIsFine() {
    layers(io)
        .addSourceLines("Async.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.Executor;",
            "class Async {",
            "  UserService service = new UserService();",
            "  CompletableFuture<Object> load(String id, Executor jdbcPool) {",
            "    // BUG: Diagnostic contains: reaches UserService.load → UserDao.find → PreparedStatement.executeQuery, which runs a JDBC query and waits for the database, inside the lambda passed to `CompletableFuture.supplyAsync`",
            "    CompletableFuture.supplyAsync(() -> { try { return service.load(id); } catch (Exception e) { throw new RuntimeException(e); } });",
            "    return CompletableFuture.supplyAsync(() -> { try { return service.load(id); } catch (Exception e) { throw new RuntimeException(e); } }, jdbcPool);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperOnlyCalledFromMainIsNotReported() {
    layers(io)
        .addSourceLines("Batch.java",
            "class Batch {",
            "  public static void main(String[] args) throws Exception {",
            "    System.out.println(new Controller().handle(args[0]));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void recursionEndsAndStillFindsTheChain() {
    sleep
        .addSourceLines("Tree.java",
            "class Tree {",
            "  Tree left, right; int pause;",
            // Self-recursion that blocks at the leaves.
            "  void visit() {",
            "    if (left != null) left.visit();",
            "    if (pause > 0) Backoff.pause(pause);",
            "  }",
            // Mutual recursion: even() reaches the sleep only through odd().
            "  static boolean even(int n) { return n == 0 || odd(n - 1); }",
            "  static boolean odd(int n) { if (n == 1) Backoff.pause(1); return n != 0 && even(n - 1); }",
            // Recursion that never blocks.
            "  static int depth(Tree t) { return t == null ? 0 : 1 + Math.max(depth(t.left), depth(t.right)); }",
            "}")
        .addSourceLines("Backoff.java",
            "class Backoff {",
            "  static void pause(int ms) {",
            "    try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }",
            "  }",
            "}")
        .addSourceLines("TreeHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class TreeHandler extends ChannelInboundHandlerAdapter {",
            "  Tree tree = new Tree();",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    // BUG: Diagnostic contains: reaches Tree.even → Tree.odd → Backoff.pause → Thread.sleep, which parks the thread",
            "    Tree.even(4);",
            "    // BUG: Diagnostic contains: reaches Tree.odd → Backoff.pause → Thread.sleep",
            "    Tree.odd(3);",
            "    // BUG: Diagnostic contains: reaches Tree.visit → Backoff.pause → Thread.sleep",
            "    tree.visit();",
            "    ctx.write(Tree.depth(tree));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void interfaceWithOneBlockingAndOneNonBlockingImplementationIsNotReported() {
    io.addSourceLines("Store.java",
            "interface Store { String get(String key) throws Exception; }")
        .addSourceLines("FileStore.java",
            "class FileStore implements Store {",
            "  public String get(String key) throws Exception { return java.nio.file.Files.readString(java.nio.file.Path.of(key)); }",
            "}")
        .addSourceLines("MemoryStore.java",
            "class MemoryStore implements Store {",
            "  final java.util.Map<String, String> map = new java.util.HashMap<>();",
            "  public String get(String key) { return map.get(key); }",
            "}")
        .addSourceLines("StoreHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class StoreHandler extends ChannelInboundHandlerAdapter {",
            "  Store store; FileStore files = new FileStore();",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
            "    ctx.write(store.get(\"k\"));", // could be either: not reported
            "    // BUG: Diagnostic contains: reaches FileStore.get → Files.readString",
            "    ctx.write(files.get(\"k\"));", // the static type says which one runs
            "  }",
            "}")
        .doTest();
  }

  @Test
  void whyAVirtualCallIsNotReported() {
    CompilationTestHelper.newInstance(TransitiveVerdictProbe.class, getClass())
        .addSourceLines("Store.java",
            "interface Store { String get(String key) throws Exception; }")
        .addSourceLines("FileStore.java",
            "class FileStore implements Store {",
            "  public String get(String key) throws Exception { return java.nio.file.Files.readString(java.nio.file.Path.of(key)); }",
            "}")
        .addSourceLines("MemoryStore.java",
            "class MemoryStore implements Store {",
            "  public String get(String key) { return key; }",
            "}")
        .addSourceLines("Probe.java",
            "class Probe {",
            "  void probe(Store store, FileStore files) throws Exception {",
            "    // BUG: Diagnostic contains: not every implementation of Store.get blocks: MemoryStore.get does not",
            "    store.get(\"k\");",
            "    // BUG: Diagnostic contains: reaches [IO] FileStore.get → Files.readString",
            "    files.get(\"k\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rulesAboutWhatAMethodDoesFollowCallsThroughTheSameSummaries() {
    CompilationTestHelper.newInstance(TransitiveVerdictProbe.class, getClass())
        .addSourceLines("Spin.java",
            "import java.util.concurrent.atomic.AtomicBoolean;",
            "class Spin {",
            "  static void waitFor(AtomicBoolean flag) { while (!flag.get()) { } }",
            "  static void poll(AtomicBoolean flag) { if (flag != null) waitFor(flag); }",
            "  static void once(AtomicBoolean flag) { flag.set(true); }",
            "}")
        .addSourceLines("Probe.java",
            "class Probe {",
            "  void probe(java.util.concurrent.atomic.AtomicBoolean flag) {",
            "    // BUG: Diagnostic contains: reaches [SpinLoop] Spin.waitFor",
            "    Spin.waitFor(flag);",
            "    // BUG: Diagnostic contains: reaches [SpinLoop] Spin.poll → Spin.waitFor",
            "    Spin.poll(flag);",
            "    // BUG: Diagnostic contains: reaches nothing",
            "    Spin.once(flag);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void everyImplementationBlockingCountsAndBlockingAnnotationOnAnInterfaceMethod() {
    io.addSourceLines("Repo.java",
            "import org.jetbrains.annotations.Blocking;",
            "interface Repo {",
            "  @Blocking String load(String id);",
            "  String name();",
            "}")
        .addSourceLines("SqlRepo.java",
            "class SqlRepo implements Repo {",
            "  java.sql.Statement statement;",
            "  public String load(String id) { return id; }", // the annotation on the interface is what counts
            "  public String name() {",
            "    try { statement.execute(\"select 1\"); } catch (java.sql.SQLException e) { }",
            "    return \"sql\";",
            "  }",
            "}")
        .addSourceLines("FileRepo.java",
            "class FileRepo implements Repo {",
            "  public String load(String id) { return id; }",
            "  public String name() { return String.valueOf(new java.io.File(\"x\").exists()); }",
            "}")
        .addSourceLines("Users.java",
            "class Users {",
            "  Repo repo;",
            "  String user(String id) { return repo.load(id); }",
            "}")
        .addSourceLines("RepoHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class RepoHandler extends ChannelInboundHandlerAdapter {",
            "  Users users = new Users(); Repo repo;",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    // BUG: Diagnostic contains: reaches Users.user → Repo.load, which is annotated @Blocking",
            "    ctx.write(users.user(\"1\"));",
            "    // BUG: Diagnostic contains: reaches Repo.name → FileRepo.name → File.exists",
            "    ctx.write(repo.name());", // both implementations block
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nonBlockingAnnotationOnAHelperIsTrusted() {
    layers(io)
        .addSourceLines("Cached.java",
            "import org.jetbrains.annotations.NonBlocking;",
            "class Cached {",
            "  UserService service = new UserService();",
            "  Object last;",
            "  @NonBlocking Object user(String id) {",
            "    if (last == null) {",
            "      // BUG: Diagnostic contains: inside `user`, which is declared @NonBlocking",
            "      try { last = service.load(id); } catch (java.sql.SQLException e) { }",
            "    }",
            "    return last;",
            "  }",
            "}")
        .addSourceLines("CachedHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class CachedHandler extends ChannelInboundHandlerAdapter {",
            "  Cached cached = new Cached();",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    ctx.write(cached.user(\"1\"));", // trusted: the finding is inside user() itself
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lambdaStoredInAFieldAndCalledFromAHandler() {
    sleep
        .addSourceLines("Ticker.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "import java.util.concurrent.locks.LockSupport;",
            "class Ticker extends ChannelInboundHandlerAdapter {",
            "  private final Runnable pause = () -> LockSupport.parkNanos(1_000_000);",
            "  private final Runnable log = () -> System.out.println(\"tick\");",
            "  private final Runnable wait = Ticker::nap;",
            "  private Runnable swapped = () -> LockSupport.parkNanos(1_000_000);",
            "  static void nap() { LockSupport.parkNanos(5); }",
            "  void swap(Runnable r) { swapped = r; }",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    // BUG: Diagnostic contains: `pause.run()` reaches Ticker.pause → LockSupport.parkNanos, which parks the thread",
            "    pause.run();",
            "    log.run();",
            "    // BUG: Diagnostic contains: reaches Ticker.wait → Ticker.nap → LockSupport.parkNanos",
            "    wait.run();",
            "    swapped.run();", // assigned elsewhere: we cannot know what runs
            "  }",
            "}")
        .doTest();
  }

  @Test
  void maxDepthBoundsTheChain() {
    layers(io)
        .setArgs("-XepOpt:AsyncLint:MaxDepth=2")
        .addSourceLines("DepthHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class DepthHandler extends ChannelInboundHandlerAdapter {",
            "  UserService service = new UserService(); Controller controller = new Controller();",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
            "    // BUG: Diagnostic contains: reaches UserService.load → UserDao.find → PreparedStatement.executeQuery",
            "    ctx.write(service.load(\"1\"));",
            "    ctx.write(controller.handle(\"1\"));", // three helpers deep: past the bound
            "  }",
            "}")
        .doTest();
  }

  @Test
  void eachRuleReportsItsOwnCategoryThroughTheSameHelper() {
    String[] helperSource = {
        "class Slow {",
        "  static void both() throws Exception {",
        "    Thread.sleep(10);",
        "    java.nio.file.Files.delete(java.nio.file.Path.of(\"x\"));",
        "  }",
        "}"};
    String[] handler = {
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "class SlowHandler extends ChannelInboundHandlerAdapter {",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    // BUG: Diagnostic contains: CATEGORY",
        "    Slow.both();",
        "  }",
        "}"};
    sleep.addSourceLines("Slow.java", helperSource)
        .addSourceLines("SlowHandler.java", replace(handler, "Slow.both → Thread.sleep"))
        .doTest();
    io.addSourceLines("Slow.java", helperSource)
        .addSourceLines("SlowHandler.java", replace(handler, "Slow.both → Files.delete"))
        .doTest();
  }

  private static String[] replace(String[] lines, String expected) {
    String[] out = lines.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i].replace("CATEGORY", expected);
    }
    return out;
  }
}
