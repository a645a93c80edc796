package org.socius.publishing;

import java.util.Locale;
import org.socius.platform.DomainException;

/**
 * Every post either shares and credits someone else's work or is about us. Keeping the two apart
 * lets the workspace see whether it gives value first or mostly talks about itself.
 */
public enum PostKind {
  SHARE,
  OWN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PostKind parse(String field, String text) {
    if (text != null) {
      String code = text.strip().toLowerCase(Locale.ROOT);
      for (PostKind kind : values()) {
        if (kind.code().equals(code)) {
          return kind;
        }
      }
    }
    throw new DomainException.Invalid(field, "problem.post-kind");
  }
}
