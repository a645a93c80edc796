package org.socius.networks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socius.networks.Channel;
import org.socius.networks.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels table. Credentials are read and written only here, always sealed. */
@Repository
public class ChannelStore {

  private static final String COLUMNS = "id, workspace_id, network, remote_id, handle, display_name, avatar_url, profile_url, "
      + "service_url, status, status_detail, rate_limited_until, last_sync_at, followers_imported, import_done";

  /** What the sync needs besides the public view. */
  public record SyncState(String activityState, String followersCursor, boolean importDone, String sealedCredentials,
      String relistCursor, Long relistStartedAt, Long relistedAt) {}

  private final JdbcClient jdbc;

  ChannelStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static Channel map(ResultSet rs, int row) throws SQLException {
    long limited = rs.getLong("rate_limited_until");
    boolean hasLimit = !rs.wasNull();
    long synced = rs.getLong("last_sync_at");
    boolean hasSync = !rs.wasNull();
    return new Channel(rs.getString("id"), rs.getString("workspace_id"), Network.parse(rs.getString("network")),
        rs.getString("remote_id"), rs.getString("handle"), rs.getString("display_name"), rs.getString("avatar_url"),
        rs.getString("profile_url"), rs.getString("service_url"),
        Channel.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("status_detail"),
        hasLimit ? Instant.ofEpochMilli(limited) : null, hasSync ? Instant.ofEpochMilli(synced) : null,
        rs.getLong("followers_imported"), rs.getBoolean("import_done"));
  }

  public void insert(Channel c, String sealedCredentials, long now) {
    jdbc.sql("""
        INSERT INTO channels (id, workspace_id, network, remote_id, handle, display_name, avatar_url, profile_url, service_url,
                              credentials, created_at)
        VALUES (:id, :ws, :network, :remote, :handle, :name, :avatar, :profile, :service, :creds, :now)""")
        .param("id", c.id()).param("ws", c.workspaceId()).param("network", c.network().code()).param("remote", c.remoteId())
        .param("handle", c.handle()).param("name", c.displayName()).param("avatar", c.avatarUrl()).param("profile", c.profileUrl())
        .param("service", c.serviceUrl()).param("creds", sealedCredentials).param("now", now).update();
  }

  public Optional<Channel> find(String workspaceId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE workspace_id = :ws AND id = :id")
        .param("ws", workspaceId).param("id", id).query(ChannelStore::map).optional();
  }

  /** For background work, which starts from a channel id alone. */
  public Optional<Channel> findForJob(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE id = :id").param("id", id).query(ChannelStore::map).optional();
  }

  public Optional<Channel> findByRemote(String workspaceId, Network network, String remoteId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE workspace_id = :ws AND network = :n AND remote_id = :r")
        .param("ws", workspaceId).param("n", network.code()).param("r", remoteId).query(ChannelStore::map).optional();
  }

  public List<Channel> ofWorkspace(String workspaceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE workspace_id = :ws ORDER BY id")
        .param("ws", workspaceId).query(ChannelStore::map).list();
  }

  public SyncState syncState(String id) {
    return jdbc.sql("""
        SELECT activity_state, followers_cursor, import_done, credentials, relist_cursor, relist_started_at, relisted_at
          FROM channels WHERE id = :id""")
        .param("id", id).query((rs, n) -> new SyncState(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
            rs.getString(5), nullableLong(rs, 6), nullableLong(rs, 7))).single();
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  // A sync or publish still in flight when the channel is disconnected must bring back neither
  // its secrets nor a status: every write of the background work skips a disconnected channel.
  public void replaceCredentials(String id, String sealed) {
    jdbc.sql("UPDATE channels SET credentials = :c WHERE id = :id AND status <> 'disconnected'").param("c", sealed).param("id", id).update();
  }

  public void reconnected(String id, String sealed, String handle, String name, String avatar, String profile) {
    jdbc.sql("""
        UPDATE channels SET credentials = :c, handle = :handle, display_name = :name, avatar_url = :avatar, profile_url = :profile,
               status = 'connected', status_detail = '', rate_limited_until = NULL
         WHERE id = :id""")
        .param("c", sealed).param("handle", handle).param("name", name).param("avatar", avatar).param("profile", profile)
        .param("id", id).update();
  }

  public void activityState(String id, String state) {
    jdbc.sql("UPDATE channels SET activity_state = :s WHERE id = :id").param("s", state).param("id", id).update();
  }

  public void followersProgress(String id, String cursor, long added, boolean done, long now) {
    jdbc.sql("""
        UPDATE channels SET followers_cursor = :cursor, followers_imported = followers_imported + :added, import_done = :done,
               relisted_at = CASE WHEN :done THEN :now ELSE relisted_at END
         WHERE id = :id""")
        .param("cursor", cursor).param("added", added).param("done", done).param("now", now).param("id", id).update();
  }

  /** Progress of the periodic full follower listing; a null cursor with a start time means it is complete. */
  public void relistProgress(String id, String cursor, Long startedAt, Long relistedAt) {
    jdbc.sql("UPDATE channels SET relist_cursor = :cursor, relist_started_at = :started, relisted_at = COALESCE(:done, relisted_at) WHERE id = :id")
        .param("cursor", cursor).param("started", startedAt).param("done", relistedAt).param("id", id).update();
  }

  public void status(String id, Channel.Status status, String detail, Instant rateLimitedUntil) {
    jdbc.sql("UPDATE channels SET status = :s, status_detail = :d, rate_limited_until = :until WHERE id = :id AND status <> 'disconnected'")
        .param("s", status.name().toLowerCase(Locale.ROOT)).param("d", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
        .param("until", rateLimitedUntil == null ? null : rateLimitedUntil.toEpochMilli()).param("id", id).update();
  }

  /** A sync went through: the account is connected, failures are forgotten. */
  public void synced(String id, long now) {
    jdbc.sql("UPDATE channels SET last_sync_at = :now, failures = 0, status = 'connected', status_detail = '', rate_limited_until = NULL "
        + "WHERE id = :id AND status <> 'disconnected'").param("now", now).param("id", id).update();
  }

  /** Counts a failed sync and returns how many failed in a row. */
  public int failed(String id, String detail) {
    jdbc.sql("UPDATE channels SET failures = failures + 1, status = 'error', status_detail = :d WHERE id = :id AND status <> 'disconnected'")
        .param("d", detail.length() > 1000 ? detail.substring(0, 1000) : detail).param("id", id).update();
    return jdbc.sql("SELECT failures FROM channels WHERE id = :id").param("id", id).query(Integer.class).single();
  }

  public void profile(String id, String handle, String name, String avatar, String profile) {
    jdbc.sql("UPDATE channels SET handle = :handle, display_name = :name, avatar_url = :avatar, profile_url = :profile WHERE id = :id")
        .param("handle", handle).param("name", name).param("avatar", avatar).param("profile", profile).param("id", id).update();
  }

  /** Erases the credentials; the channel's history stays. */
  public boolean disconnect(String workspaceId, String id) {
    return jdbc.sql("UPDATE channels SET credentials = '', status = 'disconnected', status_detail = '', rate_limited_until = NULL "
        + "WHERE workspace_id = :ws AND id = :id AND status <> 'disconnected'").param("ws", workspaceId).param("id", id).update() == 1;
  }
}
