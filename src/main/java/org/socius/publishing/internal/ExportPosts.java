package org.socius.publishing.internal;

import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.team.Member;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Service;

/**
 * Writes a workspace's posts between two times as CSV: the scheduled ones can be imported again
 * (into another workspace, or after a change in a spreadsheet); published ones carry their URL.
 */
@org.springframework.modulith.NamedInterface("commands")
@Service
public class ExportPosts {

  private final PostStore posts;
  private final Channels channels;
  private final Workspaces workspaces;

  ExportPosts(PostStore posts, Channels channels, Workspaces workspaces) {
    this.posts = posts;
    this.channels = channels;
    this.workspaces = workspaces;
  }

  public void write(Member member, Instant from, Instant to, Writer out) {
    var zone = workspaces.find(member.workspaceId()).orElseThrow().timeZone();
    Map<String, Channel> byId = channels.of(member.workspaceId()).stream().collect(Collectors.toMap(Channel::id, Function.identity()));
    List<CsvPosts.ExportRow> rows = posts.between(member.workspaceId(), null, from, to).stream()
        .filter(d -> byId.containsKey(d.channelId()))
        .map(d -> new CsvPosts.ExportRow(byId.get(d.channelId()).handle(), d.dueAt(), zone, String.join("\n\n", d.parts()), d.kind(),
            d.state().code(), d.remoteUrl()))
        .toList();
    try {
      CsvPosts.write(out, rows);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
