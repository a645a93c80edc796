package org.socius.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SSRF guard: refuses requests to loopback, private, link-local, carrier-grade NAT,
 * multicast, reserved and cloud metadata addresses, unless the address falls in one of the
 * ranges the operator allowed ({@code SOCIUS_ALLOW_PRIVATE_NETWORKS}, e.g. {@code 127.0.0.1,10.0.0.0/8}).
 * Every address a host name resolves to must be allowed.
 */
public final class NetworkGuard {

  private final List<Cidr> allowed;

  public NetworkGuard(String allowList) {
    List<Cidr> ranges = new ArrayList<>();
    if (allowList != null) {
      for (String part : allowList.split(",")) {
        if (!part.isBlank()) {
          ranges.add(Cidr.parse(part.strip()));
        }
      }
    }
    this.allowed = List.copyOf(ranges);
  }

  /** @throws RefusedDestination when the URI may not be fetched */
  public List<InetAddress> check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedDestination("Only http and https addresses can be fetched: " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new RefusedDestination("The address has no host: " + uri);
    }
    if (uri.getUserInfo() != null) {
      throw new RefusedDestination("Addresses with a user name or password are not fetched: " + host);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      throw new RefusedDestination("The host " + host + " could not be found");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address) && allowed.stream().noneMatch(c -> c.contains(address))) {
        throw new RefusedDestination(
            "The host " + host + " resolves to an internal address (" + address.getHostAddress()
                + "); internal addresses are refused unless SOCIUS_ALLOW_PRIVATE_NETWORKS allows them");
      }
    }
    return List.of(addresses);
  }

  static boolean isInternal(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      if (isMappedV4(b)) {
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      int first = b[0] & 0xff;
      return v6.isLoopbackAddress() || v6.isAnyLocalAddress() || v6.isLinkLocalAddress()
          || isCompatibleV4(b) // ::/96, deprecated IPv4-compatible addresses such as ::127.0.0.1
          || v6.isSiteLocalAddress() || v6.isMulticastAddress()
          || (first & 0xfe) == 0xfc // fc00::/7 unique local
          || (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) // documentation
          || (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b); // NAT64
    }
    byte[] b = address.getAddress();
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()
        || a0 == 0 // this network
        || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || a0 >= 240; // reserved and broadcast
  }

  private static boolean isCompatibleV4(byte[] b) {
    for (int i = 0; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  /** A destination that the guard refused, with the reason in words (an outbound failure like any other). */
  public static final class RefusedDestination extends OutboundHttp.OutboundException {
    public RefusedDestination(String message) {
      super(message, null);
    }
  }

  record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    static Cidr parse(String text) {
      try {
        int slash = text.indexOf('/');
        byte[] bytes = literal(slash < 0 ? text : text.substring(0, slash));
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
          throw new NumberFormatException("prefix length out of range");
        }
        return new Cidr(bytes, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException(
            "SOCIUS_ALLOW_PRIVATE_NETWORKS: '" + text + "' is not an IP address or CIDR range", e);
      }
    }

    /**
     * The bytes of an IPv4 (dotted quad) or IPv6 literal. Anything else is refused rather than
     * looked up: a host name here would be resolved through DNS, once, at start-up.
     */
    private static byte[] literal(String text) throws UnknownHostException {
      if (text.indexOf(':') >= 0) {
        return InetAddress.getByName(text).getAddress(); // with a colon, only an IPv6 literal is accepted; no lookup
      }
      var m = IPV4.matcher(text);
      if (!m.matches()) {
        throw new UnknownHostException(text);
      }
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(m.group(i + 1));
        if (part > 255) {
          throw new UnknownHostException(text);
        }
        bytes[i] = (byte) part;
      }
      return bytes;
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int fullBytes = prefix / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }
}
