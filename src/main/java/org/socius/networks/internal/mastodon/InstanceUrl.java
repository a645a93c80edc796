package org.socius.networks.internal.mastodon;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.socius.platform.DomainException;
import org.socius.platform.NetworkGuard;

/**
 * The base URL of a Mastodon server as people type it: {@code example.social},
 * {@code https://example.social/@ann}, {@code @ann@example.social}. It becomes
 * {@code https://example.social} (scheme, lower-case host, port only when not the default).
 * Plain http is accepted only for internal hosts that the operator allowed through the SSRF
 * guard (a test server, a server on the same private network); everything else must be https.
 */
final class InstanceUrl {

  private InstanceUrl() {}

  static String normalise(String input, NetworkGuard guard) {
    if (input == null || input.isBlank()) {
      throw new DomainException.Invalid("instance", "problem.required");
    }
    String text = input.strip();
    if (text.length() > 300 || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c))) {
      throw new DomainException.Invalid("instance", "problem.mastodon-instance");
    }
    if (!text.contains("://")) {
      // "@ann@example.social" or "ann@example.social": the server is after the last @
      int at = text.lastIndexOf('@');
      text = "https://" + (at >= 0 ? text.substring(at + 1) : text);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new DomainException.Invalid("instance", "problem.mastodon-instance");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new DomainException.Invalid("instance", "problem.mastodon-instance");
    }
    String host;
    try {
      host = IDN.toASCII(uri.getHost(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("instance", "problem.mastodon-instance");
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    String base = scheme + "://" + host + (defaultPort ? "" : ":" + port);
    URI normal = URI.create(base + "/");
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      throw new DomainException.Invalid("instance", "problem.mastodon-unreachable", host);
    }
    try {
      guard.check(normal);
    } catch (NetworkGuard.RefusedDestination e) {
      throw new DomainException.Invalid("instance", "problem.mastodon-instance-refused", host);
    }
    if (scheme.equals("http")) {
      for (InetAddress address : addresses) {
        // reached only when the guard allowed it: an internal address the operator listed
        if (!(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress())) {
          throw new DomainException.Invalid("instance", "problem.mastodon-https");
        }
      }
    }
    return base;
  }

  static String host(String instance) {
    return URI.create(instance).getHost();
  }
}
