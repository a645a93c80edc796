package org.socius.publishing.internal;

import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.stereotype.Component;

/** Finds a channel of the member's workspace; a channel of another workspace is not found. */
@Component
class ChannelAccess {

  private final Channels channels;

  ChannelAccess(Channels channels) {
    this.channels = channels;
  }

  Channel of(Member member, String channelId) {
    return channels.find(member.workspaceId(), channelId).orElseThrow(() -> new DomainException.NotFound("problem.no-channel"));
  }
}
