package org.socius.networks.internal.web;

import org.socius.networks.Channel;

/** A channel as the Channels page shows it, with its follower count. */
public record ChannelView(Channel channel, long followers) {

  public boolean importing() {
    return !channel.importDone() && channel.status() == Channel.Status.CONNECTED;
  }

  public String statusKey() {
    return "channel.status." + channel.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
