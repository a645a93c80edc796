package org.socius.team.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A signed-in person changes their password after confirming the current one; every other
 * session of theirs (another browser, a lost phone) is signed out.
 */
@Service
public class ChangePassword {

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final Clock clock;

  ChangePassword(UserStore users, PasswordEncoder encoder, FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.sessions = sessions;
    this.clock = clock;
  }

  public void change(String userId, String currentPassword, String newPassword, String keepSessionId) {
    UserStore.User user = users.findById(userId).orElseThrow();
    if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
      throw new DomainException.Invalid("currentPassword", "problem.wrong-password");
    }
    Fields.password("newPassword", newPassword);
    users.updatePassword(userId, encoder.encode(newPassword), clock.millis());
    sessions.findByPrincipalName(userId).keySet().stream()
        .filter(id -> !id.equals(keepSessionId))
        .forEach(sessions::deleteById);
  }
}
