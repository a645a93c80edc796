package org.socius.platform.internal;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import java.util.Optional;
import org.socius.platform.JobRuns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** db-scheduler names each node as the job log does, so "picked_by" and job_runs agree. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

  @Bean
  DbSchedulerCustomizer sociusSchedulerCustomizer(JobRuns runs) {
    return new DbSchedulerCustomizer() {
      @Override
      public Optional<SchedulerName> schedulerName() {
        return Optional.of(new SchedulerName.Fixed(runs.node()));
      }
    };
  }
}
