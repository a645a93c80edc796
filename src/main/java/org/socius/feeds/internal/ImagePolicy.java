package org.socius.feeds.internal;

import java.util.Locale;
import org.socius.platform.DomainException;

/**
 * How the article view shows an item's remote images. Proxied, the reader's browser asks only
 * Socius, so the image's site does not learn who reads and when; blocked, each image becomes a link
 * the reader may open; direct, the browser loads them from their sites.
 */
public enum ImagePolicy {
  PROXY,
  BLOCK,
  DIRECT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ImagePolicy parse(String code) {
    for (ImagePolicy p : values()) {
      if (p.code().equals(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new DomainException.Invalid("images", "feeds.problem.images");
  }
}
