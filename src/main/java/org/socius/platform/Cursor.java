package org.socius.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination over time-ordered ids: the cursor is the last id of a page, made opaque.
 * Stores query {@code id > :after ORDER BY id LIMIT :limit + 1}; the extra row tells whether
 * there is a next page.
 */
public final class Cursor {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private Cursor() {}

  /** The id after which a page starts ("" for the first page). */
  public static String after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return "";
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("cursor", "problem.cursor");
    }
  }

  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw new DomainException.Invalid("limit", "problem.limit", MAX_LIMIT);
    }
    return requested;
  }

  /** A page of items and the cursor of the next page, or null at the end. */
  public record Page<T>(List<T> items, String next) {

    /** Builds a page from up to limit + 1 rows. */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> id) {
      if (rows.size() <= limit) {
        return new Page<>(rows, null);
      }
      List<T> items = rows.subList(0, limit);
      String last = id.apply(items.get(limit - 1));
      return new Page<>(List.copyOf(items), Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
