package org.socius.inbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socius.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each answer we gave to words of theirs, timed from their first unanswered item. */
@Repository
public class ResponseStore {

  /** An answer: who gave it and how long they waited. */
  public record Response(String memberId, Instant askedAt, Instant answeredAt, Duration took) {}

  private final JdbcClient jdbc;

  ResponseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String id, String workspaceId, String conversationId, String memberId, long askedAt, long answeredAt) {
    jdbc.sql("""
        INSERT INTO inbox_responses (id, workspace_id, conversation_id, member_id, asked_at, answered_at, millis)
        VALUES (:id, :ws, :c, :member, :asked, :answered, :millis)""")
        .param("id", id).param("ws", workspaceId).param("c", conversationId).param("member", memberId).param("asked", askedAt)
        .param("answered", answeredAt).param("millis", Math.max(0, answeredAt - askedAt)).update();
  }

  /** The conversation's first response. */
  public Optional<Response> first(String workspaceId, String conversationId) {
    return jdbc.sql("""
        SELECT member_id, asked_at, answered_at, millis FROM inbox_responses WHERE workspace_id = :ws AND conversation_id = :c
         ORDER BY answered_at LIMIT 1""")
        .param("ws", workspaceId).param("c", conversationId)
        .query((rs, n) -> new Response(rs.getString("member_id"), Instant.ofEpochMilli(rs.getLong("asked_at")),
            Instant.ofEpochMilli(rs.getLong("answered_at")), Duration.ofMillis(rs.getLong("millis"))))
        .optional();
  }

  /** How many answers in the period and their median, read as the middle row(s) by the index on answer time. */
  Inbox.ResponseTimes times(String workspaceId, long from, long to) {
    long count = jdbc.sql("SELECT COUNT(*) FROM inbox_responses WHERE workspace_id = :ws AND answered_at >= :from AND answered_at < :to")
        .param("ws", workspaceId).param("from", from).param("to", to).query(Long.class).single();
    if (count == 0) {
      return new Inbox.ResponseTimes(0, null);
    }
    List<Long> middle = jdbc.sql("""
        SELECT millis FROM inbox_responses WHERE workspace_id = :ws AND answered_at >= :from AND answered_at < :to
         ORDER BY millis LIMIT :n OFFSET :skip""")
        .param("ws", workspaceId).param("from", from).param("to", to).param("n", count % 2 == 0 ? 2 : 1)
        .param("skip", (count - 1) / 2).query(Long.class).list();
    long median = middle.size() == 2 ? (middle.get(0) + middle.get(1)) / 2 : middle.get(0);
    return new Inbox.ResponseTimes(count, Duration.ofMillis(median));
  }
}
