package org.socius.publishing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On start-up and every minute: every open delivery that is due has an execution. Normally it
 * does; this repairs the rare case where one went missing (a restore from backup, a row written
 * by hand), so that a delivery left in {@code publishing} by a crash is settled without a person.
 * Executions still held by a dead node are revived by db-scheduler itself after missed heartbeats.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileDeliveries {

  static final String NAME = "publishing-reconcile";

  @Bean
  RecurringTask<Void> publishingReconcile(DeliveryStore deliveries, DeliveryPlan plan, Clock clock,
      @Value("${socius.publishing.reconcile-interval:1m}") Duration interval) {
    return Tasks.recurring(NAME, Schedules.fixedDelay(interval)).execute((instance, context) -> {
      for (String id : deliveries.openDueBefore(clock.instant(), 1000)) {
        if (!plan.exists(id)) {
          plan.at(id, clock.instant());
        }
      }
    });
  }
}
