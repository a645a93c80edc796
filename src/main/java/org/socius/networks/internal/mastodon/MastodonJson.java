package org.socius.networks.internal.mastodon;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.socius.networks.Actor;
import org.socius.networks.Post;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon's JSON entities (Account, Status) as Socius' {@link Actor} and {@link Post}. A
 * required field that is missing or of the wrong kind throws {@link Missing}, so that the caller
 * skips that one item with the reason and goes on with the rest.
 */
final class MastodonJson {

  /** An item lacks something it must have. */
  static final class Missing extends RuntimeException {
    Missing(String message) {
      super(message, null, false, false);
    }
  }

  private MastodonJson() {}

  static Actor actor(JsonNode account, String host) {
    if (account == null || !account.isObject()) {
      throw new Missing("no account");
    }
    String id = required(account, "id");
    String handle = handle(required(account, "acct"), host);
    String name = optional(account, "display_name");
    if (name.isBlank()) {
      name = optional(account, "username");
    }
    String note = optional(account, "note");
    String url = optional(account, "url");
    return new Actor(id, handle, name.strip(), Html.sanitise(note), Html.text(note), optional(account, "avatar"),
        url.isEmpty() ? optional(account, "uri") : url);
  }

  /** {@code ann} (a local account) or {@code ann@other.example} as {@code @ann@host} with a lower-case domain. */
  static String handle(String acct, String host) {
    String a = acct.strip();
    if (a.startsWith("@")) {
      a = a.substring(1);
    }
    int at = a.indexOf('@');
    String user = at < 0 ? a : a.substring(0, at);
    String domain = at < 0 ? host : a.substring(at + 1);
    if (user.isEmpty() || domain == null || domain.isEmpty() || user.contains(" ") || domain.contains("@")) {
      throw new Missing("the account name '" + acct + "' is not a Mastodon handle");
    }
    return "@" + user + "@" + domain.toLowerCase(Locale.ROOT);
  }

  static Post post(JsonNode status) {
    if (status == null || !status.isObject()) {
      throw new Missing("no status");
    }
    String id = required(status, "id");
    Instant created = instant(status, "created_at");
    String content = Html.text(optional(status, "content"));
    String warning = optional(status, "spoiler_text").strip();
    String text = warning.isEmpty() ? content : warning + "\n\n" + content;
    String url = optional(status, "url");
    if (url.isEmpty()) {
      url = optional(status, "uri");
    }
    String replyTo = optional(status, "in_reply_to_id");
    String language = optional(status, "language");
    // a status that answers nothing starts its own thread; for a reply the start is not in the answer
    return new Post(id, url, text, language.isEmpty() ? null : language, created, replyTo.isEmpty() ? null : replyTo,
        replyTo.isEmpty() ? id : null);
  }

  static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !(value.isString() || value.isNumber()) || value.asString().isBlank()) {
      throw new Missing("no " + field);
    }
    return value.asString();
  }

  static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !(value.isString() || value.isNumber()) ? "" : value.asString();
  }

  static Instant instant(JsonNode node, String field) {
    String text = required(node, field);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e2) {
        throw new Missing(field + " is not a time: " + text);
      }
    }
  }

  /** Mastodon ids are decimal numbers as text: longer is newer, then by text. */
  static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  static String newer(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return compareIds(a, b) >= 0 ? a : b;
  }
}
