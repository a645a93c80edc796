package org.socius.people.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socius.people.Strength;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
  private final JdbcTemplate batch;
  private final TransactionTemplate tx;

  StrengthCache(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.tx = new TransactionTemplate(transactions);
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
   * Keeps computed strengths, as one batch in one transaction: a page that computes a hundred
   * (a people list or search after an hour) would otherwise commit a hundred times. An
   * interaction stored between the reading and this write (a narrow window) leaves the older
   * strength kept until it is an hour old.
   */
  void write(String workspaceId, Map<String, Strength> byPerson, long computedAt) {
    if (byPerson.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(byPerson.size());
    byPerson.forEach((id, s) -> rows.add(new Object[] {JSON.writeValueAsString(s), computedAt, workspaceId, id}));
    tx.executeWithoutResult(t ->
        batch.batchUpdate("UPDATE people SET strength_json = ?, strength_at = ? WHERE workspace_id = ? AND id = ?", rows));
  }
}
