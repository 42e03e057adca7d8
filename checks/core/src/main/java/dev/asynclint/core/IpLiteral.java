package dev.asynclint.core;

/**
 * Whether a host string is an IP address literal, which {@code InetAddress.getByName} and
 * {@code new InetSocketAddress(host, port)} parse without asking DNS. Strict, and never resolves
 * anything: IPv4 as four decimal parts 0-255 without leading zeros, IPv6 as eight hex groups of at most four digits
 * (one {@code ::} may stand for a run of zero groups, the last two may be an IPv4 address),
 * optionally in brackets, with no zone id. Anything else counts as a name that may need a lookup.
 */
public final class IpLiteral {
  private IpLiteral() {}

  public static boolean is(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return ipv6(host.substring(1, host.length() - 1));
    }
    return ipv4(host) || ipv6(host);
  }

  static boolean ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      // A leading zero could be read as octal; newer JDKs refuse such literals, so treat it as a name.
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean ipv6(String text) {
    if (text.indexOf(':') < 0) {
      return false;
    }
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
    String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
    int groups = 0;
    String[] headGroups = head.isEmpty() ? new String[0] : head.split(":", -1);
    String[] tailGroups = tail.isEmpty() ? new String[0] : tail.split(":", -1);
    String[][] sides = {headGroups, tailGroups};
    for (int side = 0; side < 2; side++) {
      String[] parts = sides[side];
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        boolean last = (side == 1 || doubleColon < 0) && i == parts.length - 1;
        if (last && part.contains(".")) {
          if (!ipv4(part)) {
            return false;
          }
          groups += 2;
        } else if (part.isEmpty() || part.length() > 4
            || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          return false;
        } else {
          groups++;
        }
      }
    }
    return doubleColon >= 0 ? groups <= 7 : groups == 8;
  }
}
