package org.socius;

import org.socius.cli.SociusCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar: the server and the command line. With no arguments it serves; {@code --help} lists
 * the commands.
 */
@SpringBootApplication
@org.springframework.modulith.Modulithic(sharedModules = "platform")
public class SociusApplication {

  public static void main(String[] args) {
    SociusCli.main(args);
  }
}
