package org.socius.networks.internal.mastodon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.RemoteApi;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A server's posting rules from {@code GET /api/v2/instance} ({@code configuration.statuses}):
 * the length limit, what a URL counts, how many attachments. Kept for an hour per server; when
 * the server does not say (older versions, an error), Mastodon's defaults apply: 500, 23, 4.
 */
@Component
class InstanceRules {

  record Rules(int maxCharacters, int charactersPerUrl, int maxMediaAttachments) {
    static final Rules DEFAULTS = new Rules(500, 23, 4);
  }

  private record Cached(Rules rules, Instant until) {}

  private static final Logger log = LoggerFactory.getLogger(InstanceRules.class);
  static final Duration KEEP = Duration.ofHours(1);
  private static final Duration KEEP_DEFAULTS = Duration.ofMinutes(5);

  private final RemoteApi api;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  InstanceRules(RemoteApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Rules of(String instance) {
    Instant now = clock.instant();
    Cached cached = cache.get(instance);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.rules();
    }
    Rules rules;
    Duration keep = KEEP;
    try {
      // public information: asked without the account's token, under the server's own rate-limit key
      JsonNode statuses = new MastodonClient(api, instance, null, null).get("/api/v2/instance", Map.of(), "mastodon:" + instance)
          .json().path("configuration").path("statuses");
      rules = new Rules(positive(statuses, "max_characters", Rules.DEFAULTS.maxCharacters()),
          positive(statuses, "characters_reserved_per_url", Rules.DEFAULTS.charactersPerUrl()),
          positive(statuses, "max_media_attachments", Rules.DEFAULTS.maxMediaAttachments()));
    } catch (AdapterException e) {
      log.info("Using default posting rules for {}: {}", instance, e.getMessage());
      rules = Rules.DEFAULTS;
      keep = KEEP_DEFAULTS;
    }
    cache.put(instance, new Cached(rules, now.plus(keep)));
    return rules;
  }

  private static int positive(JsonNode node, String field, int fallback) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() && value.asInt() > 0 ? value.asInt() : fallback;
  }
}
