package dev.asynclint.errorprone;

import com.google.errorprone.CompilationTestHelper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockingIoInEventLoopTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingIoInEventLoop.class, getClass());

  @Test
  void filesSocketsJdbcHttpDnsAndProcessesInANettyHandler() {
    helper.addSourceLines("IoHandler.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "import java.io.*;",
        "import java.net.*;",
        "import java.net.http.HttpClient;",
        "import java.net.http.HttpRequest;",
        "import java.net.http.HttpResponse;",
        "import java.nio.channels.FileChannel;",
        "import java.nio.file.*;",
        "import java.sql.*;",
        "import javax.sql.DataSource;",
        "class IoHandler extends SimpleChannelInboundHandler<String> {",
        "  DataSource dataSource; HttpClient http;",
        "  @Override protected void channelRead0(ChannelHandlerContext ctx, String msg) throws Exception {",
        "    // BUG: Diagnostic contains: `Files.readString(Path.of(msg))` does blocking file-system I/O, inside `channelRead0` of `IoHandler` (a Netty SimpleChannelInboundHandler)",
        "    String text = Files.readString(Path.of(msg));",
        "    // BUG: Diagnostic contains: reads a file with blocking disk I/O",
        "    try (InputStream in = new FileInputStream(msg)) { }",
        "    // BUG: Diagnostic contains: BlockingIoInEventLoop",
        "    try (BufferedReader r = new BufferedReader(new FileReader(msg))) {",
        "      r.readLine();",
        "    }",
        "    // BUG: Diagnostic contains: BlockingIoInEventLoop",
        "    FileChannel channel = FileChannel.open(Path.of(msg));",
        "    // BUG: Diagnostic contains: connects a socket",
        "    Socket socket = new Socket(\"localhost\", 80);",
        "    // BUG: Diagnostic contains: resolves a name with blocking DNS",
        "    InetAddress address = InetAddress.getByName(msg);",
        "    // BUG: Diagnostic contains: sends an HTTP request and waits for the response",
        "    http.send(HttpRequest.newBuilder(URI.create(msg)).build(), HttpResponse.BodyHandlers.ofString());",
        "    http.sendAsync(HttpRequest.newBuilder(URI.create(msg)).build(), HttpResponse.BodyHandlers.ofString());",
        "    // BUG: Diagnostic contains: takes a database connection",
        "    try (Connection c = dataSource.getConnection();",
        "         // BUG: Diagnostic contains: BlockingIoInEventLoop",
        "         PreparedStatement s = c.prepareStatement(\"select 1\")) {",
        "      // BUG: Diagnostic contains: runs a JDBC query and waits for the database",
        "      ResultSet rs = s.executeQuery();",
        "      // BUG: Diagnostic contains: fetches JDBC rows",
        "      rs.next();",
        "    }",
        "    // BUG: Diagnostic contains: starts a process",
        "    new ProcessBuilder(\"ls\").start();",
        "    // BUG: Diagnostic contains: opens a network connection",
        "    new URL(msg).openStream();",
        "  }",
        "}")
        .doTest();
  }

  /**
   * From vertx-core's {@code ConnectionBase.sendFileRegion} (on a write listener): getChannel()
   * only wraps the open file in a channel object; the channel's own reads and transfers block.
   */
  @Test
  void gettingAFilesChannelDoesNoIo() {
    helper.addSourceLines("Region.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.io.RandomAccessFile;",
        "import java.nio.ByteBuffer;",
        "import java.nio.channels.FileChannel;",
        "class Region extends ChannelInboundHandlerAdapter {",
        "  RandomAccessFile raf;",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    FileChannel channel = raf.getChannel();",
        "    // BUG: Diagnostic contains: BlockingIoInEventLoop",
        "    channel.read(ByteBuffer.allocate(16));",
        "    // BUG: Diagnostic contains: BlockingIoInEventLoop",
        "    raf.length();",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void inMemoryStreamsAndNettyBuffersAreNotIo() {
    helper.addSourceLines("MemoryHandler.java",
        "import io.netty.buffer.ByteBuf;",
        "import io.netty.buffer.ByteBufInputStream;",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.SimpleChannelInboundHandler;",
        "import java.io.*;",
        "import java.net.InetSocketAddress;",
        "class MemoryHandler extends SimpleChannelInboundHandler<ByteBuf> {",
        "  @Override protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) throws Exception {",
        "    try (InputStream in = new ByteBufInputStream(msg)) { in.read(); }",
        "    new ByteArrayInputStream(new byte[4]).read();",
        "    new BufferedReader(new StringReader(\"a\\nb\")).readLine();",
        "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
        "    out.write(1);",
        "    new StringWriter().write(\"x\");",
        "    InetSocketAddress.createUnresolved(\"example.org\", 80);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void vertxRoutesAndExecuteBlocking() {
    helper.addSourceLines("Routes.java",
        "import io.vertx.core.Vertx;",
        "import io.vertx.ext.web.Router;",
        "import java.nio.file.Files;",
        "import java.nio.file.Path;",
        "class Routes {",
        "  void mount(Vertx vertx, Router router) {",
        "    router.get(\"/file\").handler(ctx -> {",
        "      try {",
        "        // BUG: Diagnostic contains: Fix: use the async Vert.x API (vertx.fileSystem(), WebClient, a reactive SQL client) or vertx.executeBlocking",
        "        ctx.end(Files.readString(Path.of(\"x\")));",
        "      } catch (java.io.IOException e) { ctx.fail(e); }",
        "    });",
        "    router.get(\"/worker\").handler(ctx ->",
        "        vertx.executeBlocking(() -> Files.readString(Path.of(\"x\")))",
        "            .onSuccess(ctx::end));",
        "    router.get(\"/fs\").handler(ctx -> vertx.fileSystem().readFile(\"x\").onSuccess(ctx::end));",
        "    // BUG: Diagnostic contains: inside the lambda passed to `Vertx.setTimer`",
        "    router.get(\"/timer\").handler(ctx -> vertx.setTimer(1, id -> Files.exists(Path.of(\"x\"))));",
        "    // BUG: Diagnostic contains: inside the method reference passed to `Future.map`",
        "    io.vertx.core.Future.succeededFuture(Path.of(\"x\")).map(Files::exists);",
        "  }",
        "}")
        .doTest();
  }

  @Test
  void userCatalogAddsBlockingApis(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("async-lint.catalog");
    Files.writeString(catalog, "blocking IO LegacyClient#fetch | calls the legacy service synchronously\n");
    helper.setArgs("-XepOpt:AsyncLint:CatalogFile=" + catalog)
        .addSourceLines("LegacyClient.java", "class LegacyClient { String fetch() { return \"\"; } }")
        .addSourceLines("UsesLegacy.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class UsesLegacy extends ChannelInboundHandlerAdapter {",
            "  LegacyClient client = new LegacyClient();",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    // BUG: Diagnostic contains: calls the legacy service synchronously",
            "    ctx.writeAndFlush(client.fetch());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingAnnotationMarksAMethodAsBlocking() {
    helper.addSourceLines("Repo.java",
            "import org.jetbrains.annotations.Blocking;",
            "class Repo {",
            "  @Blocking String load(String id) { return id; }",
            "  String cached(String id) { return id; }",
            "}")
        .addSourceLines("RepoHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "class RepoHandler extends ChannelInboundHandlerAdapter {",
            "  Repo repo = new Repo();",
            "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    // BUG: Diagnostic contains: is annotated @Blocking, so it may block",
            "    ctx.write(repo.load(\"1\"));",
            "    ctx.write(repo.cached(\"1\"));",
            "  }",
            "}")
        .doTest();
  }

  /** The standard Netty fix, which the message itself recommends, must then be quiet. */
  @Test
  void nettyHandlersAddedWithTheirOwnExecutorGroupMayBlock() {
    helper.addSourceLines("DbHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.SimpleChannelInboundHandler;",
            "class DbHandler extends SimpleChannelInboundHandler<String> {",
            "  @Override protected void channelRead0(ChannelHandlerContext ctx, String msg) throws Exception {",
            "    ctx.writeAndFlush(java.nio.file.Files.readString(java.nio.file.Path.of(msg)));",
            "  }",
            "}")
        .addSourceLines("FileHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.SimpleChannelInboundHandler;",
            "class FileHandler extends SimpleChannelInboundHandler<String> {",
            "  @Override protected void channelRead0(ChannelHandlerContext ctx, String msg) throws Exception {",
            "    // BUG: Diagnostic contains: BlockingIoInEventLoop",
            "    ctx.writeAndFlush(java.nio.file.Files.readString(java.nio.file.Path.of(msg)));",
            "  }",
            "}")
        .addSourceLines("Initializer.java",
            "import io.netty.channel.ChannelInitializer;",
            "import io.netty.channel.EventLoopGroup;",
            "import io.netty.channel.socket.SocketChannel;",
            "import io.netty.util.concurrent.DefaultEventExecutorGroup;",
            "import io.netty.util.concurrent.EventExecutorGroup;",
            "class Initializer extends ChannelInitializer<SocketChannel> {",
            "  static final EventExecutorGroup BLOCKING = new DefaultEventExecutorGroup(16);",
            "  EventLoopGroup workers;",
            "  @Override protected void initChannel(SocketChannel ch) {",
            "    DbHandler db = new DbHandler();",
            "    ch.pipeline().addLast(BLOCKING, \"db\", db);",
            "    ch.pipeline().addLast(workers, new FileHandler());",
            "  }",
            "}")
        .doTest();
  }

  /** vertx-core's multicast examples join "230.0.0.1": an IP literal is parsed, not looked up. */
  @Test
  void ipLiteralsAreParsedWithoutDns() {
    helper.addSourceLines("Multicast.java",
        "import io.netty.channel.ChannelHandlerContext;",
        "import io.netty.channel.ChannelInboundHandlerAdapter;",
        "import java.net.InetAddress;",
        "class Multicast extends ChannelInboundHandlerAdapter {",
        "  static final String GROUP = \"230.0.0.1\";",
        "  static final String HOST = \"230.0.0.1.example.com\";",
        "  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {",
        "    InetAddress.getByName(GROUP);",
        "    InetAddress.getByName(\"ff02::\" + 1);",
        "    // BUG: Diagnostic contains: resolves a name with blocking DNS",
        "    InetAddress.getByName(HOST);",
        "    // BUG: Diagnostic contains: resolves a name with blocking DNS",
        "    InetAddress.getByName(\"010.0.0.1\");",
        "    // BUG: Diagnostic contains: resolves a name with blocking DNS",
        "    InetAddress.getLocalHost();",
        "  }",
        "}")
        .doTest();
  }
}
