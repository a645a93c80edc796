package org.socius.team.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.socius.platform.JobRuns;
import org.socius.team.internal.security.SignInLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The team's recurring clean-up on db-scheduler (one node runs each execution): expired
 * invitations, expired sign-in sessions, old failed sign-in records, and the job log itself.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

  static final String TASK = "team-housekeeping";

  @Bean
  RecurringTask<Void> teamHousekeeping(InvitationStore invitations, SignInLimiter limiter, JdbcClient jdbc, JobRuns runs,
      Clock clock, @Value("${socius.housekeeping.interval:10m}") Duration interval) {
    return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> {
      long now = clock.millis();
      int invites = invitations.deleteExpired(now, now - Duration.ofDays(90).toMillis());
      int sessions = jdbc.sql("DELETE FROM spring_session WHERE expiry_time < :now").param("now", now).update();
      int failures = limiter.purgeOld();
      int runLog = runs.purgeBefore(Instant.ofEpochMilli(now).minus(Duration.ofDays(30)));
      runs.record(TASK, instance.getId(), context.getExecution().getExecutionTime(),
          "removed " + invites + " invitations, " + sessions + " sessions, " + failures + " failed sign-ins, " + runLog + " log rows");
    });
  }
}
