package org.socius.cli;

import org.socius.SociusApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for a data command: no web server, no background jobs, quiet logs. */
final class Contexts {

  private Contexts() {}

  static ConfigurableApplicationContext dataOnly() {
    return new SpringApplicationBuilder(SociusApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties("db-scheduler.enabled=false", "logging.level.root=WARN", "logging.level.socius=WARN",
            "spring.main.banner-mode=off")
        .run();
  }
}
