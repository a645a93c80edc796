package org.socius.team;

import java.util.Locale;
import org.socius.platform.DomainException;

/** What a member may do in a workspace: owners manage, editors draft and schedule, viewers read. */
public enum Role {
  VIEWER,
  EDITOR,
  OWNER;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public static Role lesser(Role a, Role b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String field, String text) {
    if (text != null) {
      for (Role role : values()) {
        if (role.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return role;
        }
      }
    }
    throw new DomainException.Invalid(field, "problem.role");
  }
}
