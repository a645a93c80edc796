package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.stereotype.Service;

/** A member revokes one of their own API tokens; it stops working on the next request. */
@Service
public class RevokeApiToken {

  private final ApiTokenStore tokens;
  private final Clock clock;

  RevokeApiToken(ApiTokenStore tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  public void revoke(Member me, String tokenId) {
    if (!tokens.revoke(me.workspaceId(), me.userId(), tokenId, clock.millis())) {
      throw new DomainException.NotFound("problem.no-token");
    }
  }
}
