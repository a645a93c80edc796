package org.socius.inbox.internal.digest;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who asked for the daily digest, with what a mail needs: their address, name and workspace.
 * The address and names are read from the team's tables (members, users, workspaces): the team
 * capability's public interface does not offer a member's e-mail address.
 */
@Repository
class DigestRecipients {

  /**
   * @param timeZone the member's chosen zone, or null for the workspace's
   * @param sentOn the member's local date of the last digest, or null
   */
  record Recipient(String memberId, String workspaceId, String workspaceSlug, String workspaceName, ZoneId workspaceZone,
      Locale locale, String email, String displayName, String timeZone, int digestHour, String sentOn) {

    ZoneId zone() {
      return timeZone == null ? workspaceZone : ZoneId.of(timeZone);
    }
  }

  private final JdbcClient jdbc;

  DigestRecipients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Recipient> all() {
    return jdbc.sql("""
        SELECT s.member_id, s.workspace_id, w.slug, w.name AS workspace_name, w.time_zone AS workspace_zone, w.locale,
               u.email, m.display_name, s.time_zone, s.digest_hour, s.digest_sent_on
          FROM notification_settings s
          JOIN members m ON m.id = s.member_id AND m.workspace_id = s.workspace_id
          JOIN users u ON u.id = m.user_id
          JOIN workspaces w ON w.id = s.workspace_id
         WHERE s.digest = :yes
         ORDER BY s.workspace_id, s.member_id""")
        .param("yes", true)
        .query((rs, n) -> new Recipient(rs.getString("member_id"), rs.getString("workspace_id"), rs.getString("slug"),
            rs.getString("workspace_name"), ZoneId.of(rs.getString("workspace_zone")), Locale.forLanguageTag(rs.getString("locale")),
            rs.getString("email"), rs.getString("display_name"), rs.getString("time_zone"), rs.getInt("digest_hour"),
            rs.getString("digest_sent_on")))
        .list();
  }
}
