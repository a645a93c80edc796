package org.socius.people.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.socius.networks.Network;
import org.socius.platform.DomainException;

/** Checks of what members type about people; each failure names its field. */
final class Input {

  private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,59}$");
  /** user@host, as Mastodon and other ActivityPub servers name accounts. */
  private static final Pattern FEDIVERSE = Pattern.compile("^@?([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)$");
  /** A Bluesky handle is a domain name. */
  private static final Pattern DOMAIN = Pattern.compile("^@?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$");

  /** An account given by hand: its network, its handle as the network writes it, and its profile address. */
  record HandAccount(Network network, String handle, String profileUrl) {}

  private Input() {}

  static String required(String field, String value, int max) {
    String v = optional(field, value, max);
    if (v.isEmpty()) {
      throw new DomainException.Invalid(field, "problem.required");
    }
    return v;
  }

  static String optional(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new DomainException.Invalid(field, "problem.too-long", max);
    }
    if (v.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)) {
      throw new DomainException.Invalid(field, "problem.control-characters");
    }
    return v;
  }

  /** A tag: letters, digits, space, dot, underscore or hyphen, up to 60, kept lower-case. */
  static String tag(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(v).matches()) {
      throw new DomainException.Invalid("tag", "problem.tag");
    }
    return v;
  }

  /** An http(s) address, or blank. */
  static String website(String value) {
    String v = optional("website", value, 2000);
    if (v.isEmpty()) {
      return v;
    }
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return v;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new DomainException.Invalid("website", "problem.website");
  }

  /** A time zone name such as Europe/Berlin, or blank. */
  static String timeZone(String value) {
    String v = optional("timeZone", value, 60);
    if (v.isEmpty()) {
      return v;
    }
    try {
      return ZoneId.of(v).getId();
    } catch (DateTimeException e) {
      throw new DomainException.Invalid("timeZone", "problem.time-zone");
    }
  }

  /**
   * An account a member names: a network Socius speaks to, a handle of that network's shape
   * ({@code @ann@example.social}, {@code ann.bsky.social}) and, if given, an http(s) profile
   * address; without one, the address the network gives such a handle.
   */
  static HandAccount account(String network, String handle, String profileUrl) {
    Network n;
    try {
      n = Network.parse(optional("network", network, 20));
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("network", "problem.person-network", network == null ? "" : network.strip());
    }
    String h = optional("handle", handle, 300);
    String url = optional("profileUrl", profileUrl, 2000);
    if (!url.isEmpty()) {
      try {
        url = website(url);
      } catch (DomainException.Invalid e) {
        throw new DomainException.Invalid("profileUrl", "problem.website");
      }
    }
    if (n == Network.MASTODON) {
      var m = FEDIVERSE.matcher(h);
      if (!m.matches()) {
        throw new DomainException.Invalid("handle", "problem.person-handle-mastodon", h);
      }
      return new HandAccount(n, "@" + m.group(1) + "@" + m.group(2).toLowerCase(Locale.ROOT),
          url.isEmpty() ? "https://" + m.group(2).toLowerCase(Locale.ROOT) + "/@" + m.group(1) : url);
    }
    var m = DOMAIN.matcher(h);
    if (!m.matches()) {
      throw new DomainException.Invalid("handle", "problem.person-handle-bluesky", h);
    }
    String domain = m.group(1).toLowerCase(Locale.ROOT);
    return new HandAccount(n, domain, url.isEmpty() ? "https://bsky.app/profile/" + domain : url);
  }

  /** Days between contacts (1–3650), or null for none. */
  static Integer cadence(Integer days) {
    if (days != null && (days < 1 || days > 3650)) {
      throw new DomainException.Invalid("cadenceDays", "problem.cadence");
    }
    return days;
  }
}
