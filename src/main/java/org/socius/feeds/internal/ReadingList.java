package org.socius.feeds.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.socius.feeds.internal.parse.HtmlSanitizer;
import org.socius.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reading views (all, by category, by feed, unread, starred) for one member, newest first,
 * in pages. The query cannot be made without the workspace and the member.
 */
@Repository
public class ReadingList {

  public enum Show {
    ALL,
    UNREAD,
    STARRED;

    public static Show parse(String text) {
      if (text == null || text.isBlank()) {
        return UNREAD;
      }
      return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "all" -> ALL;
        case "unread" -> UNREAD;
        case "starred" -> STARRED;
        default -> throw new DomainException.Invalid("show", "feeds.problem.show");
      };
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What to list: one subscription or one category (or neither), which items, and optionally
   * the words to search for in titles, authors and content and a range of publication times.
   */
  public record Filter(Show show, String subscriptionId, String categoryId, String query, Instant from, Instant to) {
    public Filter(Show show, String subscriptionId, String categoryId) {
      this(show, subscriptionId, categoryId, null, null, null);
    }
  }

  /** One line of the list. */
  public record Entry(String id, String subscriptionId, String feedTitle, String title, String url, String author, String excerpt,
      Instant publishedAt, boolean read, boolean starred) {}

  public record Page(List<Entry> entries, String next) {}

  private static final int EXCERPT = 280;

  private static final String COLUMNS = """
      SELECT i.id, s.id AS sub_id, COALESCE(NULLIF(s.title, ''), NULLIF(f.title, ''), f.url) AS feed_title, i.title, i.url,
        i.author, SUBSTR(CASE WHEN i.summary = '' THEN i.content ELSE i.summary END, 1, 3000) AS body, i.published_at,
        st.read_at, st.starred_at
      """;

  private final JdbcClient jdbc;
  private final org.socius.platform.Database database;
  private final SearchWeeks searchWeeks;

  ReadingList(JdbcClient jdbc, org.socius.platform.Database database, SearchWeeks searchWeeks) {
    this.jdbc = jdbc;
    this.database = database;
    this.searchWeeks = searchWeeks;
  }

  public Page page(String workspaceId, String memberId, Filter filter, String cursor, int limit) {
    return page(workspaceId, memberId, filter, cursor, limit, null);
  }

  /** A page the given way (null: the way the number of matches suggests). */
  Page page(String workspaceId, String memberId, Filter filter, String cursor, int limit, Plan chosen) {
    String words = filter.query() == null ? null : searchTerms(filter.query());
    int take = limit + 1;
    Scope scope = words == null ? scope(workspaceId, memberId, filter) : null;
    if (scope != null && filter.show() == Show.UNREAD) {
      // the kept counts say how many unread items there are at most: none needs no query, and a
      // few let the walk stop once it has met them instead of reading every read item after them
      long unread = scope.items() - scope.read();
      if (unread <= 0) {
        return new Page(List.of(), null);
      }
      take = (int) Math.min(take, unread);
    }
    SearchWeeks.Start start = null;
    Plan plan;
    if (chosen != null) {
      plan = chosen;
    } else if (!database.isSqlite()) {
      start = words == null ? null : searchWeeks.start(words, take);
      plan = start != null && start.weeks() > 0 ? Plan.NEWEST_WEEKS : Plan.PLANNER;
    } else {
      plan = words != null ? plan(words, filter)
          // starred, when they are few: the member's starred items through their own index, then sorted
          : filter.show() == Show.STARRED && fewStarred(memberId, scope, take) ? Plan.STARRED_FIRST
          // browsing: one feed's items through its own index; a few thousand items sorted; more walked newest first
          : filter.subscriptionId() != null || scope.items() < FEW_TO_SORT ? Plan.PLANNER : Plan.NEWEST_FIRST_LIST;
    }
    String[] after = cursor == null || cursor.isBlank() ? null : decode(cursor);
    List<Entry> rows = null;
    if (plan == Plan.NEWEST_WEEKS && words != null) {
      // the latest weeks first, widened until a window fills the page (SearchWeeks)
      Long cursorTime = after == null ? null : Long.valueOf(after[0]);
      for (String weeks : searchWeeks.windows(start != null ? start : searchWeeks.start(1), filter, cursorTime)) {
        List<Entry> found = rows(workspaceId, memberId, filter, words, plan, after, take, weeks);
        if (found.size() >= take) {
          rows = found;
          break;
        }
      }
    }
    if (rows == null) {
      rows = rows(workspaceId, memberId, filter, words, plan, after, take, null);
    }
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    Entry last = rows.get(limit - 1);
    return new Page(List.copyOf(rows.subList(0, limit)), encode(last.publishedAt().toEpochMilli() + ":" + last.id()));
  }

  /** A page of at most {@code take} items found the given way, on PostgreSQL within the given weeks (a tsquery) when not null. */
  private List<Entry> rows(String workspaceId, String memberId, Filter filter, String words, Plan plan, String[] after, int take,
      String weeks) {
    boolean postgres = !database.isSqlite();
    // PostgreSQL finds the page's items first and reads their wide columns after: reading them for
    // every match before the sort (thousands for a medium word) cost more than the search
    StringBuilder sql = new StringBuilder(postgres ? "SELECT i.id AS page_item, s.id AS page_sub\n" : COLUMNS);
    if (plan == Plan.STARRED_FIRST) {
      // CROSS JOIN keeps SQLite to this order: the member's starred states (feed_item_states_starred), then their items
      sql.append("""
          FROM feed_item_states st CROSS JOIN feed_items i CROSS JOIN feed_subscriptions s JOIN feeds f ON f.id = s.feed_id
          WHERE st.member_id = :member AND st.starred_at IS NOT NULL AND i.id = st.item_id
            AND s.workspace_id = :ws AND s.feed_id = i.feed_id""");
    } else {
      // CROSS JOIN makes SQLite walk all items newest first (feed_items_by_published) and stop at the limit
      sql.append(plan == Plan.NEWEST_FIRST_LIST || plan == Plan.NEWEST_FIRST_PROBE
          ? "FROM feed_items i CROSS JOIN feed_subscriptions s JOIN feeds f ON f.id = s.feed_id"
          : "FROM feed_subscriptions s JOIN feeds f ON f.id = s.feed_id JOIN feed_items i ON i.feed_id = s.feed_id");
      sql.append("""

          LEFT JOIN feed_item_states st ON st.item_id = i.id AND st.member_id = :member
          WHERE s.workspace_id = :ws AND s.feed_id = i.feed_id""");
    }
    if (filter.subscriptionId() != null) {
      sql.append(" AND s.id = :sub");
    }
    if (filter.categoryId() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM feed_subscription_categories sc WHERE sc.subscription_id = s.id AND sc.category_id = :cat)");
    }
    if (filter.show() == Show.UNREAD && postgres) {
      // an anti-join the planner can stop early, where the outer join's filter made it hash every state of the member
      sql.append(" AND NOT EXISTS (SELECT 1 FROM feed_item_states r WHERE r.member_id = :member AND r.item_id = i.id AND r.read_at IS NOT NULL)");
    } else if (filter.show() == Show.UNREAD) {
      sql.append(" AND st.read_at IS NULL");
    } else if (filter.show() == Show.STARRED) {
      sql.append(" AND st.starred_at IS NOT NULL");
    }
    if (words != null) {
      sql.append(switch (plan) {
        case PLANNER, NEWEST_WEEKS -> " AND i.search @@ plainto_tsquery('simple', :q)";
        case MATCHES_FIRST -> " AND i.rowid IN (SELECT rowid FROM feed_items_fts WHERE feed_items_fts MATCH :q)";
        // the unary + keeps SQLite from driving the query by this list: it is looked up, item by item
        case NEWEST_FIRST_LIST, FEED_LIST -> " AND +i.rowid IN (SELECT rowid FROM feed_items_fts WHERE feed_items_fts MATCH :q)";
        case NEWEST_FIRST_PROBE, FEED_PROBE, STARRED_FIRST ->
            " AND EXISTS (SELECT 1 FROM feed_items_fts WHERE feed_items_fts MATCH :q AND feed_items_fts.rowid = i.rowid)";
      });
    }
    if (filter.from() != null) {
      sql.append(" AND i.published_at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" AND i.published_at < :to");
    }
    if (weeks != null) {
      sql.append(" AND i.search @@ CAST(:weeks AS tsquery)");
    }
    if (after != null) {
      sql.append(" AND (i.published_at < :t OR (i.published_at = :t AND i.id < :afterId))");
    }
    sql.append(" ORDER BY i.published_at DESC, i.id DESC LIMIT :limit");
    if (postgres) {
      sql.insert(0, COLUMNS + "FROM (").append("""
          ) page JOIN feed_items i ON i.id = page.page_item JOIN feed_subscriptions s ON s.id = page.page_sub
            JOIN feeds f ON f.id = s.feed_id LEFT JOIN feed_item_states st ON st.item_id = i.id AND st.member_id = :member
          ORDER BY i.published_at DESC, i.id DESC""");
    }
    var spec = jdbc.sql(sql.toString()).param("ws", workspaceId).param("member", memberId).param("limit", take);
    if (filter.subscriptionId() != null) {
      spec = spec.param("sub", filter.subscriptionId());
    }
    if (filter.categoryId() != null) {
      spec = spec.param("cat", filter.categoryId());
    }
    if (after != null) {
      spec = spec.param("t", Long.parseLong(after[0])).param("afterId", after[1]);
    }
    if (weeks != null) {
      spec = spec.param("weeks", weeks);
    }
    if (words != null) {
      spec = spec.param("q", words);
    }
    if (filter.from() != null) {
      spec = spec.param("from", filter.from().toEpochMilli());
    }
    if (filter.to() != null) {
      spec = spec.param("to", filter.to().toEpochMilli());
    }
    return spec.query(ReadingList::entry).list();
  }

  /**
   * How SQLite finds the newest items with every word. Which way is fast depends on how many
   * items have the words, which FTS5 counts cheaply up to a bound (it reads only its own index):
   * a few thousand are looked up and sorted; more are cheaper to meet while walking the items
   * newest first until the page is full, checking each against the list of matches (up to
   * {@link #MANY}) or, for the commonest words, asking the index about that one item. Within one
   * feed, the feed's own items are walked. PostgreSQL's planner makes this choice itself.
   */
  enum Plan {
    /** PostgreSQL: the GIN match, and the planner chooses between it and feed_items_by_published. */
    PLANNER,
    /** PostgreSQL: as {@link #PLANNER}, within the latest weeks first ({@link SearchWeeks}). */
    NEWEST_WEEKS,
    /** The matches looked up one by one, then sorted. */
    MATCHES_FIRST,
    /** All items newest first, each checked against the list of matches. */
    NEWEST_FIRST_LIST,
    /** All items newest first, each checked against the index. */
    NEWEST_FIRST_PROBE,
    /** One feed's items newest first, each checked against the list of matches. */
    FEED_LIST,
    /** One feed's items newest first, each checked against the index. */
    FEED_PROBE,
    /** Starred items only: the member's starred states first, then sorted (a member stars a few of many items). */
    STARRED_FIRST
  }

  /** Browsing without words, up to this many items in the feeds listed are sorted rather than walked. */
  static final int FEW_TO_SORT = 20_000;

  /**
   * Whether sorting the member's starred items costs less than walking the items newest first until
   * the page has its starred ones: a walk meets one starred item in (items / starred) and handles a
   * row about five times faster than the sort does (measured at a million items).
   */
  private boolean fewStarred(String memberId, Scope scope, int take) {
    long starred = jdbc.sql("SELECT COUNT(*) FROM feed_item_states WHERE member_id = :member AND starred_at IS NOT NULL")
        .param("member", memberId).query(Long.class).single();
    return starred == 0 || (double) scope.items() / starred * take > 5.0 * starred;
  }

  /** How many items the feeds listed hold, and how many of them the member has read (kept counts, {@link ReadCounts}). */
  record Scope(long items, long read) {}

  private Scope scope(String workspaceId, String memberId, Filter filter) {
    SubscriptionScope scope = new SubscriptionScope(workspaceId, filter.subscriptionId(), filter.categoryId());
    return scope.bind(jdbc.sql("""
        SELECT COALESCE(SUM(f.item_count), 0), COALESCE(SUM(rc.read_count), 0) FROM feed_subscriptions s
          JOIN feeds f ON f.id = s.feed_id
          LEFT JOIN feed_read_counts rc ON rc.member_id = :member AND rc.feed_id = s.feed_id
         WHERE\s""" + scope.where())).param("member", memberId).query((rs, n) -> new Scope(rs.getLong(1), rs.getLong(2))).single();
  }

  /** Up to this many matches, the matches are looked up one by one and sorted. */
  static final int FEW = 2_000;
  /** From this many matches on, each item walked is checked against the index alone. */
  static final int MANY = 100_000;

  private Plan plan(String words, Filter filter) {
    int matches = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM feed_items_fts WHERE feed_items_fts MATCH :q LIMIT :bound)")
        .param("q", words).param("bound", MANY).query(Integer.class).single();
    if (matches < FEW) {
      return Plan.MATCHES_FIRST;
    }
    if (filter.subscriptionId() != null) {
      return matches < MANY ? Plan.FEED_LIST : Plan.FEED_PROBE;
    }
    return matches < MANY ? Plan.NEWEST_FIRST_LIST : Plan.NEWEST_FIRST_PROBE;
  }

  /**
   * The words of a search, as the database's query language wants them: every word must occur.
   * For FTS5 each word is quoted, so that no input is read as query syntax; PostgreSQL's
   * plainto_tsquery reads plain words already. Null when there is no word.
   */
  String searchTerms(String query) {
    String q = query.strip();
    if (q.isEmpty()) {
      return null;
    }
    if (q.length() > 200) {
      throw new DomainException.Invalid("q", "feeds.problem.search");
    }
    if (!database.isSqlite()) {
      return q;
    }
    StringBuilder out = new StringBuilder();
    for (String word : q.split("[\\s\\p{Punct}&&[^'_-]]+")) {
      if (!word.isBlank()) {
        out.append(out.length() == 0 ? "" : " ").append('"').append(word.replace("\"", "\"\"")).append('"');
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static String encode(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
      Long.parseLong(parts[0]);
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("cursor", "problem.cursor");
    }
  }

  private static Entry entry(ResultSet rs, int n) throws SQLException {
    rs.getLong("read_at");
    boolean read = !rs.wasNull();
    rs.getLong("starred_at");
    boolean starred = !rs.wasNull();
    String text = HtmlSanitizer.text(rs.getString("body")).strip();
    if (text.length() > EXCERPT) {
      text = text.substring(0, EXCERPT).strip() + "…";
    }
    return new Entry(rs.getString("id"), rs.getString("sub_id"), rs.getString("feed_title"), rs.getString("title"),
        rs.getString("url"), rs.getString("author"), text, Instant.ofEpochMilli(rs.getLong("published_at")), read, starred);
  }
}
