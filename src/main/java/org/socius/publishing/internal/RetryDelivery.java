package org.socius.publishing.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a failure or a missed time, an editor decides: try again now (with the same
 * idempotency key, so a post the network did take is not sent twice) or drop it.
 */
@Service
public class RetryDelivery {

  private final PostStore posts;
  private final Placement placement;
  private final DeliveryPlan plan;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final Clock clock;

  RetryDelivery(PostStore posts, Placement placement, DeliveryPlan plan, org.springframework.jdbc.core.simple.JdbcClient jdbc,
      Clock clock) {
    this.posts = posts;
    this.placement = placement;
    this.plan = plan;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void now(Member member, String deliveryId) {
    decidable(member, deliveryId);
    placement.schedule(deliveryId, clock.instant(), false);
  }

  @Transactional
  public void drop(Member member, String deliveryId) {
    DeliveryView d = decidable(member, deliveryId);
    plan.drop(deliveryId);
    jdbc.sql("DELETE FROM deliveries WHERE id = :id").param("id", deliveryId).update();
    if (posts.deliveriesOf(d.postId()).isEmpty()) {
      posts.deletePost(d.postId());
    }
  }

  private DeliveryView decidable(Member member, String deliveryId) {
    member.require(Role.EDITOR);
    DeliveryView d = posts.delivery(member.workspaceId(), deliveryId)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    if (d.state() != DeliveryState.FAILED && d.state() != DeliveryState.MISSED) {
      throw new DomainException.Conflict("problem.not-failed");
    }
    return d;
  }
}
