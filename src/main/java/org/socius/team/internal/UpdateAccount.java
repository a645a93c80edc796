package org.socius.team.internal;

import org.springframework.stereotype.Service;

/** A signed-in person changes their name and theme (light, dark or the system's). */
@Service
public class UpdateAccount {

  private final UserStore users;

  UpdateAccount(UserStore users) {
    this.users = users;
  }

  public void update(String userId, String name, String theme) {
    users.updateAccount(userId, Fields.text("name", name, 200), Fields.theme(theme));
  }
}
