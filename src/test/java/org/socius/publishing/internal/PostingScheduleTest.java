package org.socius.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socius.platform.DomainException;
import org.socius.publishing.internal.PostingSchedule.Slot;

class PostingScheduleTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static List<Slot> slots(String... codes) {
    return Arrays.stream(codes).map(Slot::parse).toList();
  }

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static List<Instant> between(ZoneId zone, String after, String until, String... codes) {
    return PostingSchedule.upcoming(slots(codes), zone, at(after), at(until));
  }

  @Test
  void aSlotIsReadFromItsShortAndLongFormsAndWrittenShort() {
    assertThat(Slot.parse("mon 08:15")).isEqualTo(new Slot(DayOfWeek.MONDAY, LocalTime.of(8, 15)));
    assertThat(Slot.parse(" Wednesday  7:05 ")).isEqualTo(new Slot(DayOfWeek.WEDNESDAY, LocalTime.of(7, 5)));
    assertThat(Slot.parse("SUN 00:00").code()).isEqualTo("sun 00:00");
    assertThat(Slot.parse(Slot.parse("thu 23:59").code())).isEqualTo(Slot.parse("thu 23:59"));
  }

  @Test
  void slotsAreToTheMinuteAndOtherTextIsRefused() {
    assertThatThrownBy(() -> new Slot(DayOfWeek.MONDAY, LocalTime.of(8, 15, 30)))
        .isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> new Slot(DayOfWeek.MONDAY, LocalTime.of(8, 15, 0, 1)))
        .isInstanceOf(DomainException.Invalid.class);
    for (String bad : new String[] {"mo 08:15", "mon 24:00", "mon 8:5", "mon", "08:15", "funday 08:15", "", null}) {
      assertThatThrownBy(() -> Slot.parse(bad)).as(bad).isInstanceOf(DomainException.Invalid.class)
          .hasMessageContaining("mon 08:15");
    }
  }

  @Test
  void slotsComeInOrderAcrossTheWeekAndTheEndIsIncluded() {
    assertThat(between(BERLIN, "2026-06-01T00:00+02:00", "2026-06-08T08:15+02:00", "wed 12:00", "mon 08:15"))
        .containsExactly(
            at("2026-06-01T08:15+02:00"), at("2026-06-03T12:00+02:00"), at("2026-06-08T08:15+02:00"));
  }

  @Test
  void theWeekWrapsFromSundayToMonday() {
    assertThat(between(BERLIN, "2026-06-07T22:00+02:00", "2026-06-09T00:00+02:00", "mon 07:00", "sun 23:00"))
        .containsExactly(at("2026-06-07T23:00+02:00"), at("2026-06-08T07:00+02:00"));
  }

  @Test
  void aSlotExactlyAtTheStartIsNotUpcoming() {
    assertThat(between(BERLIN, "2026-06-01T08:15+02:00", "2026-06-08T08:14+02:00", "mon 08:15")).isEmpty();
  }

  @Test
  void aSlotAtMidnightBelongsToItsOwnDay() {
    assertThat(between(BERLIN, "2026-06-01T00:00+02:00", "2026-06-09T00:00+02:00", "tue 00:00"))
        .containsExactly(at("2026-06-02T00:00+02:00"), at("2026-06-09T00:00+02:00"));
  }

  @Test
  void wallClockTimeStaysTheSameAcrossBerlinsChanges() {
    assertThat(between(BERLIN, "2026-03-22T00:00+01:00", "2026-04-01T00:00+02:00", "mon 08:15"))
        .containsExactly(at("2026-03-23T08:15+01:00"), at("2026-03-30T08:15+02:00"));
    assertThat(between(BERLIN, "2026-10-19T00:00+02:00", "2026-10-27T00:00+01:00", "mon 08:15"))
        .containsExactly(at("2026-10-19T08:15+02:00"), at("2026-10-26T08:15+01:00"));
  }

  @Test
  void aSlotInBerlinsSpringGapMovesForwardByTheGap() {
    assertThat(between(BERLIN, "2026-03-28T00:00+01:00", "2026-03-30T00:00+02:00", "sun 02:30"))
        .containsExactly(at("2026-03-29T03:30+02:00"));
  }

  @Test
  void slotsThatLandOnTheSameInstantInAGapCountOnce() {
    assertThat(between(BERLIN, "2026-03-28T00:00+01:00", "2026-03-30T00:00+02:00", "sun 02:00", "sun 03:00"))
        .containsExactly(at("2026-03-29T03:00+02:00"));
  }

  @Test
  void aSlotInBerlinsAutumnOverlapHappensOnceAtTheEarlierOffset() {
    assertThat(between(BERLIN, "2026-10-24T00:00+02:00", "2026-10-26T00:00+01:00", "sun 02:30"))
        .containsExactly(at("2026-10-25T02:30+02:00"));
  }

  @Test
  void newYorkSpringGapAndAutumnOverlap() {
    assertThat(between(NEW_YORK, "2026-03-07T00:00-05:00", "2026-03-10T00:00-04:00", "sun 02:15", "mon 08:15"))
        .containsExactly(at("2026-03-08T03:15-04:00"), at("2026-03-09T08:15-04:00"));
    assertThat(between(NEW_YORK, "2026-10-31T00:00-04:00", "2026-11-03T00:00-05:00", "sun 01:30", "mon 08:15"))
        .containsExactly(at("2026-11-01T01:30-04:00"), at("2026-11-02T08:15-05:00"));
  }

  @Test
  void lordHoweShiftsByHalfAnHour() {
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    assertThat(between(lordHowe, "2026-10-03T00:00+10:30", "2026-10-05T00:00+11:00", "sun 02:10", "sun 09:00"))
        .containsExactly(at("2026-10-04T02:40+11:00"), at("2026-10-04T09:00+11:00"));
    assertThat(between(lordHowe, "2026-04-04T00:00+11:00", "2026-04-06T00:00+10:30", "sun 01:45", "sun 09:00"))
        .containsExactly(at("2026-04-05T01:45+11:00"), at("2026-04-05T09:00+10:30"));
  }

  @Test
  void kathmanduKeepsItsQuarterHourOffsetAllYear() {
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
    assertThat(between(kathmandu, "2026-03-22T00:00Z", "2026-04-01T00:00Z", "mon 09:00"))
        .containsExactly(at("2026-03-23T03:15Z"), at("2026-03-30T03:15Z"));
  }

  @Test
  void nothingIsUpcomingWithoutSlotsOrTime() {
    assertThat(PostingSchedule.upcoming(List.of(), BERLIN, at("2026-06-01T00:00Z"), at("2027-06-01T00:00Z"))).isEmpty();
    assertThat(between(BERLIN, "2026-06-02T00:00Z", "2026-06-01T00:00Z", "mon 08:15")).isEmpty();
  }

  @Test
  void theNextFreeSlotSkipsTakenOnes() {
    List<Slot> slots = slots("mon 08:15", "mon 12:00", "tue 08:15");
    Instant after = at("2026-06-01T00:00+02:00");
    Set<Instant> taken = Set.of(at("2026-06-01T08:15+02:00"), at("2026-06-01T12:00+02:00"));

    assertThat(PostingSchedule.nextFree(slots, BERLIN, after, taken, Duration.ofDays(30)))
        .contains(at("2026-06-02T08:15+02:00"));
    assertThat(PostingSchedule.nextFree(slots, BERLIN, after, Set.of(), Duration.ofDays(30)))
        .contains(at("2026-06-01T08:15+02:00"));
  }

  @Test
  void noFreeSlotWithinTheHorizonOrWithoutSlots() {
    Instant after = at("2026-06-01T00:00+02:00");
    Set<Instant> taken = Set.of(at("2026-06-01T08:15+02:00"));

    assertThat(PostingSchedule.nextFree(slots("mon 08:15"), BERLIN, after, taken, Duration.ofDays(6))).isEmpty();
    assertThat(PostingSchedule.nextFree(slots("mon 08:15"), BERLIN, after, taken, Duration.ofDays(8)))
        .contains(at("2026-06-08T08:15+02:00"));
    assertThat(PostingSchedule.nextFree(List.of(), BERLIN, after, Set.of(), Duration.ofDays(365))).isEmpty();
  }
}
