package org.socius.people;

import java.util.List;

/**
 * How strong a relationship is, with the reasons a person can check (see docs/people.md).
 *
 * @param score 0 to 100
 * @param reasons message keys with their arguments, in the order they matter
 */
public record Strength(int score, Trend trend, List<Reason> reasons) {

  public enum Trend {
    GROWING,
    STEADY,
    COOLING
  }

  /** A message key of the bundle and its arguments. */
  public record Reason(String key, List<Object> args) {
    public static Reason of(String key, Object... args) {
      return new Reason(key, List.of(args));
    }
  }
}
