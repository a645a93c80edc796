package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a person who can sign in (first-run setup, an accepted invitation, or the CLI). */
@Service
public class CreateUser {

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final JdbcClient jdbc;
  private final Clock clock;

  CreateUser(UserStore users, PasswordEncoder encoder, JdbcClient jdbc, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public String create(String name, String email, String password) {
    String cleanName = Fields.text("name", name, 200);
    String cleanEmail = Fields.email(email);
    Fields.password("password", password);
    if (users.emailTaken(cleanEmail)) {
      throw new DomainException.Invalid("email", "problem.email-taken");
    }
    long now = clock.millis();
    String id = Ids.newId();
    users.insert(new UserStore.User(id, cleanEmail, cleanName, encoder.encode(password), "system", now, now));
    // the first user completes the installation, whichever way they were created
    jdbc.sql("INSERT INTO installation (id, completed_at) VALUES (1, :now) ON CONFLICT (id) DO NOTHING").param("now", now).update();
    return id;
  }
}
