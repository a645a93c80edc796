package org.socius.feeds.internal;

import java.util.ArrayList;
import java.util.List;
import org.socius.platform.DomainException;

/** Category names as members type them: trimmed, without blanks or repeats, at most 100 characters. */
final class CategoryNames {

  private CategoryNames() {}

  static List<String> clean(List<String> names) {
    List<String> out = new ArrayList<>();
    if (names == null) {
      return out;
    }
    for (String n : names) {
      if (n == null || n.isBlank()) {
        continue;
      }
      String name = n.strip().replaceAll("\\s+", " ");
      if (name.length() > 100) {
        throw new DomainException.Invalid("categories", "feeds.problem.category");
      }
      if (out.stream().noneMatch(name::equalsIgnoreCase)) {
        out.add(name);
      }
    }
    return out;
  }
}
