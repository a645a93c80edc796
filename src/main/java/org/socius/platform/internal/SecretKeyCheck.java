package org.socius.platform.internal;

import java.util.Optional;
import org.socius.platform.SecretBox;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a different secret key than the one the database's secrets were sealed
 * with, e.g. a second node without the shared {@code SOCIUS_SECRET_KEY}: failing loudly beats
 * secrets that silently cannot be read.
 */
@Component
class SecretKeyCheck implements SmartInitializingSingleton {

  private static final String CHECK_CONTEXT = "socius:key-check";
  private static final String CHECK_TEXT = "socius";

  private final JdbcClient jdbc;
  private final SecretBox box;

  SecretKeyCheck(JdbcClient jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  @Override
  public void afterSingletonsInstantiated() {
    jdbc.sql("INSERT INTO platform_settings (name, value) VALUES ('secret_key_check', :value) ON CONFLICT (name) DO NOTHING")
        .param("value", box.encrypt(CHECK_TEXT, CHECK_CONTEXT))
        .update();
    Optional<String> stored = jdbc.sql("SELECT value FROM platform_settings WHERE name = 'secret_key_check'")
        .query(String.class).optional();
    try {
      stored.map(s -> box.decrypt(s, CHECK_CONTEXT)).filter(CHECK_TEXT::equals).orElseThrow();
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      throw new IllegalStateException(
          "The secret key does not match the one this database was set up with. Every node must use the same key: "
              + "set SOCIUS_SECRET_KEY, or copy secret.key from the first node's data directory.");
    }
  }
}
