package org.socius.publishing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor resumes a paused queue. Queued posts whose slot passed while it was paused move, in
 * their order, to the next free slots; posts set for a time that passed go now, unless they are
 * later than the missed window, which then asks for a decision.
 */
@Service
public class ResumeQueue {

  private final ChannelAccess channels;
  private final QueueStore queues;
  private final Placement placement;
  private final JdbcClient jdbc;
  private final Workspaces workspaces;
  private final Clock clock;

  ResumeQueue(ChannelAccess channels, QueueStore queues, Placement placement, JdbcClient jdbc, Workspaces workspaces, Clock clock) {
    this.channels = channels;
    this.queues = queues;
    this.placement = placement;
    this.jdbc = jdbc;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @Transactional
  public void resume(Member member, String channelId) {
    member.require(Role.EDITOR);
    channels.of(member, channelId);
    queues.resume(channelId);
    Instant now = clock.instant();
    ZoneId zone = workspaces.find(member.workspaceId()).orElseThrow().timeZone();
    var open = jdbc.sql("""
        SELECT d.id, d.in_queue, d.due_at FROM deliveries d JOIN posts p ON p.id = d.post_id
        WHERE d.channel_id = :c AND d.state IN ('scheduled', 'publishing', 'unknown') AND p.stage = 'ready' ORDER BY d.due_at, d.id""")
        .param("c", channelId).query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getLong(3)}).list();
    for (Object[] d : open) {
      String id = (String) d[0];
      Instant due = Instant.ofEpochMilli((Long) d[2]);
      if ((Boolean) d[1] && due.isBefore(now)) {
        jdbc.sql("UPDATE deliveries SET in_queue = FALSE WHERE id = :id").param("id", id).update();
        placement.schedule(id, placement.nextSlot(channelId, zone, now), true);
      } else {
        placement.schedule(id, due, (Boolean) d[1]);
      }
    }
  }
}
