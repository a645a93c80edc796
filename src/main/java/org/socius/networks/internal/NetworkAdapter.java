package org.socius.networks.internal;

import java.time.Instant;
import java.util.List;
import org.socius.networks.Actor;
import org.socius.networks.Channel;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.networks.Post;
import org.socius.networks.Published;

/**
 * One network's protocol, as the sync and publish machinery needs it. Connecting is specific to
 * each network (OAuth, app passwords) and lives beside its adapter. Implementations throw
 * {@link AdapterException}s and never log secrets.
 */
public interface NetworkAdapter {

  Network network();

  /** The account's own current profile. */
  Actor self(Session session);

  /**
   * Activity newer than {@code state} (null on the first sync: the adapter decides how far back
   * to read), oldest first, and the state to pass next time.
   */
  Activity activity(Session session, String state);

  /** One page of the account's followers ({@code cursor} null for the first page). */
  Followers followers(Session session, String cursor);

  /**
   * Publishes every part not yet in {@code log} (a thread resumes where it stopped), recording
   * each part as soon as the network confirmed it. The same key must never create a second post:
   * Mastodon gets an {@code Idempotency-Key} per part, Bluesky a record key derived from it.
   */
  Published publish(Session session, OutgoingPost post, String idempotencyKey, PartLog log);

  /**
   * Likes or reposts a post. Doing it again with the same key does nothing more: Mastodon's
   * favourite and reblog are idempotent, Bluesky gets a record key derived from the key.
   *
   * @return the like or repost (Bluesky: its record; Mastodon: the status acted on)
   */
  Published.Part react(Session session, org.socius.networks.PersonalMessages.Reaction reaction, String postRemoteId,
      String idempotencyKey);

  /** An account's newest own posts (not reposts), newest first, for a greet card. */
  List<Post> latestPosts(Session session, String actorRemoteId, int limit);

  /** Accounts we follow that follow this account too. */
  List<Actor> mutualConnections(Session session, String actorRemoteId, int limit);

  /**
   * Asks the network to end the credentials (on disconnect), as far as it can: best effort, the
   * caller erases them either way.
   */
  default void revoke(Session session) {}

  /**
   * The channel's posting rules, from what the channel row holds (no credentials), so that a
   * channel waiting to be connected again still has them.
   */
  PostRules rules(Channel channel);

  /** Checks a post against the channel's rules before anything is sent; needs no credentials either. */
  void validate(Channel channel, OutgoingPost post);

  /** What a publish has created so far, per part (0-based). */
  interface PartLog {
    Published.Part done(int part);

    void record(int part, Published.Part published);
  }

  /** A piece of activity before it is stored. {@code remoteId} is unique per account. */
  record Item(EventType type, String remoteId, Actor actor, Post post, Instant occurredAt) {}

  record Activity(List<Item> items, String state) {}

  /** {@code next} is null on the last page. */
  record Followers(List<Actor> actors, String next) {}
}
