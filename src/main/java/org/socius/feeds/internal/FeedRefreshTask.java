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
 * reads the feed any more. An execution put off until its host's turn carries that turn as its
 * data (epoch milliseconds), so whichever node runs it next knows it holds the turn.
 */
@Configuration(proxyBeanMethods = false)
public class FeedRefreshTask {

  static final String NAME = "feed-refresh";

  @Bean
  CustomTask<Long> feedRefresh(RefreshFeed refresh) {
    return Tasks.custom(NAME, Long.class).execute((instance, context) -> {
      Long held = instance.getData();
      RefreshFeed.Next next = refresh.refresh(instance.getId(), held == null ? null : Instant.ofEpochMilli(held));
      if (next == null) {
        return new CompletionHandler.OnCompleteRemove<>();
      }
      Long turn = next.heldTurn() ? next.at().toEpochMilli() : null; // null clears a turn that was used
      return (complete, operations) -> operations.reschedule(complete, next.at(), turn);
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
