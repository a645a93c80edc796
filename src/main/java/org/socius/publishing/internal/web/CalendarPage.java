package org.socius.publishing.internal.web;

import java.util.List;
import org.socius.networks.Channel;

/**
 * A week (one row of seven days) or a month (its weeks, days of the neighbouring months greyed)
 * of posts, with links to move through time.
 */
public record CalendarPage(String view, String title, String prev, String next, String today, String weekLink, String monthLink,
    List<Channel> channels, String filter, List<String> weekdays, List<List<Cell>> weeks) {

  /** One day, named in full and in short (for narrow grid cells); {@code outside} for a day of the month before or after. */
  public record Cell(String label, String shortLabel, String iso, boolean outside, boolean isToday, List<Entry> entries) {}

  /** One post on one channel, at its time, in its state. */
  public record Entry(String time, String iso, String channel, String state, String kind, String text, String remoteUrl,
      String editHref) {}

  public boolean month() {
    return "month".equals(view);
  }
}
