package org.socius.networks.internal.mastodon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.networks.Network;
import org.socius.networks.PostRules;
import org.socius.networks.internal.AdapterException;
import org.socius.networks.internal.RemoteApi;
import org.socius.platform.ImageTypes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A server's posting rules from {@code GET /api/v2/instance}: the length limit, what a URL counts
 * and how many attachments ({@code configuration.statuses}), the image size and types
 * ({@code configuration.media_attachments}). Kept for an hour per server; when the server does
 * not say (older versions, an error), Mastodon's defaults apply: 500, 23, 4, 16 MB, JPEG, PNG,
 * GIF and WebP. Of the image types a server lists, only those Socius can recognise by their
 * bytes are offered, since the check before publishing refuses the others.
 */
@Component
class InstanceRules {

  private static final Set<String> RECOGNISED = new LinkedHashSet<>(
      List.of(ImageTypes.JPEG, ImageTypes.PNG, ImageTypes.GIF, ImageTypes.WEBP));
  static final PostRules DEFAULTS = new PostRules(Network.MASTODON, 500, 23, 4, 16 * 1024 * 1024, RECOGNISED);

  private record Cached(PostRules rules, Instant until) {}

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

  PostRules of(String instance) {
    Instant now = clock.instant();
    Cached cached = cache.get(instance);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.rules();
    }
    PostRules rules;
    Duration keep = KEEP;
    try {
      // public information: asked without the account's token, under the server's own rate-limit key
      JsonNode configuration = new MastodonClient(api, instance, null, null).get("/api/v2/instance", Map.of(), "mastodon:" + instance)
          .json().path("configuration");
      rules = read(configuration);
    } catch (AdapterException e) {
      log.info("Using default posting rules for {}: {}", instance, e.getMessage());
      rules = DEFAULTS;
      keep = KEEP_DEFAULTS;
    }
    cache.put(instance, new Cached(rules, now.plus(keep)));
    return rules;
  }

  static PostRules read(JsonNode configuration) {
    JsonNode statuses = configuration.path("statuses");
    JsonNode media = configuration.path("media_attachments");
    return new PostRules(Network.MASTODON, count(statuses, "max_characters", DEFAULTS.maxCharacters()),
        count(statuses, "characters_reserved_per_url", DEFAULTS.charactersPerUrl()),
        count(statuses, "max_media_attachments", DEFAULTS.maxImages()),
        positive(media, "image_size_limit", DEFAULTS.maxImageBytes()), imageTypes(media.path("supported_mime_types")));
  }

  private static Set<String> imageTypes(JsonNode listed) {
    if (!listed.isArray()) {
      return DEFAULTS.imageTypes();
    }
    Set<String> types = new LinkedHashSet<>();
    for (JsonNode type : listed) {
      if (RECOGNISED.contains(type.asString(""))) {
        types.add(type.asString());
      }
    }
    return types;
  }

  private static int count(JsonNode node, String field, int fallback) {
    return (int) Math.min(positive(node, field, fallback), Integer.MAX_VALUE);
  }

  private static long positive(JsonNode node, String field, long fallback) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() && value.asLong() > 0 ? value.asLong() : fallback;
  }
}
