package org.socius.inbox.internal.digest;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.socius.platform.JobRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily digest on db-scheduler: every few minutes one node (never two at once) looks for
 * members whose digest hour has come and sends theirs.
 */
@Configuration(proxyBeanMethods = false)
class DailyDigest {

  static final String TASK = "inbox-daily-digest";

  @Bean
  RecurringTask<Void> inboxDailyDigest(SendDailyDigests digests, JobRuns runs, Clock clock,
      @Value("${socius.digest.interval:5m}") Duration interval) {
    return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> {
      var result = digests.sendDue(clock.instant());
      if (result.sent() + result.empty() + result.failed() > 0) {
        runs.record(TASK, instance.getId(), context.getExecution().getExecutionTime(),
            "sent " + result.sent() + ", nothing to tell " + result.empty() + ", failed " + result.failed());
      }
    });
  }
}
