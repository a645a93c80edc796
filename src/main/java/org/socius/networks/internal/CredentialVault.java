package org.socius.networks.internal;

import java.util.Map;
import org.socius.platform.SecretBox;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Seals a channel's credentials (tokens, app passwords' sessions) for the database, bound to the channel id. */
@Component
public class CredentialVault {

  private final SecretBox box;
  private final JsonMapper json;

  CredentialVault(SecretBox box, JsonMapper json) {
    this.box = box;
    this.json = json;
  }

  public String seal(String channelId, Map<String, String> credentials) {
    return box.encrypt(json.writeValueAsString(credentials), context(channelId));
  }

  public Map<String, String> open(String channelId, String sealed) {
    return json.readValue(box.decrypt(sealed, context(channelId)), new TypeReference<Map<String, String>>() {});
  }

  private static String context(String channelId) {
    return "channel:" + channelId;
  }
}
