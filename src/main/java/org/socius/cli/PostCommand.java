package org.socius.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.publishing.internal.ComposePost;
import org.socius.publishing.internal.ExportPosts;
import org.socius.publishing.internal.ImportPosts;
import org.socius.publishing.internal.PostForm;
import org.socius.publishing.internal.PostView;
import org.socius.team.Accounts;
import org.socius.team.Member;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "post", description = "Compose, import and export posts.",
    subcommands = {PostCommand.Add.class, PostCommand.Import.class, PostCommand.Export.class})
class PostCommand {

  /** Who acts: a member of a workspace, named by e-mail and the workspace's address name. */
  static class Acting {
    @Option(names = "--email", required = true, description = "The member's e-mail address")
    String email;

    @Option(names = "--workspace", required = true, description = "The workspace's address name (slug)")
    String workspace;

    Member member(org.springframework.context.ApplicationContext context) {
      return context.getBean(Accounts.class).member(email, workspace);
    }
  }

  @Command(name = "add", description = "Add a post to the queue of one or more channels, or schedule it at a time.")
  static class Add implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    Acting acting;

    @Option(names = "--channel", required = true, description = "A channel's handle or id; repeat for several")
    List<String> channels;

    @Option(names = "--at", description = "When, e.g. 2026-12-01T08:15:00Z (default: the next free posting slot)")
    Instant at;

    @Option(names = "--kind", description = "share or own (default: Socius suggests)")
    String kind;

    @Option(names = "--thread", description = "Split a long text into a numbered thread")
    boolean thread;

    @Parameters(index = "0", description = "The text")
    String text;

    @Override
    public void run() {
      try (var context = Contexts.dataOnly()) {
        Member member = acting.member(context);
        List<Channel> all = context.getBean(Channels.class).of(member.workspaceId());
        List<String> ids = channels.stream().map(name -> ImportPosts.resolve(all, name)).toList();
        PostView post = context.getBean(ComposePost.class).compose(member, new PostForm(ids, text, null, thread, kind, null,
            at == null ? PostForm.Action.QUEUE : PostForm.Action.AT, at, List.of()));
        PrintWriter out = spec.commandLine().getOut();
        post.deliveries().forEach(d -> out.printf("%s %s %s%n", d.id(), d.dueAt(), d.state().code()));
        out.flush();
      }
    }
  }

  @Command(name = "import", description = "Schedule posts from a CSV file (columns channels, at, text, kind, thread) and print a report per row.")
  static class Import implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    Acting acting;

    @Parameters(index = "0", description = "The CSV file")
    Path file;

    @Override
    public void run() {
      try (var context = Contexts.dataOnly(); var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        var report = context.getBean(ImportPosts.class).run(acting.member(context), reader, Locale.ENGLISH);
        PrintWriter out = spec.commandLine().getOut();
        for (var row : report.rows()) {
          out.printf("line %d: %s%n", row.line(), row.accepted() ? "scheduled (post " + row.postId() + ")" : "refused: " + row.reason());
        }
        out.printf("%d scheduled, %d refused%n", report.accepted(), report.refused());
        out.flush();
        if (report.refused() > 0) {
          throw new SociusCli.CliFailure(report.refused() + " row(s) refused; nothing was created from them");
        }
      } catch (IOException e) {
        throw new SociusCli.CliFailure("Cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "export", description = "Write posts of the last 30 days and the coming year as CSV (importable again).")
  static class Export implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    Acting acting;

    @Override
    public void run() {
      try (var context = Contexts.dataOnly()) {
        PrintWriter out = spec.commandLine().getOut();
        context.getBean(ExportPosts.class).write(acting.member(context), Instant.now().minus(Duration.ofDays(30)),
            Instant.now().plus(Duration.ofDays(366)), out);
        out.flush();
      }
    }
  }
}
