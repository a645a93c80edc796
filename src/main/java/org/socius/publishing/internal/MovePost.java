package org.socius.publishing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor moves a scheduled post on one channel: one place earlier or later in the queue
 * (swapping slots with its neighbour), into a free posting slot, or to a chosen time.
 */
@Service
public class MovePost {

  private final PostStore posts;
  private final QueueStore queues;
  private final Placement placement;
  private final JdbcClient jdbc;
  private final Workspaces workspaces;
  private final Clock clock;

  MovePost(PostStore posts, QueueStore queues, Placement placement, JdbcClient jdbc, Workspaces workspaces, Clock clock) {
    this.posts = posts;
    this.queues = queues;
    this.placement = placement;
    this.jdbc = jdbc;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** Swaps with the previous (earlier = true) or next queued post of the channel. */
  @Transactional
  public void step(Member member, String deliveryId, boolean earlier) {
    DeliveryView d = movable(member, deliveryId);
    if (!d.inQueue()) {
      throw new DomainException.Invalid("delivery", "problem.not-in-queue");
    }
    var neighbour = jdbc.sql("SELECT id, due_at FROM deliveries WHERE channel_id = :c AND in_queue AND state = 'scheduled' AND due_at "
        + (earlier ? "< :due AND due_at > :now ORDER BY due_at DESC" : "> :due ORDER BY due_at") + " LIMIT 1")
        .param("c", d.channelId()).param("due", d.dueAt().toEpochMilli()).param("now", clock.millis())
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).optional()
        .orElseThrow(() -> new DomainException.Invalid("delivery", earlier ? "problem.queue-first" : "problem.queue-last"));
    String other = (String) neighbour[0];
    Instant otherDue = Instant.ofEpochMilli((Long) neighbour[1]);
    // free the slot first: one queued post per slot holds at every statement
    jdbc.sql("UPDATE deliveries SET due_at = NULL WHERE id = :id").param("id", deliveryId).update();
    placement.schedule(other, d.dueAt(), true);
    placement.schedule(deliveryId, otherDue, true);
  }

  /** Into a free posting slot of the channel. */
  @Transactional
  public void toSlot(Member member, String deliveryId, Instant slot) {
    DeliveryView d = movable(member, deliveryId);
    ZoneId zone = workspaces.find(member.workspaceId()).orElseThrow().timeZone();
    var upcoming = PostingSchedule.upcoming(queues.slots(d.channelId()), zone, clock.instant(), slot);
    if (slot == null || !upcoming.contains(slot)) {
      throw new DomainException.Invalid("at", "problem.not-a-slot");
    }
    if (queues.taken(d.channelId(), slot).contains(slot) && !(d.inQueue() && slot.equals(d.dueAt()))) {
      throw new DomainException.Invalid("at", "problem.slot-taken");
    }
    placement.schedule(deliveryId, slot, true);
  }

  /** To a chosen time (it leaves the queue's slots). */
  @Transactional
  public void toTime(Member member, String deliveryId, Instant at) {
    movable(member, deliveryId);
    if (at == null || !at.isAfter(clock.instant())) {
      throw new DomainException.Invalid("at", "problem.post-time-past");
    }
    placement.schedule(deliveryId, at, false);
  }

  private DeliveryView movable(Member member, String deliveryId) {
    member.require(Role.EDITOR);
    DeliveryView d = posts.delivery(member.workspaceId(), deliveryId)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    if (d.state() != DeliveryState.SCHEDULED || d.stage() != Stage.READY) {
      throw new DomainException.Conflict("problem.post-not-scheduled");
    }
    return d;
  }
}
