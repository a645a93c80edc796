package org.socius.inbox.internal.greet;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** "Greeted elsewhere" or "Skip": the card closes and nothing is sent. */
@Service
public class CloseGreetCard {

  private final ReadGreetCard cards;
  private final GreetCardStore store;
  private final Clock clock;

  CloseGreetCard(ReadGreetCard cards, GreetCardStore store, Clock clock) {
    this.cards = cards;
    this.store = store;
    this.clock = clock;
  }

  public void close(Member member, String cardId, String reason) {
    member.require(Role.EDITOR);
    GreetCard.State state = switch (reason == null ? "" : reason) {
      case "elsewhere" -> GreetCard.State.ELSEWHERE;
      case "skip" -> GreetCard.State.SKIPPED;
      default -> throw new DomainException.Invalid("reason", "problem.greet-close-reason");
    };
    GreetCard card = cards.card(member.workspaceId(), cardId);
    if (!store.close(member.workspaceId(), card.id(), state, member.memberId(), null, clock.millis())) {
      throw new DomainException.Conflict("problem.greet-closed");
    }
  }
}
