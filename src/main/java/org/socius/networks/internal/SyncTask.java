package org.socius.networks.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler execution per connected channel ({@code network-sync}, instance = channel id):
 * it survives restarts, runs on one node at a time, and reschedules itself for when
 * {@link SyncChannel} says (the interval, the end of a rate limit, or a backoff).
 */
@Configuration(proxyBeanMethods = false)
class SyncTask {

  static final String NAME = "network-sync";

  @Bean
  CustomTask<Void> networkSync(SyncChannel sync) {
    return Tasks.custom(NAME, Void.class).execute((instance, context) -> {
      Instant next = sync.sync(instance.getId());
      if (next == null) {
        return new CompletionHandler.OnCompleteRemove<>();
      }
      return (complete, operations) -> operations.reschedule(complete, next);
    });
  }

  /** Starts (or pulls forward) the sync of a channel. */
  static void syncSoon(SchedulerClient scheduler, String channelId) {
    TaskInstance<Void> instance = new TaskInstance<>(NAME, channelId);
    if (!scheduler.scheduleIfNotExists(instance, Instant.now())) {
      try {
        scheduler.reschedule(instance, Instant.now());
      } catch (RuntimeException running) {
        // it is running right now, which is as soon as it gets
      }
    }
  }
}
