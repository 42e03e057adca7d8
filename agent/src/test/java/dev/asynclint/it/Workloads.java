package dev.asynclint.it;

/** Known work, each at a line whose site the test computes, run on whatever thread calls it. */
final class Workloads {
  private Workloads() {}

  /** What ran, where the agent should blame it, and how long it took by the stopwatch. */
  record Ran(String site, double stopwatchMs) {}

  static Ran sleepFiftyTimes() throws InterruptedException {
    String site = Sites.lineBelow(2); // outside the stopwatch: its first call is slow
    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) { Thread.sleep(20); }
    return new Ran(site, (System.nanoTime() - start) / 1e6);
  }

  static Ran sleepOnce() throws InterruptedException {
    String site = Sites.lineBelow(2);
    long start = System.nanoTime();
    Thread.sleep(20);
    return new Ran(site, (System.nanoTime() - start) / 1e6);
  }

  /** Runs the CPU for 300 ms without yielding; returns something so it is not optimised away. */
  static long spinFor300ms() {
    long end = System.nanoTime() + 300_000_000L;
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    return spins;
  }

  /**
   * A JDBC-style query: connect a plain blocking socket, send one line, wait for the answer line.
   * The wait is inside the read, below JDK readers, so the site is the readLine line.
   */
  static Ran queryOverSocket(int port) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      socket.getOutputStream().write("sku-1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
          socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String site = Sites.lineBelow(2);
      long start = System.nanoTime();
      String answer = in.readLine();
      if (answer == null) {
        throw new java.io.EOFException("no answer");
      }
      return new Ran(site, (System.nanoTime() - start) / 1e6);
    }
  }

  /**
   * Reads from a socket channel twice: in non-blocking mode (returns at once: not a blocking
   * call) and then in blocking mode, waiting for the answer. Returns the two sites.
   */
  static String[] readChannelNonBlockingThenBlocking(int port) throws java.io.IOException {
    try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port))) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64);
      channel.configureBlocking(false);
      String nonBlocking = Sites.nextLine();
      channel.read(buffer);
      channel.configureBlocking(true);
      channel.write(java.nio.ByteBuffer.wrap("sku-1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      String blocking = Sites.nextLine();
      channel.read(buffer);
      return new String[] {nonBlocking, blocking};
    }
  }
}
