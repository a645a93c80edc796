package org.socius.networks.internal.bluesky;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.networks.Actor;
import org.socius.networks.Channel;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.OutgoingPost;
import org.socius.networks.Post;
import org.socius.networks.PostRules;
import org.socius.networks.Published;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.NetworkAdapter;
import org.socius.networks.internal.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Bluesky through the account's PDS (which proxies {@code app.bsky.*} reads to the AppView). */
@Component
class BlueskyAdapter implements NetworkAdapter {

  private static final Logger log = LoggerFactory.getLogger(BlueskyAdapter.class);
  static final int MAX_NOTIFICATION_PAGES = 200;
  static final String POST = "app.bsky.feed.post";

  private final Xrpc xrpc;
  private final BlueskySettings settings;
  private final BlueskyIdentity identity;
  private final BlueskyPosts posts;

  BlueskyAdapter(Xrpc xrpc, BlueskySettings settings, BlueskyIdentity identity) {
    this.xrpc = xrpc;
    this.settings = settings;
    this.identity = identity;
    this.posts = new BlueskyPosts(xrpc, settings, identity);
  }

  @Override
  public Network network() {
    return Network.BLUESKY;
  }

  @Override
  public Actor self(Session session) {
    JsonNode profile = xrpc.authed(session, token -> xrpc.query(Xrpc.pds(session), "app.bsky.actor.getProfile",
        Map.of("actor", session.get("did")), token, Xrpc.account(session)));
    return actor(profile);
  }

  /**
   * Notifications come newest first; the state is the newest {@code indexedAt} seen. Pages are
   * read back until one reaches the state (or, on the first sync, to the end).
   */
  @Override
  public Activity activity(Session session, String state) {
    Instant since = parse(state);
    List<Item> items = new ArrayList<>();
    String cursor = null;
    Instant newest = since;
    for (int page = 0; page < MAX_NOTIFICATION_PAGES; page++) {
      String pageCursor = cursor;
      Map<String, String> params = new HashMap<>();
      params.put("limit", "100");
      if (pageCursor != null) {
        params.put("cursor", pageCursor);
      }
      JsonNode answer = xrpc.authed(session, token -> xrpc.query(Xrpc.pds(session), "app.bsky.notification.listNotifications",
          params, token, Xrpc.account(session)));
      boolean reachedState = false;
      for (JsonNode n : answer.path("notifications")) {
        Instant indexed = parse(n.path("indexedAt").asString(null));
        if (since != null && indexed != null && indexed.isBefore(since)) {
          reachedState = true;
          break;
        }
        if (indexed != null && (newest == null || indexed.isAfter(newest))) {
          newest = indexed;
        }
        try {
          Item item = item(n);
          if (item != null) {
            items.add(item);
          }
        } catch (RuntimeException e) {
          log.warn("Skipped a Bluesky notification that could not be read ({}): {}", n.path("uri").asString("?"), e.getMessage());
        }
      }
      cursor = answer.path("cursor").asString(null);
      if (reachedState || cursor == null || cursor.isEmpty() || answer.path("notifications").isEmpty()) {
        break;
      }
    }
    items.sort(Comparator.comparing(Item::occurredAt));
    return new Activity(items, newest == null ? null : newest.toString());
  }

  private Item item(JsonNode n) {
    EventType type = switch (n.path("reason").asString("")) {
      case "follow" -> EventType.FOLLOWER_GAINED;
      case "mention" -> EventType.MENTIONED;
      case "reply" -> EventType.REPLIED;
      case "like" -> EventType.FAVOURITED;
      case "repost" -> EventType.REPOSTED;
      case "quote" -> EventType.QUOTED;
      default -> null; // open-ended: unknown reasons are not ours to guess
    };
    if (type == null) {
      return null;
    }
    String uri = required(n, "uri");
    Actor actor = actor(n.path("author"));
    Instant at = parse(n.path("indexedAt").asString(null));
    JsonNode record = n.path("record");
    Post post = null;
    if (type == EventType.MENTIONED || type == EventType.REPLIED || type == EventType.QUOTED) {
      JsonNode reply = record.path("reply");
      String lang = record.path("langs").isArray() && !record.path("langs").isEmpty() ? record.path("langs").get(0).asString() : null;
      post = new Post(uri, settings.postUrl(uri), record.path("text").asString(""), lang,
          parse(record.path("createdAt").asString(null)), reply.path("parent").path("uri").asString(null),
          reply.path("root").path("uri").asString(null));
    } else if (type == EventType.FAVOURITED || type == EventType.REPOSTED) {
      String subject = n.path("reasonSubject").asString(null);
      if (subject != null) {
        post = new Post(subject, settings.postUrl(subject), null, null, null, null, null);
      }
    }
    return new Item(type, uri, actor, post, at == null ? Instant.now() : at);
  }

  @Override
  public Followers followers(Session session, String cursor) {
    Map<String, String> params = new HashMap<>();
    params.put("actor", session.get("did"));
    params.put("limit", "100");
    if (cursor != null) {
      params.put("cursor", cursor);
    }
    JsonNode answer = xrpc.authed(session, token -> xrpc.query(Xrpc.pds(session), "app.bsky.graph.getFollowers", params, token,
        Xrpc.account(session)));
    List<Actor> actors = new ArrayList<>();
    for (JsonNode f : answer.path("followers")) {
      try {
        actors.add(actor(f));
      } catch (RuntimeException e) {
        log.warn("Skipped a Bluesky follower that could not be read: {}", e.getMessage());
      }
    }
    String next = answer.path("cursor").asString(null);
    return new Followers(actors, next == null || next.isEmpty() || actors.isEmpty() ? null : next);
  }

  /** Ends the session on the PDS (the refresh token stops working). */
  @Override
  public void revoke(Session session) {
    xrpc.procedure(Xrpc.pds(session), "com.atproto.server.deleteSession", null, session.get("refreshJwt"), Xrpc.account(session));
  }

  @Override
  public PostRules rules(Channel channel) {
    return BlueskyPosts.RULES;
  }

  @Override
  public void validate(Channel channel, OutgoingPost post) {
    posts.validate(post);
  }

  @Override
  public Published publish(Session session, OutgoingPost post, String idempotencyKey, PartLog partLog) {
    return posts.publish(session, post, idempotencyKey, partLog);
  }

  @Override
  public Published.Part react(Session session, org.socius.networks.PersonalMessages.Reaction reaction, String postRemoteId,
      String idempotencyKey) {
    return posts.react(session, reaction, postRemoteId, idempotencyKey);
  }

  @Override
  public List<Post> latestPosts(Session session, String actorRemoteId, int limit) {
    JsonNode answer = xrpc.authed(session, token -> xrpc.query(Xrpc.pds(session), "app.bsky.feed.getAuthorFeed",
        Map.of("actor", actorRemoteId, "limit", String.valueOf(Math.max(limit * 3, 10)), "filter", "posts_no_replies"), token,
        Xrpc.account(session)));
    List<Post> found = new ArrayList<>();
    for (JsonNode entry : answer.path("feed")) {
      JsonNode post = entry.path("post");
      if (!entry.path("reason").isMissingNode() || !actorRemoteId.equals(post.path("author").path("did").asString(""))) {
        continue; // a repost is not their own words
      }
      String uri = post.path("uri").asString("");
      JsonNode record = post.path("record");
      found.add(new Post(uri, settings.postUrl(uri), record.path("text").asString(""), null,
          parse(record.path("createdAt").asString(null)), null, null));
      if (found.size() == limit) {
        break;
      }
    }
    return found;
  }

  @Override
  public List<Actor> mutualConnections(Session session, String actorRemoteId, int limit) {
    JsonNode answer = xrpc.authed(session, token -> xrpc.query(Xrpc.pds(session), "app.bsky.graph.getKnownFollowers",
        Map.of("actor", actorRemoteId, "limit", String.valueOf(Math.min(Math.max(limit, 1), 100))), token, Xrpc.account(session)));
    List<Actor> found = new ArrayList<>();
    for (JsonNode f : answer.path("followers")) {
      try {
        found.add(actor(f));
      } catch (RuntimeException e) {
        log.warn("Skipped a known follower that could not be read: {}", e.getMessage());
      }
    }
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  Actor actor(JsonNode profile) {
    String did = required(profile, "did");
    String handle = profile.path("handle").asString(did);
    String bio = profile.path("description").asString("");
    return new Actor(did, handle, profile.path("displayName").asString(""), HtmlUtils.htmlEscape(bio).replace("\n", "<br>"), bio,
        profile.path("avatar").asString(""), settings.profileUrl(handle));
  }

  static String required(JsonNode node, String field) {
    String value = node.path(field).asString("");
    if (value.isEmpty()) {
      throw new AdapterException.Malformed("missing " + field, null);
    }
    return value;
  }

  static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
