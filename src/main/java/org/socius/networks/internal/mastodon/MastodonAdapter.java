package org.socius.networks.internal.mastodon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.socius.networks.internal.PostCheck;
import org.socius.networks.internal.RemoteApi;
import org.socius.networks.internal.Session;
import org.socius.platform.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mastodon, any server. The session holds {@code instance} (base URL), {@code accessToken} and,
 * once known, {@code accountId}.
 *
 * <p>Reading: notifications are paged forward with {@code min_id} (each page holds the items
 * immediately newer than the cursor; the {@code Link rel="prev"} header names the next cursor),
 * up to {@value #NOTIFICATION_PAGES} pages per sync; the rest follows in the next sync, so nothing
 * is skipped. The first sync reads only the latest page (80 notifications, 40 conversations): the
 * followers import gives the complete picture of who follows, and years of old likes are not
 * news. Direct messages are also read from {@code /api/v1/conversations}, because a server's
 * notification policy may filter private mentions from strangers out of the notifications.
 *
 * <p>Event ids: a direct message is {@code status:<status id>} whichever way it came (the
 * mention notification or the conversation), so it is recorded once; every other event is
 * {@code notification:<notification id>}, since one status can cause several notifications
 * (a mention, then a favourite of ours, …) that are each an event.
 */
@Component
public class MastodonAdapter implements NetworkAdapter {

  private static final Logger log = LoggerFactory.getLogger(MastodonAdapter.class);

  static final int PAGE = 80;
  static final int CONVERSATION_PAGE = 40;
  static final int NOTIFICATION_PAGES = 10;
  static final int CONVERSATION_PAGES = 5;
  static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
  /** Polls of an attachment that the server still processes, about a minute in all. */
  static final int MEDIA_POLLS = 20;
  /** Extra rounds for a status post answered 5xx (e.g. 503 while the same key is still in flight). */
  static final int STATUS_ROUNDS = 3;

  private final RemoteApi api;
  private final InstanceRules rules;
  private volatile Duration pause = Duration.ofMillis(500);

  private final MastodonApps apps;

  MastodonAdapter(RemoteApi api, InstanceRules rules, MastodonApps apps) {
    this.api = api;
    this.rules = rules;
    this.apps = apps;
  }

  /** Revokes a token that Socius obtained by OAuth ({@code POST /oauth/revoke}); a pasted token is the person's to revoke. */
  @Override
  public void revoke(Session session) {
    String redirectUri = session.getOrNull("redirectUri");
    if (redirectUri == null) {
      return;
    }
    String instance = session.get("instance");
    apps.find(instance, redirectUri).ifPresent(app -> new MastodonClient(api, instance, null, null).postJson("/oauth/revoke",
        Map.of("client_id", app.clientId(), "client_secret", app.clientSecret(), "token", session.get("accessToken")), Map.of(),
        "mastodon:" + instance));
  }

  @Override
  public Network network() {
    return Network.MASTODON;
  }

  MastodonClient client(Session session) {
    return new MastodonClient(api, session.get("instance"), session.get("accessToken"), session.getOrNull("accountId"));
  }

  @Override
  public Actor self(Session session) {
    MastodonClient client = client(session);
    JsonNode me = client.get("/api/v1/accounts/verify_credentials", Map.of()).json();
    Actor actor;
    try {
      actor = MastodonJson.actor(me, InstanceUrl.host(client.instance()));
    } catch (MastodonJson.Missing e) {
      throw new AdapterException.Malformed(InstanceUrl.host(client.instance()) + " did not describe the account: " + e.getMessage(), null);
    }
    if (session.getOrNull("accountId") == null) {
      session.update(Map.of("accountId", actor.remoteId()));
    }
    return actor;
  }

  private String ourId(Session session) {
    String id = session.getOrNull("accountId");
    return id != null ? id : self(session).remoteId();
  }

  // ------------------------------------------------------------------------------------ reading

  @Override
  public Activity activity(Session session, String state) {
    String me = ourId(session);
    MastodonClient client = client(session);
    String host = InstanceUrl.host(client.instance());
    Cursors cursors = Cursors.parse(state, api);
    Map<String, Item> items = new LinkedHashMap<>();
    String notifications = readNotifications(client, host, me, cursors.notifications(), items);
    String conversations = readConversations(client, host, me, cursors.conversations(), items);
    List<Item> sorted = new ArrayList<>(items.values());
    sorted.sort(Comparator.comparing(Item::occurredAt));
    return new Activity(sorted, new Cursors(notifications, conversations).format(api));
  }

  private String readNotifications(MastodonClient client, String host, String me, String from, Map<String, Item> items) {
    String cursor = from;
    int pages = from == null ? 1 : NOTIFICATION_PAGES;
    for (int page = 0; page < pages; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("limit", String.valueOf(PAGE));
      query.put("min_id", cursor);
      MastodonClient.Answer answer = client.get("/api/v1/notifications", query);
      JsonNode list = list(answer, host, "notifications");
      if (list.isEmpty()) {
        break;
      }
      String newest = null;
      List<Item> found = new ArrayList<>();
      for (JsonNode n : list) {
        String id = MastodonJson.optional(n, "id");
        newest = id.isEmpty() ? newest : MastodonJson.newer(newest, id);
        try {
          Item item = notification(n, host, me);
          if (item != null) {
            found.add(item);
          }
        } catch (MastodonJson.Missing e) {
          log.warn("Skipped Mastodon notification {} from {}: {}", id.isEmpty() ? "(no id)" : id, host, e.getMessage());
        }
      }
      // the page comes newest first; recorded oldest first
      found.sort(Comparator.comparing(Item::occurredAt));
      found.forEach(i -> items.putIfAbsent(i.remoteId(), i));
      String next = LinkHeader.param(answer.link(), "prev", "min_id").orElse(newest);
      if (next == null) {
        break;
      }
      cursor = MastodonJson.newer(cursor, next);
      if (list.size() < PAGE) {
        break; // caught up
      }
    }
    return cursor;
  }

  private String readConversations(MastodonClient client, String host, String me, String from, Map<String, Item> items) {
    String cursor = from;
    int pages = from == null ? 1 : CONVERSATION_PAGES;
    for (int page = 0; page < pages; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("limit", String.valueOf(CONVERSATION_PAGE));
      query.put("min_id", cursor);
      MastodonClient.Answer answer = client.get("/api/v1/conversations", query);
      JsonNode list = list(answer, host, "conversations");
      if (list.isEmpty()) {
        break;
      }
      String newest = null;
      for (JsonNode conversation : list) {
        JsonNode last = conversation.path("last_status");
        String id = last.isObject() ? MastodonJson.optional(last, "id") : "";
        if (id.isEmpty()) {
          continue; // a conversation without a visible last message has nothing to record
        }
        newest = MastodonJson.newer(newest, id);
        try {
          if (me.equals(MastodonJson.optional(last.path("account"), "id"))) {
            continue; // our own message
          }
          Item dm = new Item(EventType.DIRECT_MESSAGE, "status:" + id, MastodonJson.actor(last.path("account"), host),
              MastodonJson.post(last), MastodonJson.instant(last, "created_at"));
          items.putIfAbsent(dm.remoteId(), dm);
        } catch (MastodonJson.Missing e) {
          log.warn("Skipped Mastodon conversation {} from {}: {}", MastodonJson.optional(conversation, "id"), host, e.getMessage());
        }
      }
      String next = LinkHeader.param(answer.link(), "prev", "min_id").orElse(newest);
      if (next == null) {
        break;
      }
      cursor = MastodonJson.newer(cursor, next);
      if (list.size() < CONVERSATION_PAGE) {
        break;
      }
    }
    return cursor;
  }

  /** One notification as an item, or null for the kinds Socius does not track. */
  static Item notification(JsonNode n, String host, String me) {
    String type = MastodonJson.required(n, "type");
    EventType kind = switch (type) {
      case "follow" -> EventType.FOLLOWER_GAINED;
      case "mention" -> EventType.MENTIONED;
      case "favourite" -> EventType.FAVOURITED;
      case "reblog" -> EventType.REPOSTED;
      case "quote" -> EventType.QUOTED;
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    String id = MastodonJson.required(n, "id");
    Actor actor = MastodonJson.actor(n.get("account"), host);
    java.time.Instant at = MastodonJson.instant(n, "created_at");
    if (kind == EventType.FOLLOWER_GAINED) {
      return new Item(kind, "notification:" + id, actor, null, at);
    }
    JsonNode status = n.get("status");
    Post post = MastodonJson.post(status);
    if (kind == EventType.MENTIONED) {
      if ("direct".equals(MastodonJson.optional(status, "visibility"))) {
        return new Item(EventType.DIRECT_MESSAGE, "status:" + post.remoteId(), actor, post, at);
      }
      if (me.equals(MastodonJson.optional(status, "in_reply_to_account_id"))) {
        kind = EventType.REPLIED;
      }
    }
    return new Item(kind, "notification:" + id, actor, post, at);
  }

  @Override
  public Followers followers(Session session, String cursor) {
    String me = ourId(session);
    MastodonClient client = client(session);
    String host = InstanceUrl.host(client.instance());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", String.valueOf(PAGE));
    query.put("max_id", cursor);
    MastodonClient.Answer answer = client.get("/api/v1/accounts/" + me + "/followers", query);
    JsonNode list = list(answer, host, "followers");
    List<Actor> actors = new ArrayList<>();
    for (JsonNode account : list) {
      try {
        actors.add(MastodonJson.actor(account, host));
      } catch (MastodonJson.Missing e) {
        log.warn("Skipped a follower of {} on {}: {}", me, host, e.getMessage());
      }
    }
    // the cursor is the server's own (follow ids, not account ids): only the Link header knows it
    String next = list.isEmpty() ? null : LinkHeader.param(answer.link(), "next", "max_id").orElse(null);
    return new Followers(actors, next);
  }

  private static JsonNode list(MastodonClient.Answer answer, String host, String what) {
    if (!answer.json().isArray()) {
      throw new AdapterException.Malformed("The " + what + " from " + host + " are not a list", null);
    }
    return answer.json();
  }

  // ------------------------------------------------------------------------------------ writing

  /** The rules of the channel's server; public, so read without the account's token. */
  @Override
  public PostRules rules(Channel channel) {
    return rules.of(channel.serviceUrl());
  }

  @Override
  public void validate(Channel channel, OutgoingPost post) {
    String visibility = post.visibility() == null ? "public" : post.visibility().toLowerCase(Locale.ROOT);
    if (!VISIBILITIES.contains(visibility)) {
      throw new DomainException.Invalid("visibility", "problem.mastodon-visibility");
    }
    PostCheck.check(rules(channel), InstanceUrl.host(channel.serviceUrl()), post);
  }

  @Override
  public Published publish(Session session, OutgoingPost post, String idempotencyKey, PartLog partLog) {
    ourId(session); // the account id keys the rate limits
    MastodonClient client = client(session);
    String visibility = post.visibility() == null ? "public" : post.visibility().toLowerCase(Locale.ROOT);
    List<Published.Part> parts = new ArrayList<>();
    String previous = null;
    for (int i = 0; i < post.parts().size(); i++) {
      Published.Part done = partLog.done(i);
      if (done != null) {
        parts.add(done);
        previous = done.remoteId();
        continue;
      }
      List<String> media = i == 0 ? upload(client, post.images() == null ? List.of() : post.images()) : List.of();
      ObjectNode body = api.mapper().createObjectNode();
      String text = post.parts().get(i) == null ? "" : post.parts().get(i);
      if (!text.isBlank()) {
        body.put("status", text);
      }
      if (!media.isEmpty()) {
        ArrayNode ids = body.putArray("media_ids");
        media.forEach(ids::add);
      }
      body.put("visibility", visibility);
      String replyTo = i == 0 ? post.replyTo() : previous;
      if (replyTo != null && !replyTo.isBlank()) {
        body.put("in_reply_to_id", replyTo);
      }
      JsonNode status = postStatus(client, body, idempotencyKey + ":" + i);
      Published.Part part;
      try {
        String id = MastodonJson.required(status, "id");
        String url = MastodonJson.optional(status, "url");
        part = new Published.Part(id, url.isEmpty() ? MastodonJson.optional(status, "uri") : url);
      } catch (MastodonJson.Missing e) {
        throw new AdapterException.Malformed(InstanceUrl.host(client.instance()) + " did not describe the new status: " + e.getMessage(), null);
      }
      partLog.record(i, part);
      parts.add(part);
      previous = part.remoteId();
    }
    return new Published(parts);
  }

  @Override
  public Published.Part react(Session session, org.socius.networks.PersonalMessages.Reaction reaction, String postRemoteId,
      String idempotencyKey) {
    ourId(session);
    MastodonClient client = client(session);
    String action = reaction == org.socius.networks.PersonalMessages.Reaction.LIKE ? "favourite" : "reblog";
    // both are idempotent on the server: favouriting a favourite changes nothing
    JsonNode status = client.post("/api/v1/statuses/" + pathSegment(postRemoteId) + "/" + action,
        Map.of("Idempotency-Key", idempotencyKey), client.account() + ":statuses");
    String url = MastodonJson.optional(status, "url");
    return new Published.Part(MastodonJson.optional(status, "id").isEmpty() ? postRemoteId : MastodonJson.optional(status, "id"),
        url.isEmpty() ? MastodonJson.optional(status, "uri") : url);
  }

  @Override
  public List<Post> latestPosts(Session session, String actorRemoteId, int limit) {
    MastodonClient client = client(session);
    MastodonClient.Answer answer = client.get("/api/v1/accounts/" + pathSegment(actorRemoteId) + "/statuses",
        Map.of("limit", String.valueOf(limit), "exclude_reblogs", "true", "exclude_replies", "true"));
    List<Post> posts = new ArrayList<>();
    if (answer.json() != null && answer.json().isArray()) {
      for (JsonNode status : answer.json()) {
        try {
          posts.add(MastodonJson.post(status));
        } catch (RuntimeException e) {
          // a status we cannot read is left out of the card
        }
      }
    }
    return posts.size() > limit ? posts.subList(0, limit) : posts;
  }

  @Override
  public List<Actor> mutualConnections(Session session, String actorRemoteId, int limit) {
    MastodonClient client = client(session);
    MastodonClient.Answer answer = client.get("/api/v1/accounts/familiar_followers", Map.of("id[]", pathSegment(actorRemoteId)));
    List<Actor> found = new ArrayList<>();
    if (answer.json() != null && answer.json().isArray()) {
      for (JsonNode entry : answer.json()) {
        for (JsonNode account : entry.path("accounts")) {
          try {
            found.add(MastodonJson.actor(account, InstanceUrl.host(client.instance())));
          } catch (RuntimeException e) {
            // an account we cannot read is left out
          }
          if (found.size() == limit) {
            return found;
          }
        }
      }
    }
    return found;
  }

  /** Remote ids go into a path: only what Mastodon ids are made of. */
  private static String pathSegment(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new DomainException.Invalid("postRemoteId", "problem.remote-id");
    }
    return id;
  }

  /**
   * {@code POST /api/v1/statuses} with the part's {@code Idempotency-Key}: the server answers a
   * repeat with the status it already made. A 5xx (503 while the first request with the key is
   * still running) is tried again with the same key a few times.
   */
  private JsonNode postStatus(MastodonClient client, ObjectNode body, String key) {
    for (int round = 1; ; round++) {
      try {
        return client.postJson("/api/v1/statuses", body, Map.of("Idempotency-Key", key), client.account() + ":statuses");
      } catch (AdapterException.Transient e) {
        // a transport failure was retried by RemoteApi already; an answered 5xx gets a few more rounds
        if (e.getCause() != null || round >= STATUS_ROUNDS) {
          throw e;
        }
        sleep(pause.multipliedBy(round));
      }
    }
  }

  /**
   * Uploads the images (alt text as description) and waits until the server has processed each.
   * Uploads carry no idempotency key: a retried upload may leave an unattached copy on the
   * server, which Mastodon removes by itself after a day; the status is still made once.
   */
  private List<String> upload(MastodonClient client, List<OutgoingPost.Image> images) {
    List<String> ids = new ArrayList<>();
    String key = client.account() + ":media";
    for (OutgoingPost.Image image : images) {
      String mime = PostCheck.mimeType(image);
      Map<String, String> fields = image.alt() == null || image.alt().isBlank() ? Map.of() : Map.of("description", image.alt());
      MastodonClient.Answer uploaded = client.postMultipart("/api/v2/media", fields, "file",
          "image" + extension(mime), mime, image.bytes(), key);
      String id;
      try {
        id = MastodonJson.required(uploaded.json(), "id");
      } catch (MastodonJson.Missing e) {
        throw new AdapterException.Malformed(InstanceUrl.host(client.instance()) + " did not describe the uploaded image", null);
      }
      boolean ready = uploaded.status() == 200 && !MastodonJson.optional(uploaded.json(), "url").isEmpty();
      for (int poll = 1; !ready; poll++) {
        if (poll > MEDIA_POLLS) {
          throw new AdapterException.Transient(InstanceUrl.host(client.instance()) + " is still processing an image", null);
        }
        sleep(pause.multipliedBy(Math.min(poll, 6)));
        MastodonClient.Answer state = client.get("/api/v1/media/" + id, Map.of(), key);
        ready = state.status() == 200 && state.json().isObject() && !MastodonJson.optional(state.json(), "url").isEmpty();
      }
      ids.add(id);
    }
    return ids;
  }

  private static String extension(String mime) {
    return switch (mime.toLowerCase(Locale.ROOT)) {
      case "image/png" -> ".png";
      case "image/jpeg" -> ".jpg";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      default -> "";
    };
  }

  /** For tests: shorter waits between media polls and status rounds. */
  void pause(Duration pause) {
    this.pause = pause;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException.Transient("Interrupted while waiting for the server", e);
    }
  }

  /** The sync state: the newest notification id and the newest conversation status id seen. */
  record Cursors(String notifications, String conversations) {

    static Cursors parse(String state, RemoteApi api) {
      if (state == null || state.isBlank()) {
        return new Cursors(null, null);
      }
      if (!state.startsWith("{")) {
        return new Cursors(state, null);
      }
      JsonNode node;
      try {
        node = api.mapper().readTree(state);
      } catch (tools.jackson.core.JacksonException e) {
        log.warn("Unreadable Mastodon sync state, starting from the latest page: {}", e.getOriginalMessage());
        return new Cursors(null, null);
      }
      String n = node.path("notifications").asString("");
      String c = node.path("conversations").asString("");
      return new Cursors(n.isEmpty() ? null : n, c.isEmpty() ? null : c);
    }

    String format(RemoteApi api) {
      ObjectNode node = api.mapper().createObjectNode();
      if (notifications != null) {
        node.put("notifications", notifications);
      }
      if (conversations != null) {
        node.put("conversations", conversations);
      }
      return api.mapper().writeValueAsString(node);
    }
  }
}
