package org.socius.inbox.internal.live;

import java.util.List;
import org.socius.platform.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table live_events. Readers follow it by id, so an id must never become visible after a
 * greater one: on PostgreSQL, where a sequence hands out ids before commit, appends take a
 * transaction-scoped advisory lock and so commit in id order; SQLite has one writer anyway.
 */
@Repository
public class LiveEventStore {

  /** Any constant: the lock that orders appends to live_events. */
  private static final long APPEND_LOCK = 0x11FE_EE17L;

  private final JdbcClient jdbc;
  private final Database database;
  private final TransactionTemplate ownTransaction; // nested: a savepoint inside a caller's transaction

  LiveEventStore(JdbcClient jdbc, Database database, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.database = database;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Stores an event: within the caller's transaction when there is one (as a savepoint, so that a
   * failure here leaves the caller's work alone), else in a transaction of its own. On PostgreSQL
   * the lock is then held until the caller commits; callers append just before they commit.
   */
  public void append(String workspaceId, String memberId, String kind, String payload, long now) {
    ownTransaction.executeWithoutResult(status -> {
      if (!database.isSqlite()) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query().listOfRows();
      }
      jdbc.sql("INSERT INTO live_events (workspace_id, member_id, kind, payload, created_at) VALUES (:ws, :m, :kind, :payload, :now)")
          .param("ws", workspaceId).param("m", memberId, java.sql.Types.VARCHAR).param("kind", kind).param("payload", payload)
          .param("now", now).update();
    });
  }

  /** The newest id, or 0. */
  public long latestId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM live_events").query(Long.class).single();
  }

  /** Events of every workspace after an id, oldest first: what a node pushes next. */
  public List<LiveEvent> after(long id, int limit) {
    return jdbc.sql("SELECT * FROM live_events WHERE id > :id ORDER BY id LIMIT :limit")
        .param("id", id).param("limit", limit).query(LiveEventStore::row).list();
  }

  /** A workspace's events after an id, oldest first: what a reconnecting browser missed. */
  public List<LiveEvent> after(String workspaceId, long id, int limit) {
    return jdbc.sql("SELECT * FROM live_events WHERE workspace_id = :ws AND id > :id ORDER BY id LIMIT :limit")
        .param("ws", workspaceId).param("id", id).param("limit", limit).query(LiveEventStore::row).list();
  }

  public int deleteBefore(long time) {
    return jdbc.sql("DELETE FROM live_events WHERE created_at < :t").param("t", time).update();
  }

  private static LiveEvent row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new LiveEvent(rs.getLong("id"), rs.getString("workspace_id"), rs.getString("member_id"), rs.getString("kind"),
        rs.getString("payload"), rs.getLong("created_at"));
  }
}
