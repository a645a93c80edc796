package org.socius.feeds.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler execution per feed ({@code feed-refresh}, instance = feed id): durable, run on
 * one node at a time, rescheduled for when {@link RefreshFeed} says, and removed when nobody
 * reads the feed any more.
 */
@Configuration(proxyBeanMethods = false)
public class FeedRefreshTask {

  static final String NAME = "feed-refresh";

  @Bean
  CustomTask<Void> feedRefresh(RefreshFeed refresh) {
    return Tasks.custom(NAME, Void.class).execute((instance, context) -> {
      Instant next = refresh.refresh(instance.getId());
      if (next == null) {
        return new CompletionHandler.OnCompleteRemove<>();
      }
      return (complete, operations) -> operations.reschedule(complete, next);
    });
  }

  /** Schedules the feed's refresh for the given time unless it is scheduled already. */
  public static void ensureScheduled(SchedulerClient scheduler, String feedId, Instant at) {
    scheduler.scheduleIfNotExists(new TaskInstance<>(NAME, feedId), at);
  }

  /** Starts (or pulls forward) the refresh of a feed: the Refresh-now button. */
  public static void refreshSoon(SchedulerClient scheduler, String feedId) {
    TaskInstance<Void> instance = new TaskInstance<>(NAME, feedId);
    if (!scheduler.scheduleIfNotExists(instance, Instant.now())) {
      try {
        scheduler.reschedule(instance, Instant.now());
      } catch (RuntimeException running) {
        // it is running right now, which is as soon as it gets
      }
    }
  }
}
