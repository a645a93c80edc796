package org.socius.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import org.socius.publishing.internal.QueueOverview;
import org.socius.team.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "queue", description = "Look at the posting queues.", subcommands = QueueCommand.ListCommand.class)
class QueueCommand {

  @Command(name = "list", description = "Each channel's coming posts and the empty slots of the next 7 days, in the workspace's time zone.")
  static class ListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    PostCommand.Acting acting;

    @Override
    public void run() {
      try (var context = Contexts.dataOnly()) {
        var member = acting.member(context);
        var zone = context.getBean(Workspaces.class).find(member.workspaceId()).orElseThrow().timeZone();
        var format = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm").withZone(zone);
        var overview = context.getBean(QueueOverview.class).of(member, null);
        PrintWriter out = spec.commandLine().getOut();
        for (var queue : overview.channels()) {
          out.printf("%s (%s)%s%n", queue.channel().handle(), queue.channel().network().code(), queue.paused() ? " — paused" : "");
          if (queue.lines().isEmpty()) {
            out.println("  nothing queued" + (queue.hasSlots() ? "" : "; no posting slots"));
          }
          for (var line : queue.lines()) {
            String what = line.delivery() == null ? "(empty slot)"
                : line.delivery().state().code() + "  " + line.delivery().kind().code() + "  " + oneLine(line.delivery().firstPart());
            out.printf("  %s  %s%n", format.format(line.at()), what);
          }
        }
        var b = overview.balance();
        out.printf("Next 7 days: %d share, %d own (%d%% own; limit %d%%)%s%n", b.share(), b.own(), b.ownPercent(), b.limitPercent(),
            b.tooMuchOwn() ? " — too much about us" : "");
        out.flush();
      }
    }

    private static String oneLine(String text) {
      String flat = text.replaceAll("\\s+", " ");
      return flat.length() > 70 ? flat.substring(0, 69) + "…" : flat;
    }
  }
}
