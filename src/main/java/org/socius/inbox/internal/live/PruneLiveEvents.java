package org.socius.inbox.internal.live;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps live_events short: a page away for longer than a day reads the inbox page instead. */
@Configuration(proxyBeanMethods = false)
class PruneLiveEvents {

  static final String TASK = "inbox-live-prune";

  @Bean
  RecurringTask<Void> inboxLivePrune(LiveEventStore events, Clock clock, @Value("${socius.live.keep:1d}") Duration keep,
      @Value("${socius.live.prune-interval:1h}") Duration interval) {
    return Tasks.recurring(TASK, FixedDelay.of(interval))
        .execute((instance, context) -> events.deleteBefore(clock.millis() - keep.toMillis()));
  }
}
