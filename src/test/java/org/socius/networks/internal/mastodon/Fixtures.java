package org.socius.networks.internal.mastodon;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mastodon API entities as a server sends them, complete enough to validate against the API
 * description (every required field, right types and formats). {@link MastodonFixturesTest}
 * checks each kind; {@link FakeMastodon} checks every body it serves.
 */
final class Fixtures {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  private Fixtures() {}

  static ObjectNode account(String id, String acct, String displayName, String noteHtml) {
    String user = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
    String domain = acct.contains("@") ? acct.substring(acct.indexOf('@') + 1) : "local.example";
    ObjectNode a = JSON.createObjectNode();
    a.put("id", id);
    a.put("username", user);
    a.put("acct", acct);
    a.put("display_name", displayName);
    a.put("locked", false);
    a.put("bot", false);
    a.put("group", false);
    a.put("indexable", true);
    a.put("discoverable", true);
    a.put("created_at", "2024-03-01T00:00:00.000Z");
    a.put("note", noteHtml);
    a.put("url", "https://" + domain + "/@" + user);
    a.put("uri", "https://" + domain + "/users/" + user);
    a.put("avatar", "https://files." + domain + "/avatars/" + user + ".png");
    a.put("avatar_static", "https://files." + domain + "/avatars/" + user + ".png");
    a.put("header", "https://files." + domain + "/headers/" + user + ".png");
    a.put("header_static", "https://files." + domain + "/headers/" + user + ".png");
    a.put("followers_count", 12);
    a.put("following_count", 34);
    a.put("statuses_count", 56);
    a.put("last_status_at", "2026-11-19");
    a.putArray("emojis");
    ArrayNode fields = a.putArray("fields");
    ObjectNode field = fields.addObject();
    field.put("name", "Website");
    field.put("value", "<a href=\"https://" + domain + "\" rel=\"me nofollow noopener\" target=\"_blank\">" + domain + "</a>");
    field.putNull("verified_at");
    return a;
  }

  /** The signed-in account ({@code verify_credentials}): an account with {@code source} and {@code role}. */
  static ObjectNode credentialAccount(String id, String acct, String displayName, String noteHtml) {
    ObjectNode a = account(id, acct, displayName, noteHtml);
    ObjectNode source = a.putObject("source");
    source.put("note", Html.text(noteHtml));
    source.putArray("fields");
    source.put("privacy", "public");
    source.put("sensitive", false);
    source.put("language", "en");
    source.put("follow_requests_count", 0);
    source.put("indexable", true);
    ObjectNode role = a.putObject("role");
    role.put("id", "-99");
    role.put("name", "");
    role.put("permissions", "0");
    role.put("color", "");
    role.put("highlighted", false);
    return a;
  }

  static ObjectNode status(String id, ObjectNode account, String contentHtml, String visibility, String inReplyToId,
      String inReplyToAccountId, Instant createdAt) {
    String url = account.path("url").asString() + "/" + id;
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    s.put("created_at", time(createdAt));
    if (inReplyToId == null) {
      s.putNull("in_reply_to_id");
      s.putNull("in_reply_to_account_id");
    } else {
      s.put("in_reply_to_id", inReplyToId);
      s.put("in_reply_to_account_id", inReplyToAccountId);
    }
    s.put("sensitive", false);
    s.put("spoiler_text", "");
    s.put("visibility", visibility);
    s.put("language", "en");
    s.put("uri", account.path("uri").asString() + "/statuses/" + id);
    s.put("url", url);
    s.put("replies_count", 0);
    s.put("reblogs_count", 0);
    s.put("favourites_count", 0);
    s.putNull("edited_at");
    s.put("content", contentHtml);
    s.putNull("reblog");
    s.set("account", account);
    s.putArray("media_attachments");
    s.putArray("mentions");
    s.putArray("tags");
    s.putArray("emojis");
    s.putNull("card");
    s.putNull("poll");
    return s;
  }

  static ObjectNode notification(String id, String type, ObjectNode account, ObjectNode status, Instant at) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("type", type);
    n.put("created_at", time(at));
    n.put("group_key", "ungrouped-" + id);
    n.set("account", account);
    if (status != null) {
      n.set("status", status);
    }
    return n;
  }

  static ObjectNode conversation(String id, ObjectNode lastStatus, ObjectNode... accounts) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    c.put("unread", true);
    ArrayNode list = c.putArray("accounts");
    for (ObjectNode a : accounts) {
      list.add(a);
    }
    c.set("last_status", lastStatus);
    return c;
  }

  static ObjectNode instance(String domain, int maxCharacters, int charactersPerUrl, int maxMedia) {
    ObjectNode i = JSON.createObjectNode();
    i.put("domain", domain);
    i.put("title", "A test server");
    i.put("version", "4.5.0");
    i.put("source_url", "https://source.example/mastodon");
    i.put("description", "A server for tests.");
    i.putObject("usage").putObject("users").put("active_month", 3);
    i.putObject("thumbnail").put("url", "https://" + domain + "/thumbnail.png");
    ObjectNode icon = i.putArray("icon").addObject();
    icon.put("src", "https://" + domain + "/icon-48.png");
    icon.put("size", "48x48");
    i.putArray("languages").add("en");
    ObjectNode c = i.putObject("configuration");
    ObjectNode urls = c.putObject("urls");
    urls.put("streaming", "wss://" + domain);
    ObjectNode accounts = c.putObject("accounts");
    accounts.put("max_featured_tags", 10);
    accounts.put("max_pinned_statuses", 5);
    ObjectNode statuses = c.putObject("statuses");
    statuses.put("max_characters", maxCharacters);
    statuses.put("max_media_attachments", maxMedia);
    statuses.put("characters_reserved_per_url", charactersPerUrl);
    ObjectNode media = c.putObject("media_attachments");
    media.putArray("supported_mime_types").add("image/png").add("image/jpeg");
    media.put("image_size_limit", 16777216);
    media.put("image_matrix_limit", 33177600);
    media.put("video_size_limit", 103809024);
    media.put("video_frame_rate_limit", 120);
    media.put("video_matrix_limit", 8294400);
    media.put("description_limit", 1500);
    ObjectNode polls = c.putObject("polls");
    polls.put("max_options", 4);
    polls.put("max_characters_per_option", 50);
    polls.put("min_expiration", 300);
    polls.put("max_expiration", 2629746);
    c.putObject("translation").put("enabled", false);
    ObjectNode registrations = i.putObject("registrations");
    registrations.put("enabled", false);
    registrations.put("approval_required", false);
    i.putObject("contact").put("email", "admin@example.org");
    i.putObject("api_versions").put("mastodon", 6);
    i.putArray("rules");
    return i;
  }

  /** An attachment; {@code url} null while the server still processes it. */
  static ObjectNode media(String id, String url, String description) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("type", "image");
    if (url == null) {
      m.putNull("url");
    } else {
      m.put("url", url);
    }
    m.put("preview_url", "https://files.local.example/media/" + id + "/small.png");
    m.putNull("remote_url");
    m.putNull("meta");
    m.put("description", description);
    m.put("blurhash", "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}");
    return m;
  }

  static ObjectNode app(String clientId, String clientSecret, String redirectUri, String scopes) {
    ObjectNode a = JSON.createObjectNode();
    a.put("id", "563419");
    a.put("name", "Socius");
    a.putNull("website");
    a.put("redirect_uri", redirectUri);
    a.putArray("redirect_uris").add(redirectUri);
    ArrayNode s = a.putArray("scopes");
    for (String scope : scopes.split(" ")) {
      s.add(scope);
    }
    a.put("client_id", clientId);
    a.put("client_secret", clientSecret);
    a.putNull("client_secret_expires_at");
    a.put("vapid_key", "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=");
    return a;
  }

  static ObjectNode token(String accessToken, String scope) {
    ObjectNode t = JSON.createObjectNode();
    t.put("access_token", accessToken);
    t.put("token_type", "Bearer");
    t.put("scope", scope);
    t.put("created_at", 1764000000);
    return t;
  }

  static ObjectNode error(String text) {
    ObjectNode e = JSON.createObjectNode();
    e.put("error", text);
    return e;
  }

  static ArrayNode array(JsonNode... items) {
    ArrayNode a = JSON.createArrayNode();
    for (JsonNode i : items) {
      a.add(i);
    }
    return a;
  }

  /** As Mastodon writes times: {@code 2026-11-20T10:00:00.000Z}. */
  static String time(Instant at) {
    return TIME.format(at.truncatedTo(ChronoUnit.MILLIS));
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
