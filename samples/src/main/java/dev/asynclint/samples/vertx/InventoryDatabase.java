package dev.asynclint.samples.vertx;

import dev.asynclint.annotations.Blocking;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a database: a line protocol on loopback whose every query takes {@link #QUERY_MS}.
 * Its client talks over a plain blocking socket, the way a JDBC driver does, without pulling a
 * database into the samples.
 */
final class InventoryDatabase implements AutoCloseable {

  /** How long the database takes to answer one query. */
  static final int QUERY_MS = 10;

  private final ServerSocket server;
  private final ExecutorService sessions = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "inventory-db");
    thread.setDaemon(true);
    return thread;
  });

  InventoryDatabase() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "inventory-db-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket session = server.accept();
        sessions.execute(() -> answer(session));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void answer(Socket session) {
    try (session) {
      BufferedReader in = new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8));
      String sku = in.readLine();
      Thread.sleep(QUERY_MS); // the query's own time, on the database's thread
      int stock = Math.floorMod(sku == null ? 0 : sku.hashCode(), 500);
      session.getOutputStream().write((sku + "," + stock + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      // The client went away; a database just drops the session.
    }
  }

  /** A blocking query, like a JDBC call: connect, send, wait for the answer. */
  @Blocking
  String stockOf(String sku) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((sku + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("inventory query for " + sku + " failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sessions.shutdownNow();
  }
}
