package org.socius.cli;

import org.socius.team.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "token", description = "Personal API tokens.", subcommands = TokenCommand.Create.class)
class TokenCommand {

  @Command(name = "create", description = "Create a personal API token for a member of a workspace; it is printed once.")
  static class Create implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, description = "The member's e-mail address")
    String email;

    @Option(names = "--workspace", required = true, description = "The workspace's address name (slug)")
    String workspace;

    @Option(names = "--role", description = "owner, editor or viewer (default: the member's role)")
    String role;

    @Option(names = "--name", defaultValue = "command line", description = "What the token is for (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    public void run() {
      try (var context = Contexts.dataOnly()) {
        var token = context.getBean(Accounts.class).createToken(email, workspace, role, name);
        var out = spec.commandLine().getOut();
        out.println(token.secret());
        spec.commandLine().getErr().println("Token " + token.id() + " (" + token.role() + ") for workspace " + token.workspaceId()
            + ". It is shown only now; store it somewhere safe.");
        out.flush();
      }
    }
  }
}
