package dev.asynclint.samples.http;

/**
 * How a sample server tells the cost runner it is ready: one line on stdout with its port, so
 * servers bind ephemeral ports and parallel builds never collide.
 */
public final class ServerAnnouncement {

  public static final String PREFIX = "LISTENING ";

  private ServerAnnouncement() {}

  public static void listening(int port) {
    System.out.println(PREFIX + port);
    System.out.flush();
  }

  /** The port in an announcement line, or -1 when the line is something else. */
  public static int portIn(String line) {
    if (line == null || !line.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Integer.parseInt(line.substring(PREFIX.length()).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
