package org.socius.publishing.internal;

import java.time.Clock;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An editor pauses a channel's queue: nothing of it goes out until it is resumed. */
@Service
public class PauseQueue {

  private final ChannelAccess channels;
  private final QueueStore queues;
  private final Clock clock;

  PauseQueue(ChannelAccess channels, QueueStore queues, Clock clock) {
    this.channels = channels;
    this.queues = queues;
    this.clock = clock;
  }

  @Transactional
  public void pause(Member member, String channelId) {
    member.require(Role.EDITOR);
    channels.of(member, channelId);
    queues.pause(channelId, member.memberId(), clock.millis());
  }
}
