package dev.asynclint.core;

import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.api.Test;

class IpLiteralTest {
  @Test
  void addressLiteralsAreRecognised() {
    for (String ip : new String[] {"230.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "ff02::1",
        "2001:db8:0:0:0:0:2:1", "[2001:db8::1]", "::ffff:192.0.2.1", "1:2:3:4:5:6:7::"}) {
      assertWithMessage(ip).that(IpLiteral.is(ip)).isTrue();
    }
  }

  @Test
  void namesAndMalformedAddressesMayNeedALookup() {
    for (String host : new String[] {"localhost", "example.com", "", "256.0.0.1", "1.2.3", "1.2.3.4.5",
        "1..2.3", "01234.0.0.1", "010.0.0.1", "1.2.3.4 ", "2001:db8::1::2", "12345::1", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "fe80::1%eth0", "[::1", "g::1", "230.0.0.1.example.com", "::ffff:192.0.2"}) {
      assertWithMessage(host).that(IpLiteral.is(host)).isFalse();
    }
  }
}
