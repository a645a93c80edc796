package org.socius.people.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.networks.Network;
import org.socius.people.internal.Interaction.Direction;
import org.socius.people.internal.Interaction.Kind;
import org.socius.platform.Ids;
import org.socius.publishing.PostDelivered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published post that names people Socius knows (by their handle on that network) is an 'out'
 * mention of each, by the post's author: sharing someone's work with "via @them" counts as
 * reaching out to them. A handle Socius has not met makes no new person.
 */
@Service
class RecordMentions {

  // Mastodon @user@host; Bluesky @handle.with.dots
  private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_][A-Za-z0-9_.\\-]*(?:@[A-Za-z0-9.\\-]+)?)");

  private final JdbcClient jdbc;
  private final InteractionStore interactions;
  private final PersonStore people;
  private final Clock clock;

  RecordMentions(JdbcClient jdbc, InteractionStore interactions, PersonStore people, Clock clock) {
    this.jdbc = jdbc;
    this.interactions = interactions;
    this.people = people;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void on(PostDelivered post) {
    Set<String> handles = handles(post.network(), post.text());
    if (handles.isEmpty()) {
      return;
    }
    record Account(String personId, String identityId) {}
    List<Account> named = jdbc.sql("""
        SELECT person_id, id FROM person_identities
         WHERE workspace_id = :ws AND network = :n AND LOWER(handle) IN (:handles)""")
        .param("ws", post.workspaceId()).param("n", post.network().code()).param("handles", handles)
        .query((rs, n) -> new Account(rs.getString(1), rs.getString(2))).list();
    long now = clock.millis();
    Set<String> seen = new LinkedHashSet<>();
    for (Account a : named) {
      if (!seen.add(a.personId())) {
        continue; // one mention per person, even when two of their accounts are named
      }
      Interaction i = new Interaction(Ids.newId(), a.personId(), a.identityId(), post.channelId(), Direction.OUT, Kind.MENTIONED, null,
          post.authorMemberId(), RecordInteraction.excerpt(post.text()), post.url() == null ? "" : post.url(), post.publishedAt());
      if (interactions.insert(post.workspaceId(), i, now)) {
        people.touch(post.workspaceId(), a.personId(), post.publishedAt().toEpochMilli());
      }
    }
  }

  /** The handles a text names, as Socius stores them for that network (lower case). */
  static Set<String> handles(Network network, String text) {
    Set<String> handles = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(text == null ? "" : text);
    while (m.find()) {
      String h = m.group(1).replaceAll("[.\\-]+$", "").toLowerCase(Locale.ROOT);
      if (network == Network.MASTODON && h.contains("@")) {
        handles.add("@" + h);
      } else if (network == Network.BLUESKY && h.contains(".")) {
        handles.add(h);
      }
    }
    return handles;
  }
}
