package org.socius.feeds.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who to credit for a shared item: "@handle" when the author's address is a social profile
 * (a fediverse {@code https://host/@name}, a Bluesky {@code https://bsky.app/profile/handle}),
 * otherwise the site's name.
 */
public final class Credit {

  private static final Pattern FEDIVERSE = Pattern.compile("^https?://([^/]+)/@([A-Za-z0-9_.-]+)/?$");
  private static final Pattern BLUESKY = Pattern.compile("^https?://bsky\\.app/profile/([A-Za-z0-9.-]+)/?$");

  private Credit() {}

  /** "@name@host" or "@handle" for a profile address, else null. */
  public static String handle(String profileUrl) {
    if (profileUrl == null || profileUrl.isBlank()) {
      return null;
    }
    String u = profileUrl.strip();
    Matcher m = BLUESKY.matcher(u);
    if (m.matches()) {
      return "@" + m.group(1);
    }
    m = FEDIVERSE.matcher(u);
    if (m.matches()) {
      return "@" + m.group(2) + "@" + m.group(1).toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** The credit line's subject: the item author's handle, else the feed author's, else the site's name. */
  public static String of(ItemStore.FullItem item) {
    String handle = handle(item.authorUri());
    if (handle == null) {
      handle = handle(item.feedAuthorUri());
    }
    if (handle != null) {
      return handle;
    }
    if (item.feedTitle() != null && !item.feedTitle().isBlank() && !item.feedTitle().startsWith("http")) {
      return item.feedTitle();
    }
    try {
      String host = URI.create(item.siteUrl().isBlank() ? item.url() : item.siteUrl()).getHost();
      return host == null ? "" : host.replaceFirst("^www\\.", "");
    } catch (RuntimeException e) {
      return "";
    }
  }
}
