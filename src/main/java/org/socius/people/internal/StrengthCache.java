package org.socius.people.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.socius.people.Strength;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each person's strength as last computed ({@code people.strength_json}, {@code strength_at}).
 * {@link InteractionStore} clears it whenever the person's interactions change, so what is read
 * here differs from a fresh computation only by the time passed since (see {@link PeopleDirectory#FRESH}).
 */
@Repository
class StrengthCache {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  StrengthCache(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The strengths of these people computed at or after that time. */
  Map<String, Strength> read(String workspaceId, Collection<String> personIds, long notBefore) {
    Map<String, Strength> found = new HashMap<>();
    if (personIds.isEmpty()) {
      return found;
    }
    jdbc.sql("""
        SELECT id, strength_json FROM people
         WHERE workspace_id = :ws AND id IN (:ids) AND strength_at >= :since AND strength_json IS NOT NULL""")
        .param("ws", workspaceId).param("ids", personIds).param("since", notBefore)
        .query(rs -> {
          found.put(rs.getString(1), JSON.readValue(rs.getString(2), Strength.class));
        });
    return found;
  }

  /**
   * Keeps a computed strength. An interaction stored between the reading and this write (a
   * narrow window) leaves the older strength kept until it is an hour old.
   */
  void write(String workspaceId, String personId, Strength strength, long computedAt) {
    jdbc.sql("UPDATE people SET strength_json = :json, strength_at = :at WHERE workspace_id = :ws AND id = :id")
        .param("json", JSON.writeValueAsString(strength)).param("at", computedAt).param("ws", workspaceId).param("id", personId)
        .update();
  }
}
