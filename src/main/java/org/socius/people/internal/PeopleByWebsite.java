package org.socius.people.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.socius.people.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People whose website is on a host, e.g. to credit the author of a shared page. The SQL narrows
 * by substring (no index serves a LIKE with a leading wildcard; the workspace's rows are read
 * through the indexes that start with workspace_id), and the host is then compared exactly, so
 * that "ann.example" does not match "joann.example" or "ann.example.org".
 */
@Repository
class PeopleByWebsite {

  static final int MAX = 20;

  private final JdbcClient jdbc;
  private final PersonStore people;

  PeopleByWebsite(JdbcClient jdbc, PersonStore people) {
    this.jdbc = jdbc;
    this.people = people;
  }

  /** @param host a host name; a leading "www." on either side is ignored */
  List<Person> find(String workspaceId, String host) {
    String wanted = bare(host);
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<String[]> candidates = jdbc.sql("""
        SELECT id, website FROM people
         WHERE workspace_id = :ws AND website <> '' AND LOWER(website) LIKE :pattern ESCAPE '!'
         ORDER BY created_at, id LIMIT 200""")
        .param("ws", workspaceId).param("pattern", "%" + wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    return candidates.stream().filter(c -> wanted.equals(bare(hostOf(c[1])))).limit(MAX)
        .map(c -> people.find(workspaceId, c[0]).orElse(null)).filter(Objects::nonNull).toList();
  }

  private static String hostOf(String website) {
    String w = website.strip();
    try {
      String h = URI.create(w.contains("://") ? w : "https://" + w).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String bare(String host) {
    String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }
}
