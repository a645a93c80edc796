package org.socius.cli;

import org.socius.team.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "workspace", description = "Look at workspaces.", subcommands = WorkspaceCommand.ListCommand.class)
class WorkspaceCommand {

  @Command(name = "list", description = "List every workspace: address name, kind, time zone and name.")
  static class ListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      try (var context = Contexts.dataOnly()) {
        var out = spec.commandLine().getOut();
        var all = context.getBean(Workspaces.class).all();
        if (all.isEmpty()) {
          out.println("No workspaces yet: open Socius in a browser to set it up.");
        }
        for (var w : all) {
          out.printf("%-30s %-7s %-22s %s%n", w.slug(), w.kind().name().toLowerCase(java.util.Locale.ROOT), w.timeZone().getId(), w.name());
        }
      }
    }
  }
}
