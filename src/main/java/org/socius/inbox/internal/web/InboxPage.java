package org.socius.inbox.internal.web;

import java.util.List;
import java.util.Map;

/**
 * The inbox list with its filters.
 *
 * @param query the filters as they were asked for (empty: any), to keep them in links
 * @param next the query string of the next page, or empty at the end
 */
public record InboxPage(Map<String, String> query, List<Row> rows, String next, long open, Map<String, String> channels,
    String personName) {

  public String q(String name) {
    return query.getOrDefault(name, "");
  }

  /**
   * One conversation.
   *
   * @param type mention, reply, direct_message or new_follower
   * @param excerpt untrusted
   */
  public record Row(String id, String personName, String handle, String type, String channel, String excerpt, String state,
      String assignee, String when, String iso, int items) {}
}
