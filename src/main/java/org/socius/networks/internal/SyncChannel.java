package org.socius.networks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.networks.Channel;
import org.socius.networks.EventType;
import org.socius.networks.NetworkEvent;
import org.socius.networks.NetworkEventRecorded;
import org.socius.platform.Ids;
import org.socius.platform.OwnerNotifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls a channel's new activity into the event log: the first import of followers (a bounded
 * number of pages per run, so that it shows progress and survives restarts), then notifications
 * newer than the stored state. The one entry point for the scheduler and the "Sync now" button.
 * Each fetched page is stored in one transaction with what the listeners of
 * {@link NetworkEventRecorded} make of it and with the cursor that follows it: a failure keeps
 * none of it, and the next run fetches the page again (events are unique, so nothing twice).
 * Returns when to run next, or null when the channel is gone or needs reconnecting.
 */
@Service
public class SyncChannel {

  private static final Logger log = LoggerFactory.getLogger(SyncChannel.class);

  private final ChannelStore channels;
  private final EventStore events;
  private final CredentialVault vault;
  private final Adapters adapters;
  private final OwnerNotifications notifications;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final Duration interval;
  private final int followerPagesPerRun;
  private final Duration relistInterval;

  SyncChannel(ChannelStore channels, EventStore events, CredentialVault vault, Adapters adapters, OwnerNotifications notifications,
      ApplicationEventPublisher publisher, Clock clock, TransactionTemplate tx, @Value("${socius.networks.sync-interval:2m}") Duration interval,
      @Value("${socius.networks.follower-pages-per-run:20}") int followerPagesPerRun,
      @Value("${socius.networks.follower-relist-interval:24h}") Duration relistInterval) {
    this.relistInterval = relistInterval;
    this.followerPagesPerRun = followerPagesPerRun;
    this.channels = channels;
    this.events = events;
    this.vault = vault;
    this.adapters = adapters;
    this.notifications = notifications;
    this.publisher = publisher;
    this.clock = clock;
    this.tx = tx;
    this.interval = interval;
  }

  public Instant sync(String channelId) {
    Channel channel = channels.findForJob(channelId).orElse(null);
    if (channel == null || channel.status() == Channel.Status.NEEDS_RECONNECT || channel.status() == Channel.Status.DISCONNECTED) {
      return null;
    }
    Instant now = clock.instant();
    if (channel.rateLimitedUntil() != null && channel.rateLimitedUntil().isAfter(now)) {
      return channel.rateLimitedUntil();
    }
    ChannelStore.SyncState state = channels.syncState(channelId);
    Session session = new Session(channelId, vault.open(channelId, state.sealedCredentials()));
    NetworkAdapter adapter = adapters.of(channel.network());
    try {
      if (channel.lastSyncAt() == null || channel.displayName().isEmpty()) {
        refreshProfile(channel, adapter, session);
      }
      boolean importDone = state.importDone() || importFollowers(channel, adapter, session, state.followersCursor());
      if (state.importDone()) { // not in the run that just finished the import: that was a full listing
        relistFollowers(channel, adapter, session, state);
      }
      NetworkAdapter.Activity activity = adapter.activity(session, state.activityState());
      tx.executeWithoutResult(t -> { // the events, what People and the inbox make of them, and the new cursor: all or none
        for (NetworkAdapter.Item item : activity.items()) {
          record(channel, item);
        }
        channels.activityState(channelId, activity.state());
      });
      channels.synced(channelId, clock.millis());
      return importDone ? clock.instant().plus(interval) : clock.instant();
    } catch (AdapterException.CredentialsRejected e) {
      channels.status(channelId, Channel.Status.NEEDS_RECONNECT, e.getMessage(), null);
      notifications.notifyOnce(channel.workspaceId(), "channel-needs-reconnect", channelId,
          channel.network().code() + " account " + channel.handle() + " needs to be connected again: " + e.getMessage());
      log.warn("Channel {} needs reconnecting: {}", channelId, e.getMessage());
      return null;
    } catch (AdapterException.RateLimited e) {
      channels.status(channelId, Channel.Status.RATE_LIMITED, e.getMessage(), e.until());
      return e.until();
    } catch (AdapterException e) {
      int failures = channels.failed(channelId, e.getMessage());
      log.warn("Sync of channel {} failed ({} in a row): {}", channelId, failures, e.getMessage());
      long backoff = Math.min(Duration.ofHours(24).toMillis(), interval.toMillis() << Math.min(failures, 12));
      return clock.instant().plusMillis(backoff);
    } finally {
      if (session.changed()) {
        channels.replaceCredentials(channelId, vault.seal(channelId, session.credentials()));
      }
    }
  }

  /** The account's own name and avatar, as the network shows them now. */
  private void refreshProfile(Channel channel, NetworkAdapter adapter, Session session) {
    try {
      var self = adapter.self(session);
      channels.profile(channel.id(), self.handle(), nz(self.displayName()), nz(self.avatarUrl()), nz(self.profileUrl()));
    } catch (AdapterException.Rejected | AdapterException.Malformed e) {
      log.info("The profile of channel {} could not be read yet: {}", channel.id(), e.getMessage());
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Reads up to a number of follower pages; true when the import is complete. */
  private boolean importFollowers(Channel channel, NetworkAdapter adapter, Session session, String cursor) {
    String next = cursor;
    for (int page = 0; page < followerPagesPerRun; page++) {
      NetworkAdapter.Followers followers = adapter.followers(session, next);
      next = followers.next();
      String pageCursor = next;
      tx.executeWithoutResult(t -> { // one page and its progress: all or none
        long now = clock.millis();
        long added = 0;
        for (var actor : followers.actors()) {
          if (events.addFollower(channel.id(), actor.remoteId(), now)) {
            added++;
            store(channel, new NetworkAdapter.Item(EventType.FOLLOWER_GAINED, "import:" + actor.remoteId(), actor, null, clock.instant()),
                true);
          }
        }
        channels.followersProgress(channel.id(), pageCursor, added, pageCursor == null, clock.millis());
      });
      if (next == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Neither network tells when someone stops following, so once a day (by default) the whole
   * follower list is read again, a bounded number of pages per run; whoever the complete listing
   * no longer contains has left: a {@code FOLLOWER_LOST} event each.
   */
  private void relistFollowers(Channel channel, NetworkAdapter adapter, Session session, ChannelStore.SyncState state) {
    long now = clock.millis();
    boolean running = state.relistStartedAt() != null;
    if (!running && (state.relistedAt() == null || now - state.relistedAt() < relistInterval.toMillis())) {
      if (state.relistedAt() == null) {
        channels.relistProgress(channel.id(), null, null, now); // imported before listings were timed: count from now
      }
      return;
    }
    long started = running ? state.relistStartedAt() : now;
    String next = running ? state.relistCursor() : null;
    for (int page = 0; page < followerPagesPerRun; page++) {
      NetworkAdapter.Followers followers = adapter.followers(session, next);
      next = followers.next();
      boolean complete = next == null;
      tx.executeWithoutResult(t -> {
        for (var actor : followers.actors()) {
          if (events.addFollower(channel.id(), actor.remoteId(), clock.millis())) {
            store(channel, new NetworkAdapter.Item(EventType.FOLLOWER_GAINED, "relist:" + started + ":" + actor.remoteId(), actor, null,
                clock.instant()), false);
          }
        }
        if (complete) {
          for (String gone : events.removeUnseen(channel.id(), started)) {
            store(channel, new NetworkAdapter.Item(EventType.FOLLOWER_LOST, "left:" + started + ":" + gone,
                events.lastActor(channel.id(), gone), null, clock.instant()), false);
          }
          channels.relistProgress(channel.id(), null, null, clock.millis());
        }
      });
      if (complete) {
        return;
      }
    }
    channels.relistProgress(channel.id(), next, started, null);
  }

  private void record(Channel channel, NetworkAdapter.Item item) {
    if (item.type() == EventType.FOLLOWER_GAINED && !events.addFollower(channel.id(), item.actor().remoteId(), clock.millis())) {
      return; // already known as a follower (e.g. from the first import)
    }
    store(channel, item, false);
  }

  private void store(Channel channel, NetworkAdapter.Item item, boolean backfill) {
    NetworkEvent event = new NetworkEvent(Ids.newId(), channel.workspaceId(), channel.id(), channel.network(), item.type(),
        item.remoteId(), item.actor(), item.post(), backfill, item.occurredAt(), clock.instant());
    if (events.insertIfAbsent(event)) {
      publisher.publishEvent(new NetworkEventRecorded(event));
    }
  }
}
