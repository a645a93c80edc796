package org.socius.publishing.internal;

import java.time.Clock;
import org.socius.networks.ChannelConnected;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a channel is connected again, the posts it held go now rather than at their next
 * look-in: every open delivery of the channel that is due is planned for this moment.
 */
@Component
class ReleaseHeldPosts {

  private final JdbcClient jdbc;
  private final DeliveryPlan plan;
  private final Clock clock;

  ReleaseHeldPosts(JdbcClient jdbc, DeliveryPlan plan, Clock clock) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.clock = clock;
  }

  @EventListener
  void on(ChannelConnected connected) {
    var due = jdbc.sql("""
        SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id
        WHERE d.channel_id = :c AND d.state IN ('scheduled', 'unknown') AND p.stage = 'ready' AND d.due_at <= :now""")
        .param("c", connected.channelId()).param("now", clock.millis()).query(String.class).list();
    due.forEach(id -> plan.at(id, clock.instant()));
  }
}
