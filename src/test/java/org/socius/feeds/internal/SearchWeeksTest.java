package org.socius.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How many weeks PostgreSQL's search asks first, from the planner's estimates; the figures are
 * those of the search benchmark's million items (docs/benchmarks.md, "Feed search").
 */
class SearchWeeksTest {

  private static final double ITEMS = 1_000_000;
  private static final double UNKNOWN = 683; // the planner's guess for any word outside its statistics
  private static final double LAST_WEEK = 45_386;
  private static final int TAKE = 51;

  @Test
  void aWordInOneItemOfAFewHundredStartsWithTheLatestWeek() {
    assertThat(SearchWeeks.firstWeeks(ITEMS, 6_543, UNKNOWN, LAST_WEEK, TAKE)).isEqualTo(1); // about 300 matches a week
    assertThat(SearchWeeks.firstWeeks(ITEMS, 1_644, UNKNOWN, LAST_WEEK, TAKE)).isEqualTo(1); // two words: about 75
  }

  @Test
  void fewerMatchesAWeekStartWithMoreWeeks() {
    // a small installation: 1,000 items a week; 2,000 matches in a million are 2 a week, 128 in 64 weeks
    assertThat(SearchWeeks.firstWeeks(ITEMS, 2_000, UNKNOWN, 1_000, TAKE)).isEqualTo(64);
    assertThat(SearchWeeks.firstWeeks(ITEMS, 2_000, UNKNOWN, 10_000, TAKE)).isEqualTo(4);
  }

  @Test
  void wordsCommonEnoughForTheWalkAreSearchedInOneGo() {
    // a quarter of the items: the walk reads about 200 rows, the latest week holds 11,000 matches
    assertThat(SearchWeeks.firstWeeks(ITEMS, 250_537, UNKNOWN, LAST_WEEK, TAKE)).isZero();
  }

  @Test
  void wordsTheStatisticsDoNotKnowAndWordsTooRareForSixtyFourWeeksAreSearchedInOneGo() {
    assertThat(SearchWeeks.firstWeeks(ITEMS, UNKNOWN, UNKNOWN, LAST_WEEK, TAKE)).isZero();
    assertThat(SearchWeeks.firstWeeks(ITEMS, 10, UNKNOWN, LAST_WEEK, TAKE)).isZero(); // three words of a phrase
    assertThat(SearchWeeks.firstWeeks(ITEMS, 1_500, UNKNOWN, 500, TAKE)).isZero(); // 48 expected in 64 weeks
    assertThat(SearchWeeks.firstWeeks(0, 0, 0, 0, TAKE)).isZero(); // no statistics yet
  }

  @Test
  void weeksAreAskedNewestFirstAsTheLexemesOfTheSearchVector() {
    assertThat(SearchWeeks.weeks(2968, 2970)).isEqualTo("'week 2970' | 'week 2969' | 'week 2968'");
    assertThat(SearchWeeks.weeks(2970, 2970)).isEqualTo("'week 2970'");
  }
}
