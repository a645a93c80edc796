package org.socius.cli;

import org.socius.SociusApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Start the Socius server (the default when no command is given).")
class ServeCommand implements Runnable {

  private static volatile boolean serving;

  @Option(names = "--port", description = "HTTP port (default 8080, or SOCIUS_PORT)")
  Integer port;

  static boolean isServing() {
    return serving;
  }

  @Override
  public void run() {
    SpringApplication app = new SpringApplication(SociusApplication.class);
    String[] args = port == null ? new String[0] : new String[] {"--server.port=" + port};
    app.run(args);
    serving = true; // the web server's threads keep the process alive
  }
}
