package org.socius.networks.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A channel's credentials for one piece of work. An adapter that renews them (a refreshed
 * Bluesky session) calls {@link #update}; the caller stores them encrypted afterwards.
 */
public final class Session {

  private final String channelId;
  private final Map<String, String> credentials;
  private boolean changed;

  public Session(String channelId, Map<String, String> credentials) {
    this.channelId = channelId;
    this.credentials = new HashMap<>(credentials);
  }

  public String channelId() {
    return channelId;
  }

  public String get(String key) {
    String value = credentials.get(key);
    if (value == null) {
      throw new AdapterException.CredentialsRejected("The stored credentials lack " + key + "; connect the account again");
    }
    return value;
  }

  public String getOrNull(String key) {
    return credentials.get(key);
  }

  public void update(Map<String, String> values) {
    credentials.putAll(values);
    changed = true;
  }

  public boolean changed() {
    return changed;
  }

  public Map<String, String> credentials() {
    return Map.copyOf(credentials);
  }
}
