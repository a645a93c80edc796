package org.socius.networks.internal;

import java.time.Instant;
import java.util.Optional;
import org.socius.networks.PersonalMessages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What members sent to one person, kept for "once per key" and for finding form letters. */
@Repository
class PersonalMessageStore {

  record Row(String id, String workspaceId, String channelId, String memberId, String kind, boolean greeting,
      String recipientRemoteId, String recipientHandle, String text, String fingerprint, String replyTo, String idempotencyKey,
      String remoteId, String url, long sentAt) {

    PersonalMessages.Sent sent() {
      return new PersonalMessages.Sent(id, memberId, remoteId, url, Instant.ofEpochMilli(sentAt));
    }
  }

  /** An earlier message with the same fingerprint, to someone else. */
  record Earlier(String recipientHandle, long sentAt) {}

  private final JdbcClient jdbc;

  PersonalMessageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> byKey(String channelId, String key) {
    return jdbc.sql("SELECT * FROM personal_messages WHERE channel_id = :c AND idempotency_key = :k")
        .param("c", channelId).param("k", key).query(Row.class).optional();
  }

  Optional<Earlier> sameTextToSomeoneElse(String workspaceId, String fingerprint, String recipientRemoteId, long since) {
    return jdbc.sql("""
        SELECT recipient_handle, sent_at FROM personal_messages
         WHERE workspace_id = :ws AND fingerprint = :f AND sent_at >= :since AND recipient_remote_id <> :r
         ORDER BY sent_at DESC LIMIT 1""")
        .param("ws", workspaceId).param("f", fingerprint).param("since", since).param("r", recipientRemoteId)
        .query(Earlier.class).optional();
  }

  /** False when the key was recorded already (a concurrent double submit). */
  boolean insert(Row r) {
    return jdbc.sql("""
        INSERT INTO personal_messages (id, workspace_id, channel_id, member_id, kind, greeting, recipient_remote_id,
               recipient_handle, text, fingerprint, reply_to, idempotency_key, remote_id, url, sent_at)
        VALUES (:id, :ws, :channel, :member, :kind, :greeting, :recipient, :handle, :text, :fingerprint, :replyTo, :key,
               :remoteId, :url, :at)
        ON CONFLICT (channel_id, idempotency_key) DO NOTHING""")
        .param("id", r.id()).param("ws", r.workspaceId()).param("channel", r.channelId()).param("member", r.memberId())
        .param("kind", r.kind()).param("greeting", r.greeting()).param("recipient", r.recipientRemoteId())
        .param("handle", r.recipientHandle()).param("text", r.text()).param("fingerprint", r.fingerprint())
        .param("replyTo", r.replyTo()).param("key", r.idempotencyKey()).param("remoteId", r.remoteId()).param("url", r.url())
        .param("at", r.sentAt()).update() == 1;
  }
}
