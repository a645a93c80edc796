package org.socius.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.people.internal.Interaction.Direction.IN;
import static org.socius.people.internal.Interaction.Direction.OUT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.people.Strength;
import org.socius.people.Strength.Reason;
import org.socius.people.Strength.Trend;
import org.socius.people.internal.Interaction.Direction;
import org.socius.people.internal.Interaction.Kind;

/** The worked examples of docs/people.md, exactly as written there. */
class RelationshipStrengthTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static Interaction at(double daysAgo, Direction direction, Kind kind) {
    return Interaction.of(direction, kind, NOW.minus(Duration.ofMillis((long) (daysAgo * 86_400_000L))));
  }

  @Test
  void aNewFollowerIsAOneWaySignal() {
    Strength s = RelationshipStrength.of(List.of(at(0, IN, Kind.FOLLOWED)), NOW);
    // raw 2; no messages, so R = 0: 100 · 2/22 · 0.75 = 6.8
    assertThat(s.score()).isEqualTo(7);
    assertThat(s.trend()).isEqualTo(Trend.GROWING);
    assertThat(s.reasons()).containsExactly(Reason.of("people.reason.no-conversations"), Reason.of("people.reason.signals", 1));
  }

  @Test
  void threeConversationsInAMonthWithTwoOfThreeAnsweredEachWay() {
    Strength s = RelationshipStrength.of(List.of(
        at(20, IN, Kind.MENTIONED), at(19, OUT, Kind.REPLIED),
        at(10, OUT, Kind.MENTIONED), at(9, IN, Kind.REPLIED),
        at(3, OUT, Kind.MESSAGED), at(2, IN, Kind.MESSAGED)), NOW);
    // raw 10 · (0.5^(19/30) + 0.5^(9/30) + 0.5^(2/30)) = 24.12; R = 4/6: 100 · 24.12/44.12 · 0.9167 = 50.1
    assertThat(s.score()).isEqualTo(50);
    assertThat(s.trend()).isEqualTo(Trend.GROWING);
    assertThat(s.reasons()).containsExactly(Reason.of("people.reason.conversations-30", 3L),
        Reason.of("people.reason.they-answered", 2, 3), Reason.of("people.reason.you-answered", 2, 3));
  }

  @Test
  void anOldConversationAndARecentFavouriteIsCooling() {
    Strength s = RelationshipStrength.of(List.of(at(41, IN, Kind.MENTIONED), at(40, OUT, Kind.REPLIED), at(5, IN, Kind.FAVOURITED)),
        NOW);
    // raw 10 · 0.5^(40/30) + 1 · 0.5^(5/30) = 4.86; R = 1/2: 100 · 4.86/24.86 · 0.875 = 17.1
    assertThat(s.score()).isEqualTo(17);
    assertThat(s.trend()).isEqualTo(Trend.COOLING);
    assertThat(s.reasons()).containsExactly(Reason.of("people.reason.conversations-90", 1L),
        Reason.of("people.reason.they-answered", 0, 1), Reason.of("people.reason.you-answered", 1, 1),
        Reason.of("people.reason.signals", 1));
  }

  @Test
  void unansweredMentionsWeighLessThanOneConversation() {
    Strength oneSided = RelationshipStrength.of(List.of(at(25, IN, Kind.MENTIONED), at(15, IN, Kind.MENTIONED),
        at(5, IN, Kind.MENTIONED)), NOW);
    // raw 3 · (0.5^(25/30) + 0.5^(15/30) + 0.5^(5/30)) = 6.48; R = 0: 100 · 6.48/26.48 · 0.75 = 18.3
    assertThat(oneSided.score()).isEqualTo(18);
    assertThat(oneSided.reasons()).containsExactly(Reason.of("people.reason.no-conversations"),
        Reason.of("people.reason.you-answered", 0, 3));
    Strength twoWay = RelationshipStrength.of(List.of(at(5, IN, Kind.MENTIONED), at(5, OUT, Kind.REPLIED)), NOW);
    assertThat(twoWay.score()).isGreaterThan(oneSided.score());
  }

  @Test
  void nothingIsZeroAndSteady() {
    Strength s = RelationshipStrength.of(List.of(), NOW);
    assertThat(s.score()).isZero();
    assertThat(s.trend()).isEqualTo(Trend.STEADY);
  }

  @Test
  void weightsHalveEveryThirtyDays() {
    assertThat(RelationshipStrength.decay(NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(0.5);
    assertThat(RelationshipStrength.decay(NOW.minus(Duration.ofDays(60)), NOW)).isEqualTo(0.25);
    assertThat(RelationshipStrength.of(List.of(at(400, IN, Kind.MENTIONED), at(399, OUT, Kind.REPLIED)), NOW).score()).isZero();
  }

  @Test
  void anAnswerCountsWithinSevenDaysOnly() {
    assertThat(RelationshipStrength.pair(List.of(at(20, OUT, Kind.MENTIONED), at(13, IN, Kind.REPLIED))).conversations()).hasSize(1);
    assertThat(RelationshipStrength.pair(List.of(at(20, OUT, Kind.MENTIONED), at(12.9, IN, Kind.REPLIED))).conversations()).isEmpty();
    // same direction is no answer, and each message answers once
    assertThat(RelationshipStrength.pair(List.of(at(3, IN, Kind.MENTIONED), at(2, IN, Kind.REPLIED))).conversations()).isEmpty();
    assertThat(RelationshipStrength.pair(List.of(at(3, IN, Kind.MENTIONED), at(2, IN, Kind.MENTIONED), at(1, OUT, Kind.REPLIED)))
        .conversations()).hasSize(1);
  }

  @Test
  void aLoggedContactIsAConversation() {
    Strength s = RelationshipStrength.of(List.of(at(10, OUT, Kind.MANUAL)), NOW);
    assertThat(s.reasons()).first().isEqualTo(Reason.of("people.reason.conversations-30", 1L));
  }

  @Test
  void genuineRelationshipNeedsATwoWayConversationInNinetyDays() {
    Instant since = NOW.minus(Duration.ofDays(90));
    assertThat(RelationshipStrength.hadConversationSince(List.of(at(80, IN, Kind.MENTIONED), at(79, OUT, Kind.REPLIED)), since)).isTrue();
    assertThat(RelationshipStrength.hadConversationSince(List.of(at(95, IN, Kind.MENTIONED), at(94, OUT, Kind.REPLIED)), since)).isFalse();
    assertThat(RelationshipStrength.hadConversationSince(List.of(at(5, IN, Kind.MENTIONED), at(4, IN, Kind.FAVOURITED),
        at(3, IN, Kind.FOLLOWED)), since)).isFalse();
    assertThat(RelationshipStrength.hadConversationSince(List.of(at(30, OUT, Kind.MANUAL)), since)).isTrue();
  }
}
