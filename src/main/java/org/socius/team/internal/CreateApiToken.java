package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.Hashes;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/**
 * A member creates a personal API token for one workspace with a role no higher than their own.
 * The secret is returned once and only its hash is kept.
 */
@Service
public class CreateApiToken {

  public record Created(ApiTokenStore.ApiToken token, String secret) {}

  private final ApiTokenStore tokens;
  private final Clock clock;

  CreateApiToken(ApiTokenStore tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  public Created create(Member me, String name, String role) {
    return create(me, name, role, false);
  }

  /**
   * With {@code personalMessages} the token may send replies, mentions, direct messages, likes and
   * reposts (each audited). Only a person in a browser session grants that, never another token.
   */
  public Created create(Member me, String name, String role, boolean personalMessages) {
    if (personalMessages && me.viaToken() != null) {
      throw new org.socius.platform.DomainException.Forbidden("problem.personal-scope-by-person");
    }
    String cleanName = Fields.text("name", name, 100);
    Role tokenRole = role == null || role.isBlank() ? me.role() : Role.parse("role", role);
    if (!me.role().atLeast(tokenRole)) {
      throw new org.socius.platform.DomainException.Invalid("role", "problem.token-role", me.role().code());
    }
    String secret = Ids.newSecret("soc_");
    ApiTokenStore.ApiToken token = new ApiTokenStore.ApiToken(Ids.newId(), me.workspaceId(), me.userId(), cleanName,
        tokenRole.code(), secret.substring(0, 10), clock.millis(), null, null, personalMessages);
    tokens.insert(token, Hashes.sha256(secret));
    return new Created(token, secret);
  }
}
