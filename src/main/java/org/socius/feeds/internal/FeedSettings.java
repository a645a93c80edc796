package org.socius.feeds.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.socius.platform.SecretBox;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A workspace's feeds settings (one row, made on first use): the image policy, and the random key
 * that signs image proxy addresses, sealed with the installation's secret key. The platform keeps
 * its key to itself (it only seals), so the signing key is a sealed secret of its own.
 */
@Repository
public class FeedSettings {

  private static final int KEY_BYTES = 32;

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /** Opened keys by workspace: the article view signs every image, and a key never changes once stored. */
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  FeedSettings(JdbcClient jdbc, SecretBox box, Clock clock) {
    this.jdbc = jdbc;
    this.box = box;
    this.clock = clock;
  }

  public ImagePolicy images(String workspaceId) {
    return jdbc.sql("SELECT images FROM feed_settings WHERE workspace_id = :ws").param("ws", workspaceId).query(String.class)
        .optional().map(ImagePolicy::parse).orElse(ImagePolicy.PROXY);
  }

  /** Owners only: the setting applies to every member's view, including items stored before. */
  public void changeImages(Member member, String code) {
    member.require(Role.OWNER);
    ImagePolicy policy = ImagePolicy.parse(code);
    ensureRow(member.workspaceId());
    jdbc.sql("UPDATE feed_settings SET images = :images, updated_at = :now WHERE workspace_id = :ws").param("images", policy.code())
        .param("now", clock.millis()).param("ws", member.workspaceId()).update();
  }

  /** The workspace's key for signing image addresses. */
  public byte[] signingKey(String workspaceId) {
    return keys.computeIfAbsent(workspaceId, ws -> {
      ensureRow(ws);
      String sealed = stored(ws).orElseThrow();
      try {
        return Base64.getDecoder().decode(box.decrypt(sealed, context(ws)));
      } catch (IllegalArgumentException e) {
        // sealed under another secret key (a restore elsewhere): a new key, and the old addresses stop working
        String fresh = sealedNewKey(ws);
        jdbc.sql("UPDATE feed_settings SET image_key = :key WHERE workspace_id = :ws AND image_key = :old").param("key", fresh)
            .param("ws", ws).param("old", sealed).update();
        return Base64.getDecoder().decode(box.decrypt(stored(ws).orElseThrow(), context(ws)));
      }
    });
  }

  private Optional<String> stored(String workspaceId) {
    return jdbc.sql("SELECT image_key FROM feed_settings WHERE workspace_id = :ws").param("ws", workspaceId).query(String.class)
        .optional();
  }

  private void ensureRow(String workspaceId) {
    // two nodes may make it at once: one insert wins, both use its key
    jdbc.sql("""
        INSERT INTO feed_settings (workspace_id, images, image_key, updated_at) VALUES (:ws, 'proxy', :key, :now)
        ON CONFLICT (workspace_id) DO NOTHING""").param("ws", workspaceId).param("key", sealedNewKey(workspaceId))
        .param("now", clock.millis()).update();
  }

  private String sealedNewKey(String workspaceId) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return box.encrypt(Base64.getEncoder().encodeToString(key), context(workspaceId));
  }

  private static String context(String workspaceId) {
    return "feed-image-key:" + workspaceId;
  }
}
