package org.socius.networks.internal.bluesky;

import static org.socius.networks.internal.bluesky.BlueskyAdapter.POST;
import static org.socius.networks.internal.bluesky.BlueskyAdapter.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.socius.networks.Network;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.networks.Published;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.NetworkAdapter;
import org.socius.networks.internal.PostCheck;
import org.socius.networks.internal.Session;
import org.socius.platform.DomainException;
import org.socius.platform.ImageTypes;
import tools.jackson.databind.JsonNode;

/**
 * Writes posts exactly once. Each part's record key is derived from the idempotency key; before
 * writing, the record is looked up, and the write itself asks that the record not exist yet
 * ({@code swapRecord: null}), so neither a retry nor a race makes a second post.
 */
final class BlueskyPosts {

  /** Bluesky's limits are the protocol's and the same for every account; 1,000,000 bytes suits older servers too. */
  static final PostRules RULES = new PostRules(Network.BLUESKY, 300, 0, 4, 1_000_000,
      new LinkedHashSet<>(List.of(ImageTypes.JPEG, ImageTypes.PNG, ImageTypes.GIF, ImageTypes.WEBP)));
  static final int MAX_BYTES = 3000;

  private final Xrpc xrpc;
  private final BlueskySettings settings;
  private final BlueskyIdentity identity;

  BlueskyPosts(Xrpc xrpc, BlueskySettings settings, BlueskyIdentity identity) {
    this.xrpc = xrpc;
    this.settings = settings;
    this.identity = identity;
  }

  void validate(OutgoingPost post) {
    PostCheck.check(RULES, "Bluesky", post);
    for (String text : post.parts()) {
      if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
        throw new DomainException.Invalid("text", "problem.post-too-long", RULES.length(text), "Bluesky", RULES.maxCharacters());
      }
    }
  }

  Published publish(Session session, OutgoingPost post, String key, NetworkAdapter.PartLog partLog) {
    String did = session.get("did");
    Ref root = null;
    Ref parent = null;
    if (post.replyTo() != null) {
      JsonNode target = record(session, post.replyTo());
      if (target == null) {
        throw new AdapterException.Rejected("The post to answer no longer exists: " + post.replyTo(), 400, "RecordNotFound");
      }
      parent = new Ref(target.path("uri").asString(), target.path("cid").asString());
      JsonNode targetRoot = target.path("value").path("reply").path("root");
      root = targetRoot.isMissingNode() ? parent : new Ref(targetRoot.path("uri").asString(), targetRoot.path("cid").asString());
    }
    List<Published.Part> parts = new ArrayList<>();
    for (int i = 0; i < post.parts().size(); i++) {
      String rkey = Tids.forKey(key, i);
      String uri = "at://" + did + "/" + POST + "/" + rkey;
      JsonNode existing = record(session, uri);
      Ref made;
      if (existing != null) {
        made = new Ref(existing.path("uri").asString(), existing.path("cid").asString());
      } else {
        made = create(session, did, rkey, post, i, root, parent);
      }
      Published.Part part = new Published.Part(made.uri(), settings.postUrl(made.uri()));
      if (partLog.done(i) == null) {
        partLog.record(i, part);
      }
      parts.add(part);
      if (root == null) {
        root = made;
      }
      parent = made;
    }
    return new Published(parts);
  }

  private Ref create(Session session, String did, String rkey, OutgoingPost post, int index, Ref root, Ref parent) {
    String text = post.parts().get(index);
    Map<String, Object> record = map("$type", POST, "text", text, "createdAt", Instant.now().toString());
    var facets = Facets.of(text, identity::didOrNull);
    if (!facets.isEmpty()) {
      record.put("facets", facets);
    }
    if (parent != null) {
      record.put("reply", map("root", root.json(), "parent", parent.json()));
    }
    if (index == 0 && post.images() != null && !post.images().isEmpty()) {
      List<Map<String, Object>> images = new ArrayList<>();
      for (OutgoingPost.Image image : post.images()) {
        JsonNode blob = xrpc.authed(session, token -> xrpc.upload(Xrpc.pds(session), image.bytes(), PostCheck.mimeType(image), token,
            Xrpc.account(session))).path("blob");
        Map<String, Object> entry = map("image", xrpc.remote().mapper().convertValue(blob, Map.class), "alt",
            image.alt() == null ? "" : image.alt()); // required by the lexicon, empty allowed
        aspectRatio(image.bytes()).ifPresent(r -> entry.put("aspectRatio", r));
        images.add(entry);
      }
      record.put("embed", map("$type", "app.bsky.embed.images", "images", images));
    }
    Map<String, Object> body = new HashMap<>();
    body.put("repo", did);
    body.put("collection", POST);
    body.put("rkey", rkey);
    body.put("record", record);
    body.put("swapRecord", null); // must not exist yet: a concurrent retry cannot make a second post
    try {
      JsonNode answer = xrpc.authed(session, token -> xrpc.procedure(Xrpc.pds(session), "com.atproto.repo.putRecord", body, token,
          Xrpc.account(session)));
      return new Ref(answer.path("uri").asString(), answer.path("cid").asString());
    } catch (AdapterException.Rejected e) {
      if ("InvalidSwap".equals(e.errorCode())) {
        JsonNode existing = record(session, "at://" + did + "/" + POST + "/" + rkey);
        if (existing != null) {
          return new Ref(existing.path("uri").asString(), existing.path("cid").asString());
        }
      }
      throw e;
    }
  }

  /**
   * A like or repost record whose key comes from the idempotency key, written only if it does
   * not exist yet, so doing it twice leaves one.
   */
  Published.Part react(Session session, org.socius.networks.PersonalMessages.Reaction reaction, String postUri, String key) {
    String did = session.get("did");
    String collection = reaction == org.socius.networks.PersonalMessages.Reaction.LIKE ? "app.bsky.feed.like" : "app.bsky.feed.repost";
    String rkey = Tids.forKey(key, 0);
    String uri = "at://" + did + "/" + collection + "/" + rkey;
    if (record(session, uri) != null) {
      return new Published.Part(uri, settings.postUrl(postUri));
    }
    JsonNode target = record(session, postUri);
    if (target == null) {
      throw new AdapterException.Rejected("The post no longer exists: " + postUri, 400, "RecordNotFound");
    }
    Map<String, Object> body = new HashMap<>();
    body.put("repo", did);
    body.put("collection", collection);
    body.put("rkey", rkey);
    body.put("record", map("$type", collection, "subject", new Ref(target.path("uri").asString(), target.path("cid").asString()).json(),
        "createdAt", Instant.now().toString()));
    body.put("swapRecord", null);
    try {
      xrpc.authed(session, token -> xrpc.procedure(Xrpc.pds(session), "com.atproto.repo.putRecord", body, token, Xrpc.account(session)));
    } catch (AdapterException.Rejected e) {
      if (!"InvalidSwap".equals(e.errorCode())) {
        throw e;
      }
    }
    return new Published.Part(uri, settings.postUrl(postUri));
  }

  /** A record by its at:// URI, or null when it does not exist. */
  private JsonNode record(Session session, String atUri) {
    String[] p = atUri.substring("at://".length()).split("/");
    if (p.length != 3) {
      throw new DomainException.Invalid("replyTo", "problem.bluesky-uri");
    }
    try {
      return xrpc.authed(session, token -> xrpc.query(Xrpc.pds(session), "com.atproto.repo.getRecord",
          Map.of("repo", p[0], "collection", p[1], "rkey", p[2]), token, Xrpc.account(session)));
    } catch (AdapterException.Rejected e) {
      if ("RecordNotFound".equals(e.errorCode()) || e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static java.util.Optional<Map<String, Object>> aspectRatio(byte[] bytes) {
    try {
      var image = ImageIO.read(new ByteArrayInputStream(bytes));
      return image == null ? java.util.Optional.empty()
          : java.util.Optional.of(map("width", image.getWidth(), "height", image.getHeight()));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  record Ref(String uri, String cid) {
    Map<String, Object> json() {
      return map("uri", uri, "cid", cid);
    }
  }
}
