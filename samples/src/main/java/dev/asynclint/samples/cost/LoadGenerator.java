package dev.asynclint.samples.cost;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded HTTP/1.1 load generator over raw keep-alive sockets on loopback: a fixed number of
 * connections, each with one request in flight, until the request count or the time limit is
 * reached. Raw sockets keep the client's own overhead small and predictable on a 2-core machine.
 */
public final class LoadGenerator {

  private static final int SOCKET_TIMEOUT_MS = 10_000;
  /**
   * Warm-up may wait for the JIT and, under the agent, for classes being instrumented as the first
   * requests load them: on a busy machine a first request can take many seconds.
   */
  private static final int WARMUP_TIMEOUT_MS = 60_000;

  private final int port;
  private final Scenario scenario;

  public LoadGenerator(int port, Scenario scenario) {
    this.port = port;
    this.scenario = scenario;
  }

  public LoadResult run(LoadPlan plan) throws InterruptedException {
    drive(plan.warmup(), plan.connections(), System.nanoTime() + WARMUP_TIMEOUT_MS * 1_000_000L, null,
        WARMUP_TIMEOUT_MS);
    long[] latencies = new long[plan.requests()];
    long start = System.nanoTime();
    long deadline = start + plan.timeLimit().toNanos();
    int[] errors = drive(plan.requests(), plan.connections(), deadline, latencies, SOCKET_TIMEOUT_MS);
    double seconds = (System.nanoTime() - start) / 1e9;

    long[] all = new long[plan.requests()];
    long[] innocent = new long[plan.requests()];
    long[] violating = new long[plan.requests()];
    int nAll = 0;
    int nInnocent = 0;
    int nViolating = 0;
    for (int i = 0; i < latencies.length; i++) {
      if (latencies[i] <= 0) {
        continue;
      }
      all[nAll++] = latencies[i];
      if (scenario.hitsViolation(i)) {
        violating[nViolating++] = latencies[i];
      } else {
        innocent[nInnocent++] = latencies[i];
      }
    }
    return new LoadResult(plan.requests(), nAll, errors[0], seconds, nAll + errors[0] < plan.requests(),
        Latency.of(all, nAll), Latency.of(innocent, nInnocent), Latency.of(violating, nViolating));
  }

  /** Sends requests 0..count-1 over the connections; fills latencies (nanos) when given. */
  private int[] drive(int count, int connections, long deadline, long[] latencies, int timeoutMs)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
        Connection connection = null;
        int request;
        while ((request = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
          long sent = System.nanoTime();
          try {
            if (connection == null) {
              connection = new Connection(port, timeoutMs);
            }
            int status = connection.get(scenario.path(request)).status();
            if (status != 200) {
              errors.incrementAndGet();
            } else if (latencies != null) {
              latencies[request] = Math.max(1, System.nanoTime() - sent);
            }
          } catch (IOException e) {
            errors.incrementAndGet();
            if (connection != null) {
              connection.close();
            }
            connection = null;
          }
        }
        if (connection != null) {
          connection.close();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new int[] {errors.get()};
  }

  /** One GET on a fresh connection, for the server's counters. */
  public static String fetch(int port, String path) throws IOException {
    Connection connection = new Connection(port, SOCKET_TIMEOUT_MS);
    try {
      Response response = connection.get(path);
      if (response.status() != 200) {
        throw new IOException("GET " + path + " answered " + response.status() + ": " + response.body());
      }
      return response.body();
    } finally {
      connection.close();
    }
  }

  record Response(int status, String body) {}

  /** A keep-alive HTTP/1.1 connection that understands Content-Length responses only. */
  static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(int port, int timeoutMs) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(timeoutMs);
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    Response get(String path) throws IOException {
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine = line();
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP response: '" + statusLine + "'");
      }
      int status = Integer.parseInt(parts[1]);
      int length = -1;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
          length = Integer.parseInt(header.substring(colon + 1).trim());
        }
      }
      if (length < 0) {
        throw new IOException("response to " + path + " has no Content-Length");
      }
      byte[] body = in.readNBytes(length);
      if (body.length < length) {
        throw new IOException("connection closed in the middle of the response to " + path);
      }
      return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          break;
        }
        if (b != '\r') {
          bytes.write(b);
        }
      }
      if (b == -1 && bytes.size() == 0) {
        throw new IOException("connection closed by the server");
      }
      return bytes.toString(StandardCharsets.US_ASCII);
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a loopback socket we are done with; nothing to recover.
      }
    }
  }
}
