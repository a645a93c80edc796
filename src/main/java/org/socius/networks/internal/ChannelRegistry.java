package org.socius.networks.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socius.networks.Actor;
import org.socius.networks.Channel;
import org.socius.networks.ChannelConnected;
import org.socius.networks.Channels;
import org.socius.networks.Network;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, reconnects and removes channels (owner only), and answers {@link Channels} for the
 * other capabilities. Connecting the same remote account again refreshes its credentials rather
 * than adding a second channel.
 */
@Service
public class ChannelRegistry implements Channels {

  private final ChannelStore channels;
  private final CredentialVault vault;
  private final SchedulerClient scheduler;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  // lazy: data-only contexts (the CLI's) run without db-scheduler and never connect a channel
  private final Adapters adapters;

  ChannelRegistry(ChannelStore channels, CredentialVault vault, @Lazy SchedulerClient scheduler, Clock clock, Adapters adapters,
      ApplicationEventPublisher events) {
    this.events = events;
    this.adapters = adapters;
    this.channels = channels;
    this.vault = vault;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @Override
  public List<Channel> of(String workspaceId) {
    return channels.ofWorkspace(workspaceId);
  }

  @Override
  public Optional<Channel> find(String workspaceId, String channelId) {
    return channels.find(workspaceId, channelId);
  }

  /** Stores a verified account with its credentials and starts its first sync. */
  @Transactional
  public Channel connect(Member owner, Network network, Actor self, String serviceUrl, Map<String, String> credentials) {
    owner.require(Role.OWNER);
    var existing = channels.findByRemote(owner.workspaceId(), network, self.remoteId());
    String id;
    if (existing.isPresent()) {
      id = existing.get().id();
      channels.reconnected(id, vault.seal(id, credentials), self.handle(), nz(self.displayName()), nz(self.avatarUrl()),
          nz(self.profileUrl()));
    } else {
      id = Ids.newId();
      channels.insert(new Channel(id, owner.workspaceId(), network, self.remoteId(), self.handle(), nz(self.displayName()),
          nz(self.avatarUrl()), nz(self.profileUrl()), serviceUrl, Channel.Status.CONNECTED, "", null, null, 0, false),
          vault.seal(id, credentials), clock.millis());
    }
    SyncTask.syncSoon(scheduler, id);
    events.publishEvent(new ChannelConnected(owner.workspaceId(), id));
    return channels.find(owner.workspaceId(), id).orElseThrow();
  }

  /** Erases the channel's secrets and stops its sync; its history (events, followers) stays. */
  @Transactional
  public void disconnect(Member owner, String channelId) {
    owner.require(Role.OWNER);
    Channel channel = channels.find(owner.workspaceId(), channelId)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-channel"));
    if (channel.status() != Channel.Status.DISCONNECTED) {
      try {
        adapters.of(channel.network()).revoke(new Session(channelId, vault.open(channelId, channels.syncState(channelId).sealedCredentials())));
      } catch (RuntimeException e) {
        // the network could not be told (offline, token already dead): the secrets go all the same
        org.slf4j.LoggerFactory.getLogger(ChannelRegistry.class).info("Could not revoke the credentials of channel {}: {}", channelId,
            e.getMessage());
      }
    }
    if (!channels.disconnect(owner.workspaceId(), channelId)) {
      throw new DomainException.NotFound("problem.no-channel");
    }
  }

  public void syncNow(Member member, String channelId) {
    channels.find(member.workspaceId(), channelId).orElseThrow(() -> new DomainException.NotFound("problem.no-channel"));
    SyncTask.syncSoon(scheduler, channelId);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
