package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard. Only literal addresses (and localhost) are used: nothing here asks DNS or connects anywhere. */
class NetworkGuardTest {

  private final NetworkGuard guard = new NetworkGuard("");

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/", "http://127.0.0.1:8080/admin", "http://127.255.255.254/", "http://2130706433/",
      "http://[::1]/", "http://10.0.0.1/", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.255/",
      "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://100.127.255.255/",
      "http://0.0.0.0/", "http://0/", "http://[::]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
      "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::127.0.0.1]/",
      "http://[::10.0.0.1]/", "http://224.0.0.1/", "http://255.255.255.255/", "http://240.0.0.1/", "http://[ff02::1]/",
      "https://localhost/", "http://LOCALHOST:9000/"})
  void internalAddressesAreRefused(String uri) {
    assertThatThrownBy(() -> guard.check(URI.create(uri)))
        .isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageContaining("resolves to an internal address")
        .hasMessageContaining("SOCIUS_ALLOW_PRIVATE_NETWORKS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/", "jar:http://93.184.216.34/a.jar!/",
      "mailto:ann@socius.test", "//93.184.216.34/no-scheme"})
  void onlyHttpAndHttpsAreFetched(String uri) {
    assertThatThrownBy(() -> guard.check(URI.create(uri)))
        .isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageStartingWith("Only http and https addresses can be fetched");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://user:secret@93.184.216.34/", "https://user@93.184.216.34/", "http://93.184.216.34@127.0.0.1/"})
  void addressesWithUserInfoAreRefused(String uri) {
    assertThatThrownBy(() -> guard.check(URI.create(uri)))
        .isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageStartingWith("Addresses with a user name or password are not fetched");
  }

  /** java.net.URI sees no host in a shorthand like 127.1 (its last label starts with a digit); such addresses are refused too. */
  @ParameterizedTest
  @ValueSource(strings = {"http:///path", "http://127.1/", "http://10.1/"})
  void anAddressWithoutAHostIsRefused(String uri) {
    assertThatThrownBy(() -> guard.check(URI.create(uri))).isInstanceOf(NetworkGuard.RefusedDestination.class)
        .hasMessageStartingWith("The address has no host");
  }

  @Test
  void publicLiteralAddressesAreAllowed() throws Exception {
    assertThat(guard.check(URI.create("http://93.184.216.34/feed.xml"))).containsExactly(InetAddress.getByName("93.184.216.34"));
    assertThat(guard.check(URI.create("HTTPS://93.184.216.34:8443/"))).hasSize(1);
    assertThat(guard.check(URI.create("https://[2606:2800:220:1:248:1893:25c8:1946]/")))
        .containsExactly(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"));
    assertThat(guard.check(URI.create("http://[::ffff:93.184.216.34]/"))).hasSize(1);
  }

  @Test
  void theAllowListLetsItsAddressesAndRangesThroughAndNothingElse() {
    NetworkGuard allowing = new NetworkGuard(" 127.0.0.0/8 , 10.1.0.0/16,::1,192.168.7.7");
    assertThat(allowing.check(URI.create("http://127.0.0.1:8080/"))).hasSize(1);
    assertThat(allowing.check(URI.create("http://127.0.0.2/"))).hasSize(1);
    assertThat(allowing.check(URI.create("http://[::ffff:127.0.0.1]/"))).hasSize(1);
    assertThat(allowing.check(URI.create("http://[::1]/"))).hasSize(1);
    assertThat(allowing.check(URI.create("http://10.1.255.1/"))).hasSize(1);
    assertThat(allowing.check(URI.create("http://192.168.7.7/"))).hasSize(1);
    for (String refused : new String[] {"http://10.2.0.1/", "http://192.168.7.8/", "http://169.254.169.254/", "http://[fe80::1]/"}) {
      assertThatThrownBy(() -> allowing.check(URI.create(refused))).as(refused).isInstanceOf(NetworkGuard.RefusedDestination.class);
    }
  }

  @Test
  void prefixesThatAreNotWholeBytesAreHonoured() {
    NetworkGuard allowing = new NetworkGuard("172.16.0.0/12,100.64.0.0/10");
    assertThat(allowing.check(URI.create("http://172.31.255.255/"))).hasSize(1);
    assertThat(allowing.check(URI.create("http://100.127.0.1/"))).hasSize(1);
    assertThatThrownBy(() -> new NetworkGuard("172.16.0.0/13").check(URI.create("http://172.24.0.1/")))
        .isInstanceOf(NetworkGuard.RefusedDestination.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::1/129", "10.0.0.0/", "not-an-address", "10.0.0.O/8",
      "intranet.socius.test", "999.1.1.1", "10.0.0.1/8/8", "127.1", "::1:"})
  void aMalformedAllowListEntryFailsWithAClearMessage(String entry) {
    assertThatThrownBy(() -> new NetworkGuard("127.0.0.1," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SOCIUS_ALLOW_PRIVATE_NETWORKS: '" + entry + "' is not an IP address or CIDR range");
  }
}
