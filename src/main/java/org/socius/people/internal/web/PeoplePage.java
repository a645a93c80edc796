package org.socius.people.internal.web;

import java.util.List;

/** People: the list (searched and sorted), who is past due for keeping in touch, and the workspace's figures (-1 on a search, which shows neither). */
public record PeoplePage(String query, String sort, List<Row> people, List<Due> reconnect, long total, long genuine, boolean limited,
    boolean canEdit) {

  /** @param accounts the person's handles, e.g. "@ann@example.social, ann.bsky.social" */
  public record Row(String id, String name, String accounts, String tags, int score, String trend, String last, String lastIso) {}

  /** @param opener their latest post or message, to start from (untrusted text), or "" */
  public record Due(String id, String name, String accounts, long daysOverdue, int cadenceDays, String last, String lastIso,
      String opener, String openerUrl) {}
}
