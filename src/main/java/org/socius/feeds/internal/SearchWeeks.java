package org.socius.feeds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL: which weeks a search asks first. The GIN index finds a word's matches in no order,
 * and walking the items newest first reads every item's search vector until the page is full, so
 * for a word in one item of a few hundred both ways read thousands of rows (200 ms at a million
 * items). The search vector also holds the week of publication as a lexeme, 'week N' (V23), so the
 * index itself keeps only the matches of the latest weeks, and only they are read. A window that
 * does not fill the page is widened, and the last search has no window: the page is always the one
 * a search of all weeks lists.
 */
@Component
class SearchWeeks {

  /** A week in milliseconds: the unit of the 'week N' lexemes (N = published_at / WEEK, as in V23). */
  static final long WEEK = 7 * 86_400_000L;
  /** The widest window, in weeks; windows grow fourfold up to it. */
  private static final int WIDEST = 64;

  private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.e+]+)");

  private final JdbcClient jdbc;

  SearchWeeks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a search starts: how many weeks back (0: all weeks at once), and the oldest and newest publication times stored. */
  record Start(int weeks, long oldest, long newest) {}

  /**
   * How many weeks the first window reaches back: the fewest of 1, 4, 16 and 64 expected to fill
   * the page; or 0, to search all weeks at once, when walking the items newest first reads fewer
   * rows (about {@code take * items / matches}) than those weeks hold matches, or when not even 64
   * weeks are expected to fill the page. From PostgreSQL's estimates (the statistics of the columns,
   * no row read); without statistics (a new installation) all weeks at once. A word the statistics
   * do not know is rarer than all they do (a few hundred items at a million): reading its matches
   * at once costs less than asking for them week by week.
   */
  Start start(String words, int take) {
    Start stored = start(0);
    double items = estimate("TRUE", null, null);
    double matches = estimate("search @@ plainto_tsquery('simple', :v)", "v", words);
    // what the planner assumes of any word outside its statistics (no word of a search holds a space)
    double unknown = estimate("search @@ CAST(:v AS tsquery)", "v", "'no such word'");
    double lastWeek = estimate("published_at > :v", "v", stored.newest() - WEEK);
    return new Start(firstWeeks(items, matches, unknown, lastWeek, take), stored.oldest(), stored.newest());
  }

  /** A start the given number of weeks back. */
  Start start(int weeks) {
    return jdbc.sql("SELECT MIN(published_at), MAX(published_at) FROM feed_items")
        .query((rs, n) -> new Start(weeks, rs.getLong(1), rs.getLong(2))).single();
  }

  /** The weeks of {@link #start(String, int)} from the estimates: all items, matches, matches of an unknown word, items of the last week. */
  static int firstWeeks(double items, double matches, double unknown, double lastWeek, int take) {
    if (items < 1 || matches <= unknown) {
      return 0;
    }
    double perWeek = lastWeek * matches / items;
    double walk = take * items / matches;
    for (int n = 1; n <= WIDEST; n *= 4) {
      if (n * perWeek >= take) {
        return n * perWeek < walk ? n : 0;
      }
    }
    return 0;
  }

  /**
   * The windows to ask in turn, as tsqueries of weeks, from the start's weeks back from the newest
   * item listed (before the cursor's time and the filter's end) fourfold up to 64; none that would
   * already hold every item the filter lets through.
   */
  List<String> windows(Start start, ReadingList.Filter filter, Long cursorTime) {
    long top = start.newest();
    if (cursorTime != null) {
      top = Math.min(top, cursorTime);
    }
    if (filter.to() != null) {
      top = Math.min(top, filter.to().toEpochMilli() - 1);
    }
    long floor = filter.from() == null ? start.oldest() : Math.max(start.oldest(), filter.from().toEpochMilli());
    List<String> windows = new ArrayList<>();
    // n weeks back: the calendar weeks that cover them (integer division, as in V23)
    for (int n = Math.max(1, start.weeks()); n <= WIDEST && (top - n * WEEK) / WEEK > floor / WEEK; n *= 4) {
      windows.add(weeks((top - n * WEEK) / WEEK, top / WEEK));
    }
    return windows;
  }

  /** The tsquery for any of the weeks from {@code first} to {@code last}: 'week 2970' | 'week 2969' | … */
  static String weeks(long first, long last) {
    StringBuilder q = new StringBuilder();
    for (long w = last; w >= first; w--) {
      q.append(q.isEmpty() ? "" : " | ").append("'week ").append(w).append('\'');
    }
    return q.toString();
  }

  /** The planner's estimate of the items that meet the condition. */
  private double estimate(String condition, String name, Object value) {
    var spec = jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 FROM feed_items WHERE " + condition);
    String plan = (name == null ? spec : spec.param(name, value)).query(String.class).single();
    var m = PLAN_ROWS.matcher(plan);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
