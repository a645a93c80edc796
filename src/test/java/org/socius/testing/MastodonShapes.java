package org.socius.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Mastodon entities {@link MastodonStatuses} serves, with the fields the Socius adapter
 * reads and the ones a real server always sends beside them, so answers look like the real thing.
 */
final class MastodonShapes {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MastodonShapes() {}

  /** An account as it appears inside statuses. */
  static ObjectNode account(String base, String id, String username) {
    ObjectNode a = JSON.createObjectNode();
    a.put("id", id);
    a.put("username", username);
    a.put("acct", username);
    a.put("display_name", "Account " + username);
    a.put("locked", false);
    a.put("bot", false);
    a.put("group", false);
    a.put("created_at", "2024-03-01T00:00:00.000Z");
    a.put("note", "<p>A test account</p>");
    a.put("url", base + "/@" + username);
    a.put("uri", base + "/users/" + username);
    a.put("avatar", base + "/avatars/" + username + ".png");
    a.put("avatar_static", base + "/avatars/" + username + ".png");
    a.put("header", base + "/headers/" + username + ".png");
    a.put("header_static", base + "/headers/" + username + ".png");
    a.put("followers_count", 0);
    a.put("following_count", 0);
    a.put("statuses_count", 0);
    a.putArray("emojis");
    a.putArray("fields");
    return a;
  }

  /** The signed-in account ({@code verify_credentials}): the account plus {@code source} and {@code role}. */
  static ObjectNode credentialAccount(ObjectNode account) {
    ObjectNode a = account.deepCopy();
    ObjectNode source = a.putObject("source");
    source.put("note", "A test account");
    source.putArray("fields");
    source.put("privacy", "public");
    source.put("sensitive", false);
    source.put("language", "en");
    source.put("follow_requests_count", 0);
    ObjectNode role = a.putObject("role");
    role.put("id", "-99");
    role.put("name", "");
    role.put("permissions", "0");
    role.put("color", "");
    role.put("highlighted", false);
    return a;
  }

  static ObjectNode status(String id, ObjectNode account, String text, String visibility, String replyTo, String replyToAccount,
      List<ObjectNode> media, Instant at) {
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    s.put("created_at", time(at));
    s.put("in_reply_to_id", replyTo);
    s.put("in_reply_to_account_id", replyToAccount);
    s.put("sensitive", false);
    s.put("spoiler_text", "");
    s.put("visibility", visibility);
    s.put("language", "en");
    s.put("uri", account.path("uri").asString() + "/statuses/" + id);
    s.put("url", account.path("url").asString() + "/" + id);
    s.put("replies_count", 0);
    s.put("reblogs_count", 0);
    s.put("favourites_count", 0);
    s.putNull("edited_at");
    s.put("content", text.isEmpty() ? "" : "<p>" + escape(text) + "</p>");
    s.putNull("reblog");
    s.set("account", account);
    ArrayNode attachments = s.putArray("media_attachments");
    media.forEach(attachments::add);
    s.putArray("mentions");
    s.putArray("tags");
    s.putArray("emojis");
    s.putNull("card");
    s.putNull("poll");
    return s;
  }

  /** An attachment that is ready (its {@code url} set), as a small image is right after upload. */
  static ObjectNode media(String base, String id, String description) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("type", "image");
    m.put("url", base + "/media/" + id + ".png");
    m.put("preview_url", base + "/media/" + id + "/small.png");
    m.putNull("remote_url");
    m.putNull("meta");
    m.put("description", description);
    m.putNull("blurhash");
    return m;
  }

  /** {@code /api/v2/instance}: the posting rules sit under {@code configuration.statuses}. */
  static ObjectNode instance(String base, int maxCharacters, int perUrl, int maxMedia) {
    ObjectNode i = JSON.createObjectNode();
    i.put("domain", "127.0.0.1");
    i.put("title", "Statuses test server");
    i.put("version", "4.5.0");
    i.put("source_url", "https://source.example/mastodon");
    i.put("description", "A local server for tests.");
    i.putArray("languages").add("en");
    ObjectNode c = i.putObject("configuration");
    c.putObject("urls").put("streaming", base.replace("http", "ws"));
    ObjectNode statuses = c.putObject("statuses");
    statuses.put("max_characters", maxCharacters);
    statuses.put("max_media_attachments", maxMedia);
    statuses.put("characters_reserved_per_url", perUrl);
    ObjectNode media = c.putObject("media_attachments");
    media.putArray("supported_mime_types").add("image/png").add("image/jpeg");
    media.put("image_size_limit", 16777216);
    media.put("description_limit", 1500);
    i.putObject("registrations").put("enabled", false);
    i.putArray("rules");
    return i;
  }

  static ObjectNode error(String text) {
    return JSON.createObjectNode().put("error", text);
  }

  static String time(Instant at) {
    return TIME.format(at.truncatedTo(ChronoUnit.MILLIS));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
  }
}
