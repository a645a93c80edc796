package org.socius.people.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that passed between a person and the workspace.
 *
 * @param direction {@code IN}: theirs; {@code OUT}: ours, by {@code memberId}
 * @param text an excerpt of the post or the words of a manual entry; untrusted
 */
public record Interaction(String id, String personId, String identityId, String channelId, Direction direction, Kind kind,
    String networkEventId, String memberId, String text, String url, Instant occurredAt) {

  public enum Direction {
    IN,
    OUT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What happened; {@link #isMessage()} kinds are words addressed to the other side. */
  public enum Kind {
    FOLLOWED,
    UNFOLLOWED,
    MENTIONED,
    REPLIED,
    MESSAGED,
    FAVOURITED,
    REPOSTED,
    QUOTED,
    GREETED,
    MANUAL;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMessage() {
      return this == MENTIONED || this == REPLIED || this == MESSAGED || this == GREETED;
    }
  }

  /** Just what the strength looks at, for examples and tests. */
  public static Interaction of(Direction direction, Kind kind, Instant at) {
    return new Interaction(null, null, null, null, direction, kind, null, null, "", "", at);
  }
}
