package org.socius.publishing.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Keeps each scheduled delivery's db-scheduler execution at its due time. Called inside the
 * transaction that changes the delivery, so the row and its execution commit together.
 */
@Component
class DeliveryPlan {

  private final ObjectProvider<SchedulerClient> running;
  private final DataSource dataSource;
  private volatile SchedulerClient scheduler;

  DeliveryPlan(ObjectProvider<SchedulerClient> running, DataSource dataSource) {
    this.running = running;
    this.dataSource = dataSource;
  }

  /**
   * The server's scheduler; a command-line run has none started, so it writes the executions
   * through a client of its own for the server to pick up.
   */
  private SchedulerClient scheduler() {
    SchedulerClient s = scheduler;
    if (s == null) {
      s = running.getIfAvailable(() -> SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
          .jdbcCustomization(new AutodetectJdbcCustomization(dataSource, true)).build());
      scheduler = s;
    }
    return s;
  }

  void at(String deliveryId, Instant due) {
    TaskInstance<Void> instance = new TaskInstance<>(DeliveryTask.NAME, deliveryId);
    if (!scheduler().scheduleIfNotExists(instance, due)) {
      try {
        scheduler().reschedule(instance, due);
      } catch (RuntimeException running) {
        // it is being delivered right now; DeliverPost reads the new due time when it finishes
      }
    }
  }

  /** Removes the execution if it exists and is not running; a running one finds the delivery changed. */
  void drop(String deliveryId) {
    try {
      if (scheduler().getScheduledExecution(TaskInstanceId.of(DeliveryTask.NAME, deliveryId)).isPresent()) {
        scheduler().cancel(TaskInstanceId.of(DeliveryTask.NAME, deliveryId));
      }
    } catch (RuntimeException running) {
      // running now: it will find the delivery no longer scheduled and do nothing
    }
  }

  boolean exists(String deliveryId) {
    return scheduler().getScheduledExecution(TaskInstanceId.of(DeliveryTask.NAME, deliveryId)).isPresent();
  }
}
