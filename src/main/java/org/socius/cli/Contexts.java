package org.socius.cli;

import org.socius.SociusApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts the application for a data command: no web server, no background jobs, quiet logs. */
final class Contexts {

  private Contexts() {}

  static ConfigurableApplicationContext dataOnly() {
    return new SpringApplicationBuilder(SociusApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .initializers(Contexts::registerSessionRepository)
        .properties("db-scheduler.enabled=false", "logging.level.root=WARN", "logging.level.socius=WARN",
            "spring.main.banner-mode=off")
        .run();
  }

  /**
   * Sign-in sessions live in the database. Spring Boot sets up their repository only for a web
   * application, but services of the team capability need it (changing a password signs the
   * person out elsewhere), so a data command gets the same JDBC repository without a web server.
   * Expired sessions are cleaned up by the server, not here.
   */
  private static void registerSessionRepository(ConfigurableApplicationContext context) {
    ((GenericApplicationContext) context).registerBean(JdbcIndexedSessionRepository.class, () -> {
      var repository = new JdbcIndexedSessionRepository(context.getBean(JdbcOperations.class),
          new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
      repository.setCleanupCron(Scheduled.CRON_DISABLED);
      return repository;
    });
  }
}
