package org.socius.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test whose prerequisite is missing is skipped with a message on a developer's machine, and
 * fails under {@code CI=true}, where everything must run.
 */
public final class Prerequisites {

  private Prerequisites() {}

  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  public static void require(boolean present, String message) {
    if (present) {
      return;
    }
    if (ci()) {
      Assertions.fail("Missing prerequisite under CI=true: " + message);
    }
    Assumptions.abort("Skipped, missing prerequisite: " + message);
  }
}
