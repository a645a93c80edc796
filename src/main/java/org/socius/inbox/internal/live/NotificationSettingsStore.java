package org.socius.inbox.internal.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table notification_settings: one row per member who changed the defaults. */
@Repository
public class NotificationSettingsStore {

  private final JdbcClient jdbc;

  NotificationSettingsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The member's settings, or the defaults. */
  public NotificationSettings of(String workspaceId, String memberId) {
    return find(workspaceId, memberId).orElseGet(() -> NotificationSettings.defaults(memberId, workspaceId));
  }

  public Optional<NotificationSettings> find(String workspaceId, String memberId) {
    return jdbc.sql("SELECT * FROM notification_settings WHERE workspace_id = :ws AND member_id = :m")
        .param("ws", workspaceId).param("m", memberId).query(NotificationSettingsStore::row).optional();
  }

  /** The settings of these members (the defaults for those without a row), in one query. */
  public Map<String, NotificationSettings> of(String workspaceId, Collection<String> memberIds) {
    Map<String, NotificationSettings> result = new HashMap<>();
    if (memberIds.isEmpty()) {
      return result;
    }
    jdbc.sql("SELECT * FROM notification_settings WHERE workspace_id = :ws AND member_id IN (:ids)")
        .param("ws", workspaceId).param("ids", List.copyOf(memberIds)).query(NotificationSettingsStore::row).list()
        .forEach(s -> result.put(s.memberId(), s));
    memberIds.forEach(id -> result.computeIfAbsent(id, m -> NotificationSettings.defaults(m, workspaceId)));
    return result;
  }

  /** Everyone who asked for the daily digest, across workspaces. */
  public List<NotificationSettings> withDigest() {
    return jdbc.sql("SELECT * FROM notification_settings WHERE digest = :yes ORDER BY workspace_id, member_id")
        .param("yes", true).query(NotificationSettingsStore::row).list();
  }

  public void save(NotificationSettings s, long now) {
    var q = s.quiet();
    jdbc.sql("""
        INSERT INTO notification_settings (member_id, workspace_id, on_screen, mention, reply, direct_message, new_follower,
          assigned, quiet_start, quiet_end, time_zone, digest, digest_hour, updated_at)
        VALUES (:m, :ws, :screen, :mention, :reply, :dm, :follower, :assigned, :qs, :qe, :tz, :digest, :hour, :now)
        ON CONFLICT (member_id) DO UPDATE SET on_screen = excluded.on_screen, mention = excluded.mention,
          reply = excluded.reply, direct_message = excluded.direct_message, new_follower = excluded.new_follower,
          assigned = excluded.assigned, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
          time_zone = excluded.time_zone, digest = excluded.digest, digest_hour = excluded.digest_hour,
          updated_at = excluded.updated_at""")
        .param("m", s.memberId()).param("ws", s.workspaceId()).param("screen", s.onScreen())
        .param("mention", s.wants(NotificationKind.MENTION)).param("reply", s.wants(NotificationKind.REPLY))
        .param("dm", s.wants(NotificationKind.DIRECT_MESSAGE)).param("follower", s.wants(NotificationKind.NEW_FOLLOWER))
        .param("assigned", s.wants(NotificationKind.ASSIGNED))
        .param("qs", q == null ? null : q.start().toSecondOfDay() / 60, java.sql.Types.INTEGER)
        .param("qe", q == null ? null : q.end().toSecondOfDay() / 60, java.sql.Types.INTEGER)
        .param("tz", s.timeZone() == null ? null : s.timeZone().getId(), java.sql.Types.VARCHAR)
        .param("digest", s.digest()).param("hour", s.digestHour()).param("now", now).update();
  }

  /**
   * Claims today's digest for a member: true for exactly one caller per local date, however many
   * nodes ask at once (the row is updated only while it still names another date).
   */
  public boolean claimDigest(String memberId, String localDate) {
    return jdbc.sql("""
        UPDATE notification_settings SET digest_sent_on = :day
         WHERE member_id = :m AND digest = :yes AND (digest_sent_on IS NULL OR digest_sent_on <> :day)""")
        .param("day", localDate).param("m", memberId).param("yes", true).update() == 1;
  }

  /** Gives a claim back after the mail could not be sent, so that a later run tries again. */
  public void releaseDigest(String memberId, String localDate, String previous) {
    jdbc.sql("UPDATE notification_settings SET digest_sent_on = :previous WHERE member_id = :m AND digest_sent_on = :day")
        .param("previous", previous, java.sql.Types.VARCHAR).param("m", memberId).param("day", localDate).update();
  }

  public Optional<String> digestSentOn(String memberId) {
    return jdbc.sql("SELECT digest_sent_on FROM notification_settings WHERE member_id = :m").param("m", memberId)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
  }

  private static NotificationSettings row(ResultSet rs, int n) throws SQLException {
    EnumSet<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    if (rs.getBoolean("mention")) {
      kinds.add(NotificationKind.MENTION);
    }
    if (rs.getBoolean("reply")) {
      kinds.add(NotificationKind.REPLY);
    }
    if (rs.getBoolean("direct_message")) {
      kinds.add(NotificationKind.DIRECT_MESSAGE);
    }
    if (rs.getBoolean("new_follower")) {
      kinds.add(NotificationKind.NEW_FOLLOWER);
    }
    if (rs.getBoolean("assigned")) {
      kinds.add(NotificationKind.ASSIGNED);
    }
    int qs = rs.getInt("quiet_start");
    boolean noStart = rs.wasNull();
    int qe = rs.getInt("quiet_end");
    boolean noEnd = rs.wasNull();
    var quiet = noStart || noEnd ? null
        : new NotificationSettings.QuietHours(LocalTime.ofSecondOfDay(qs * 60L), LocalTime.ofSecondOfDay(qe * 60L));
    String tz = rs.getString("time_zone");
    return new NotificationSettings(rs.getString("member_id"), rs.getString("workspace_id"), rs.getBoolean("on_screen"), kinds,
        quiet, tz == null ? null : ZoneId.of(tz), rs.getBoolean("digest"), rs.getInt("digest_hour"));
  }
}
