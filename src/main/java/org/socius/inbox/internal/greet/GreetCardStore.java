package org.socius.inbox.internal.greet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socius.networks.Actor;
import org.socius.networks.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GreetCardStore {

  private final JdbcClient jdbc;

  GreetCardStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One card per follow event; false when it was made already. */
  boolean insert(String id, String workspaceId, String channelId, Network network, String eventId, Actor a, Instant followedAt,
      long now) {
    return jdbc.sql("""
        INSERT INTO greet_cards (id, workspace_id, channel_id, network, network_event_id, actor_remote_id, actor_handle, actor_name,
               bio_text, avatar_url, profile_url, followed_at, created_at)
        VALUES (:id, :ws, :channel, :network, :event, :remote, :handle, :name, :bio, :avatar, :profile, :followed, :now)
        ON CONFLICT (network_event_id) DO NOTHING""")
        .param("id", id).param("ws", workspaceId).param("channel", channelId).param("network", network.code())
        .param("event", eventId).param("remote", a.remoteId()).param("handle", clip(a.handle(), 300))
        .param("name", clip(a.displayName(), 300)).param("bio", a.bioText() == null ? "" : a.bioText())
        .param("avatar", clip(a.avatarUrl(), 2000)).param("profile", clip(a.profileUrl(), 2000))
        .param("followed", followedAt.toEpochMilli()).param("now", now).update() == 1;
  }

  Optional<GreetCard> find(String workspaceId, String id) {
    return jdbc.sql("SELECT * FROM greet_cards WHERE workspace_id = :ws AND id = :id").param("ws", workspaceId).param("id", id)
        .query(GreetCardStore::row).optional();
  }

  /** Cards in a state, newest follow first, after the cursor's (followed_at, id). */
  List<GreetCard> list(String workspaceId, GreetCard.State state, Long beforeAt, String beforeId, int limit) {
    String after = beforeAt == null ? "" : " AND (followed_at < :at OR (followed_at = :at AND id < :id))";
    var query = jdbc.sql("SELECT * FROM greet_cards WHERE workspace_id = :ws AND state = :state" + after
        + " ORDER BY followed_at DESC, id DESC LIMIT :limit")
        .param("ws", workspaceId).param("state", state.code()).param("limit", limit);
    if (beforeAt != null) {
      query = query.param("at", beforeAt).param("id", beforeId == null ? "" : beforeId);
    }
    return query.query(GreetCardStore::row).list();
  }

  /** The newest card of an account, to go from its inbox conversation to the card. */
  Optional<String> newestFor(String workspaceId, String handle) {
    return jdbc.sql("""
        SELECT id FROM greet_cards WHERE workspace_id = :ws AND actor_handle = :h ORDER BY followed_at DESC, id DESC LIMIT 1""")
        .param("ws", workspaceId).param("h", handle).query(String.class).optional();
  }

  long countOpen(String workspaceId) {
    return jdbc.sql("SELECT COUNT(*) FROM greet_cards WHERE workspace_id = :ws AND state = 'open'").param("ws", workspaceId)
        .query(Long.class).single();
  }

  /** Closes an open card; false when someone closed it first. */
  boolean close(String workspaceId, String id, GreetCard.State state, String memberId, String sentUrl, long now) {
    return jdbc.sql("""
        UPDATE greet_cards SET state = :state, closed_by = :member, closed_at = :now, sent_url = :url
         WHERE workspace_id = :ws AND id = :id AND state = 'open'""")
        .param("state", state.code()).param("member", memberId).param("now", now).param("url", sentUrl)
        .param("ws", workspaceId).param("id", id).update() == 1;
  }

  private static GreetCard row(ResultSet rs, int n) throws SQLException {
    long closed = rs.getLong("closed_at");
    Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
    return new GreetCard(rs.getString("id"), rs.getString("workspace_id"), rs.getString("channel_id"),
        Network.parse(rs.getString("network")), rs.getString("actor_remote_id"), rs.getString("actor_handle"),
        rs.getString("actor_name"), rs.getString("bio_text"), rs.getString("avatar_url"), rs.getString("profile_url"),
        GreetCard.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("closed_by"), closedAt,
        rs.getString("sent_url"), Instant.ofEpochMilli(rs.getLong("followed_at")));
  }

  private static String clip(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
