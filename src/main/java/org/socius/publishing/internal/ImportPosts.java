package org.socius.publishing.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.platform.DomainException;
import org.socius.platform.Messages;
import org.socius.team.Member;
import org.socius.team.Role;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Service;

/**
 * Bulk scheduling from a CSV file (format in {@link CsvPosts}): each row is composed on its own,
 * so an accepted row is scheduled and a refused row creates nothing; the report says which is
 * which and why, in the member's language.
 */
@org.springframework.modulith.NamedInterface("commands")
@Service
public class ImportPosts {

  /** One line of the report; {@code postId} is set for an accepted row. */
  public record RowResult(int line, boolean accepted, String postId, String reason) {}

  public record Report(int accepted, int refused, List<RowResult> rows) {}

  private final ComposePost compose;
  private final Channels channels;
  private final Workspaces workspaces;

  ImportPosts(ComposePost compose, Channels channels, Workspaces workspaces) {
    this.compose = compose;
    this.channels = channels;
    this.workspaces = workspaces;
  }

  public Report run(Member member, Reader csv, Locale locale) {
    member.require(Role.EDITOR);
    var workspace = workspaces.find(member.workspaceId()).orElseThrow();
    CsvPosts.Parsed parsed = CsvPosts.parse(csv, workspace.timeZone());
    List<RowResult> results = new ArrayList<>();
    for (CsvPosts.Refusal r : parsed.refusals()) {
      results.add(new RowResult(r.line(), false, null, Messages.format(r.key(), r.args().toArray(), locale)));
    }
    List<Channel> all = channels.of(member.workspaceId());
    for (CsvPosts.Row row : parsed.rows()) {
      try {
        List<String> ids = new ArrayList<>();
        for (String name : row.channels()) {
          ids.add(resolve(all, name));
        }
        var form = new PostForm(ids, row.text(), null, row.thread(), row.kind() == null ? null : row.kind().code(), null,
            row.at() == null ? PostForm.Action.QUEUE : PostForm.Action.AT, row.at(), List.of());
        results.add(new RowResult(row.line(), true, compose.compose(member, form).id(), null));
      } catch (DomainException e) {
        results.add(new RowResult(row.line(), false, null, e.messageIn(locale)));
      }
    }
    results.sort(java.util.Comparator.comparingInt(RowResult::line));
    int accepted = (int) results.stream().filter(RowResult::accepted).count();
    return new Report(accepted, results.size() - accepted, results);
  }

  /** A channel named by its id or handle (with or without the leading @, any case). */
  public static String resolve(List<Channel> all, String name) {
    String wanted = name.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(c -> c.status() != Channel.Status.DISCONNECTED)
        .filter(c -> c.id().equals(name.strip()) || c.handle().replaceFirst("^@", "").toLowerCase(Locale.ROOT).equals(wanted))
        .map(Channel::id).findFirst()
        .orElseThrow(() -> new DomainException.Invalid("channels", "problem.csv-unknown-channel", name.strip()));
  }
}
