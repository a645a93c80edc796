package org.socius.team.internal.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #PER_ACCOUNT} failed sign-ins for one e-mail
 * address, or {@value #PER_CLIENT} from one client address, within {@link #WINDOW}, further
 * attempts are refused until the window has moved on. Counted in the database, so every node
 * sees the same count.
 */
@Component
public class SignInLimiter {

  static final int PER_ACCOUNT = 5;
  static final int PER_CLIENT = 30;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;

  SignInLimiter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Seconds until the next attempt is allowed; 0 when one is allowed now. */
  public long waitSeconds(String email, String clientAddress) {
    long now = clock.millis();
    long since = now - WINDOW.toMillis();
    return Math.max(wait("email:" + email, PER_ACCOUNT, since, now), wait("client:" + clientAddress, PER_CLIENT, since, now));
  }

  private long wait(String subject, int limit, long since, long now) {
    // the limit-th newest failure in the window decides when the window frees a place
    var times = jdbc.sql("SELECT failed_at FROM signin_failures WHERE subject = :s AND failed_at > :since ORDER BY failed_at DESC LIMIT :limit")
        .param("s", subject).param("since", since).param("limit", limit).query(Long.class).list();
    if (times.size() < limit) {
      return 0;
    }
    long freeAt = times.get(limit - 1) + WINDOW.toMillis();
    return Math.max(1, (freeAt - now + 999) / 1000);
  }

  public void recordFailure(String email, String clientAddress) {
    long now = clock.millis();
    jdbc.sql("INSERT INTO signin_failures (subject, failed_at) VALUES (:s, :now)").param("s", "email:" + email).param("now", now).update();
    jdbc.sql("INSERT INTO signin_failures (subject, failed_at) VALUES (:s, :now)").param("s", "client:" + clientAddress).param("now", now).update();
  }

  public void recordSuccess(String email) {
    jdbc.sql("DELETE FROM signin_failures WHERE subject = :s").param("s", "email:" + email).update();
  }

  public int purgeOld() {
    return jdbc.sql("DELETE FROM signin_failures WHERE failed_at <= :before").param("before", clock.millis() - WINDOW.toMillis()).update();
  }
}
