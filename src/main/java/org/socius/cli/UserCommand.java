package org.socius.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.socius.team.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "user", description = "Manage people who can sign in.", subcommands = UserCommand.Create.class)
class UserCommand {

  @Command(name = "create", description = "Create a user. The password is asked for, or read from standard input with --password-stdin.")
  static class Create implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, description = "E-mail address (the sign-in name)")
    String email;

    @Option(names = "--name", required = true, description = "The person's name")
    String name;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public void run() {
      String password = passwordStdin ? readLine() : ask();
      try (var context = Contexts.dataOnly()) {
        String id = context.getBean(Accounts.class).createUser(name, email, password);
        spec.commandLine().getOut().println("Created user " + email.strip().toLowerCase(java.util.Locale.ROOT) + " (" + id + ")");
      }
    }

    private static String readLine() {
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new SociusCli.CliFailure("No password on standard input");
        }
        return line;
      } catch (IOException e) {
        throw new SociusCli.CliFailure("Cannot read the password: " + e.getMessage());
      }
    }

    private static String ask() {
      Console console = System.console();
      if (console == null) {
        throw new SociusCli.CliFailure("No terminal to ask for the password; use --password-stdin");
      }
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Password again: ");
      if (first == null || !Arrays.equals(first, second)) {
        throw new SociusCli.CliFailure("The two passwords differ");
      }
      return new String(first);
    }
  }
}
