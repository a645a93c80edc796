package org.socius.people.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.socius.people.Strength;
import org.socius.people.internal.Interaction.Direction;
import org.socius.people.internal.Interaction.Kind;

/**
 * An explainable relationship strength from the interaction history (docs/people.md has worked
 * examples; {@code RelationshipStrengthTest} checks them).
 *
 * <p>A <em>conversation</em> is a message (mention, reply, direct message, greeting) answered by
 * one in the other direction within 7 days; messages are paired in time order, each used once.
 * A contact a member logged by hand (a meeting, a call) counts as a conversation too. Each
 * conversation weighs 10 points at the time of its answer; a message nobody answered 3, a quote
 * 3, a repost or a follow 2, a favourite 1, an unfollow 0. Every weight halves every 30 days of
 * age ({@link #HALF_LIFE}): {@code raw = Σ w · 0.5^(age / 30 d)}, over the last 365 days.
 *
 * <p><em>Reciprocity</em> R over the last 90 days is the share of all messages (ours and theirs)
 * that the other side answered within 7 days, 0 without messages. The score is
 * {@code round(100 · raw / (raw + 20) · (0.75 + 0.25 · R))}: 20 raw points make half of the way,
 * and one-sided attention keeps at most three quarters of it.
 *
 * <p>The <em>trend</em> compares the undecayed points of the last 30 days with the 30 before:
 * growing when the recent ones are ahead by at least half and at least 2 points, cooling when
 * the earlier ones are, else steady.
 */
public final class RelationshipStrength {

  public static final Duration HALF_LIFE = Duration.ofDays(30);
  public static final Duration ANSWER_WINDOW = Duration.ofDays(7);
  public static final Duration RECIPROCITY_WINDOW = Duration.ofDays(90);
  /** Older interactions weigh less than 1/4000 of their worth and are not read. */
  public static final Duration HORIZON = Duration.ofDays(365);
  static final double CONVERSATION = 10;
  static final double HALF_WAY = 20;

  private RelationshipStrength() {}

  public static Strength of(List<Interaction> history, Instant now) {
    List<Interaction> all = history.stream().filter(i -> !i.occurredAt().isBefore(now.minus(HORIZON)))
        .sorted(Comparator.comparing(Interaction::occurredAt)).toList();
    Paired paired = pair(all);
    Points points = new Points(now);
    paired.conversations().forEach(at -> points.add(at, CONVERSATION));
    int signals = 0;
    for (Interaction i : all) {
      double w = weight(i, paired);
      points.add(i.occurredAt(), w);
      if (w > 0 && !i.kind().isMessage() && age(i.occurredAt(), now) < 30) {
        signals++;
      }
    }
    Reciprocity r = reciprocity(all, now);
    double share = r.messages() == 0 ? 0 : (double) (r.answeredByThem() + r.answeredByUs()) / r.messages();
    int score = (int) Math.round(100 * points.raw / (points.raw + HALF_WAY) * (0.75 + 0.25 * share));
    return new Strength(score, trend(points.recent, points.before), reasons(paired.conversations(), r, signals, now));
  }

  /** Decayed points for the score, undecayed ones of the last 30 days and the 30 before for the trend. */
  private static final class Points {
    final Instant now;
    double raw;
    double recent;
    double before;

    Points(Instant now) {
      this.now = now;
    }

    void add(Instant at, double weight) {
      double age = age(at, now);
      raw += weight * decay(at, now);
      recent += age < 30 ? weight : 0;
      before += age >= 30 && age < 60 ? weight : 0;
    }
  }

  /** Whether there was a two-way conversation that ended after {@code since}: a genuine relationship. */
  public static boolean hadConversationSince(List<Interaction> history, Instant since) {
    for (Interaction a : history) {
      if (a.kind() == Kind.MANUAL && !a.occurredAt().isBefore(since)) {
        return true;
      }
      if (!a.kind().isMessage()) {
        continue;
      }
      for (Interaction b : history) {
        if (answers(b, a) && !b.occurredAt().isBefore(since)) {
          return true;
        }
      }
    }
    return false;
  }

  /** When each conversation was answered (manual entries: when they happened), and the messages paired into one. */
  record Paired(List<Instant> conversations, Set<Interaction> messages) {}

  static Paired pair(List<Interaction> sorted) {
    List<Instant> at = new ArrayList<>();
    Set<Interaction> paired = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Interaction> messages = sorted.stream().filter(i -> i.kind().isMessage()).toList();
    for (int i = 0; i < messages.size(); i++) {
      if (paired.contains(messages.get(i))) {
        continue;
      }
      for (int j = i + 1; j < messages.size(); j++) {
        if (!paired.contains(messages.get(j)) && answers(messages.get(j), messages.get(i))) {
          paired.add(messages.get(i));
          paired.add(messages.get(j));
          at.add(messages.get(j).occurredAt());
          break;
        }
      }
    }
    sorted.stream().filter(i -> i.kind() == Kind.MANUAL).forEach(i -> at.add(i.occurredAt()));
    at.sort(Comparator.naturalOrder());
    return new Paired(at, paired);
  }

  /** Whether b is a message answering message a: the other direction, within 7 days after it. */
  static boolean answers(Interaction b, Interaction a) {
    return b.kind().isMessage() && a.kind().isMessage() && b.direction() != a.direction()
        && !b.occurredAt().isBefore(a.occurredAt()) && !b.occurredAt().isAfter(a.occurredAt().plus(ANSWER_WINDOW));
  }

  /** The weight of what is not part of a conversation: unanswered messages and one-way signals. */
  private static double weight(Interaction i, Paired paired) {
    return switch (i.kind()) {
      case MENTIONED, REPLIED, MESSAGED, GREETED -> paired.messages().contains(i) ? 0 : 3;
      case QUOTED -> 3;
      case REPOSTED, FOLLOWED -> 2;
      case FAVOURITED -> 1;
      case UNFOLLOWED, MANUAL -> 0;
    };
  }

  record Reciprocity(int ours, int answeredByThem, int theirs, int answeredByUs) {
    int messages() {
      return ours + theirs;
    }
  }

  /** Of the messages in the last 90 days, how many the other side answered within 7 days. */
  static Reciprocity reciprocity(List<Interaction> sorted, Instant now) {
    Instant since = now.minus(RECIPROCITY_WINDOW);
    int ours = 0;
    int answeredByThem = 0;
    int theirs = 0;
    int answeredByUs = 0;
    for (Interaction a : sorted) {
      if (!a.kind().isMessage() || a.occurredAt().isBefore(since)) {
        continue;
      }
      boolean answered = sorted.stream().anyMatch(b -> answers(b, a));
      if (a.direction() == Direction.OUT) {
        ours++;
        answeredByThem += answered ? 1 : 0;
      } else {
        theirs++;
        answeredByUs += answered ? 1 : 0;
      }
    }
    return new Reciprocity(ours, answeredByThem, theirs, answeredByUs);
  }

  static Strength.Trend trend(double recent, double before) {
    if (recent - before >= Math.max(2, before / 2)) {
      return Strength.Trend.GROWING;
    }
    if (before - recent >= Math.max(2, recent / 2)) {
      return Strength.Trend.COOLING;
    }
    return Strength.Trend.STEADY;
  }

  private static List<Strength.Reason> reasons(List<Instant> conversations, Reciprocity r, int signals, Instant now) {
    List<Strength.Reason> reasons = new ArrayList<>();
    long last30 = conversations.stream().filter(at -> age(at, now) < 30).count();
    long last90 = conversations.stream().filter(at -> age(at, now) < 90).count();
    if (last30 > 0) {
      reasons.add(Strength.Reason.of("people.reason.conversations-30", last30));
    } else if (last90 > 0) {
      reasons.add(Strength.Reason.of("people.reason.conversations-90", last90));
    } else {
      reasons.add(Strength.Reason.of("people.reason.no-conversations"));
    }
    if (r.ours() > 0) {
      reasons.add(Strength.Reason.of("people.reason.they-answered", r.answeredByThem(), r.ours()));
    }
    if (r.theirs() > 0) {
      reasons.add(Strength.Reason.of("people.reason.you-answered", r.answeredByUs(), r.theirs()));
    }
    if (signals > 0) {
      reasons.add(Strength.Reason.of("people.reason.signals", signals));
    }
    return reasons;
  }

  /** Age in days, with fractions. */
  static double age(Instant at, Instant now) {
    return Math.max(0, Duration.between(at, now).toMillis()) / 86_400_000.0;
  }

  static double decay(Instant at, Instant now) {
    return Math.pow(0.5, age(at, now) / (HALF_LIFE.toMillis() / 86_400_000.0));
  }
}
