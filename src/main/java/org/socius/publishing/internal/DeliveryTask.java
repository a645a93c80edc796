package org.socius.publishing.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler execution per delivery ({@code publish-delivery}, instance = delivery id). The
 * scheduler claims a due execution on exactly one node; a node that dies while publishing stops
 * sending heartbeats and another node runs the execution again, which {@link DeliverPost} settles
 * with the same idempotency key.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTask {

  static final String NAME = "publish-delivery";

  @Bean
  CustomTask<Void> publishDelivery(DeliverPost deliver) {
    return Tasks.custom(NAME, Void.class)
        .onFailure((complete, operations) -> operations.reschedule(complete, Instant.now().plusSeconds(30)))
        .execute((instance, context) -> {
          Instant next = deliver.run(instance.getId());
          if (next == null) {
            return new CompletionHandler.OnCompleteRemove<>();
          }
          return (complete, operations) -> operations.reschedule(complete, next);
        });
  }
}
