package org.socius.inbox.internal;

import java.util.Locale;
import org.socius.platform.DomainException;

/** Whose turn it is in a conversation. */
public enum ConversationState {
  /** Waiting on us: they wrote last (or just followed). */
  OPEN,
  /** Waiting on them: we answered. */
  WAITING,
  /** Closed by a member; their next message opens it again. */
  DONE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConversationState of(String code) {
    for (ConversationState s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new DomainException.Invalid("state", "problem.inbox.state");
  }
}
