package org.socius.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socius.networks.Actor;
import org.socius.networks.Network;
import org.socius.people.Identity;
import org.socius.people.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People, their accounts on the networks and their tags. Every query is bound to a workspace. */
@Repository
public class PersonStore {

  public static final long DAY = 86_400_000L;

  /** When a person is due for keeping in touch; written as the index people_by_due has it, so that the index serves the list. */
  static final String DUE = "COALESCE(last_interaction_at, created_at) + cadence_days * CAST(86400000 AS BIGINT)";

  private final JdbcClient jdbc;
  private final PersonSearch search;
  /** Most recently in touch first, people never in touch last, as the index people_by_recent reads. */
  private final String recentFirst;

  PersonStore(JdbcClient jdbc, PersonSearch search, org.socius.platform.Database database) {
    this.jdbc = jdbc;
    this.search = search;
    this.recentFirst = database.isSqlite() ? "p.last_interaction_at DESC, p.id DESC" // SQLite sorts NULL first, so last here
        : "p.last_interaction_at DESC NULLS LAST, p.id DESC";
  }

  /** How a list is ordered. Relevance applies to a search; without search text it is recent. */
  public enum Order {
    RELEVANCE,
    RECENT,
    NAME
  }

  public void insert(String id, String workspaceId, String displayName, long now) {
    jdbc.sql("INSERT INTO people (id, workspace_id, display_name, created_at, updated_at) VALUES (:id, :ws, :name, :now, :now)")
        .param("id", id).param("ws", workspaceId).param("name", displayName).param("now", now).update();
    search.reindex(workspaceId, id);
  }

  public void delete(String workspaceId, String id) {
    jdbc.sql("DELETE FROM people WHERE workspace_id = :ws AND id = :id").param("ws", workspaceId).param("id", id).update();
  }

  /** The details a member keeps; a name given here is not replaced by the network's any more. */
  public boolean update(String workspaceId, String id, String displayName, String website, String howWeMet, String timeZone,
      Integer cadenceDays, long now) {
    boolean changed = jdbc.sql("""
        UPDATE people SET display_name = :name, named_by_member = TRUE, website = :website, how_we_met = :met, time_zone = :tz,
               cadence_days = :cadence, updated_at = :now
         WHERE workspace_id = :ws AND id = :id""")
        .param("name", displayName).param("website", website).param("met", howWeMet).param("tz", timeZone)
        .param("cadence", cadenceDays).param("now", now).param("ws", workspaceId).param("id", id).update() == 1;
    if (changed) {
      search.reindex(workspaceId, id);
    }
    return changed;
  }

  /** Follows the network's name while no member has named the person. */
  public void followName(String workspaceId, String personId, String displayName) {
    int changed = jdbc.sql("""
        UPDATE people SET display_name = :name
         WHERE workspace_id = :ws AND id = :id AND named_by_member = FALSE AND display_name <> :name""")
        .param("name", displayName).param("ws", workspaceId).param("id", personId).update();
    if (changed == 1) {
      search.reindex(workspaceId, personId);
    }
  }

  /** Any interaction resets keeping in touch; an older one (a late import) never moves it back. */
  public void touch(String workspaceId, String personId, long at) {
    jdbc.sql("""
        UPDATE people SET last_interaction_at = :at
         WHERE workspace_id = :ws AND id = :id AND (last_interaction_at IS NULL OR last_interaction_at < :at)""")
        .param("at", at).param("ws", workspaceId).param("id", personId).update();
  }

  /** Sets the last interaction to the given time (null: none), after a logged one was removed. */
  public void resetLastInteraction(String workspaceId, String personId, Long at) {
    jdbc.sql("UPDATE people SET last_interaction_at = :at WHERE workspace_id = :ws AND id = :id")
        .param("at", at).param("ws", workspaceId).param("id", personId).update();
  }

  /** The account's person id and what it is found by now, if Socius knows the account. */
  public record Known(String identityId, String personId, String bioText, String handle, String displayName) {}

  public Optional<Known> account(String workspaceId, Network network, String remoteId) {
    return jdbc.sql("""
        SELECT id, person_id, bio_text, handle, display_name FROM person_identities
         WHERE workspace_id = :ws AND network = :n AND remote_id = :r""")
        .param("ws", workspaceId).param("n", network.code()).param("r", remoteId)
        .query((rs, i) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).optional();
  }

  /** Adds an account; false when another transaction added it first (the unique key decides). */
  public boolean insertAccount(String id, String personId, String workspaceId, Network network, Actor a, long now) {
    boolean added = jdbc.sql("""
        INSERT INTO person_identities (id, person_id, workspace_id, network, remote_id, handle, display_name, bio_html, bio_text,
               avatar_url, profile_url, first_seen_at, last_seen_at)
        VALUES (:id, :person, :ws, :n, :r, :handle, :name, :bioHtml, :bioText, :avatar, :url, :now, :now)
        ON CONFLICT (workspace_id, network, remote_id) DO NOTHING""")
        .param("id", id).param("person", personId).param("ws", workspaceId).param("n", network.code()).param("r", a.remoteId())
        .param("handle", a.handle()).param("name", nz(a.displayName())).param("bioHtml", nz(a.bioHtml()))
        .param("bioText", nz(a.bioText())).param("avatar", nz(a.avatarUrl())).param("url", nz(a.profileUrl())).param("now", now)
        .update() == 1;
    if (added) {
      search.reindex(workspaceId, personId);
    }
    return added;
  }

  /**
   * An account a member added by hand: the network has not reported it, so its remote id is a
   * stand-in, {@code manual:} and the handle (lower case, without a leading @), until an event
   * from the account claims it ({@link #claimHandAccount}). False when the workspace has it already.
   */
  public boolean insertHandAccount(String id, String personId, String workspaceId, Network network, String handle, String profileUrl,
      long now) {
    boolean added = jdbc.sql("""
        INSERT INTO person_identities (id, person_id, workspace_id, network, remote_id, handle, profile_url, first_seen_at, last_seen_at)
        VALUES (:id, :person, :ws, :n, :r, :handle, :url, :now, :now)
        ON CONFLICT (workspace_id, network, remote_id) DO NOTHING""")
        .param("id", id).param("person", personId).param("ws", workspaceId).param("n", network.code())
        .param("r", Identity.HAND + canonical(handle)).param("handle", handle).param("url", profileUrl).param("now", now).update() == 1;
    if (added) {
      search.reindex(workspaceId, personId);
    }
    return added;
  }

  /** The first event of an account added by hand gives it its real remote id; true when there was one to claim. */
  public boolean claimHandAccount(String workspaceId, Network network, String remoteId, String handle) {
    return handle != null && jdbc.sql("""
        UPDATE person_identities SET remote_id = :r WHERE workspace_id = :ws AND network = :n AND remote_id = :hand""")
        .param("r", remoteId).param("ws", workspaceId).param("n", network.code()).param("hand", Identity.HAND + canonical(handle))
        .update() == 1;
  }

  /**
   * The person who has this account: the same network and handle (any case, with or without a
   * leading @), or the same profile address. Reads the workspace's accounts (no index on the
   * handle): for imports, not for pages.
   */
  public Optional<String> ownerOfAccount(String workspaceId, Network network, String handle, String profileUrl) {
    return jdbc.sql("""
        SELECT person_id FROM person_identities
         WHERE workspace_id = :ws AND network = :n AND (LTRIM(LOWER(handle), '@') = :handle OR (:url <> '' AND profile_url = :url))
         ORDER BY first_seen_at, id LIMIT 1""")
        .param("ws", workspaceId).param("n", network.code()).param("handle", canonical(handle)).param("url", profileUrl)
        .query(String.class).optional();
  }

  /** A person of exactly this name and website (both given). */
  public Optional<String> withNameAndWebsite(String workspaceId, String name, String website) {
    return jdbc.sql("SELECT id FROM people WHERE workspace_id = :ws AND display_name = :name AND website = :website ORDER BY id LIMIT 1")
        .param("ws", workspaceId).param("name", name).param("website", website).query(String.class).optional();
  }

  /** A page of the workspace's people in id order, with accounts and tags, after the given id (null: from the start). */
  public List<Person> page(String workspaceId, String afterId, int limit) {
    return complete(workspaceId, jdbc.sql("SELECT * FROM people WHERE workspace_id = :ws AND id > :after ORDER BY id LIMIT :limit")
        .param("ws", workspaceId).param("after", afterId == null ? "" : afterId).param("limit", limit).query(PersonStore::row).list());
  }

  /** A handle as compared: lower case, without a leading @. */
  static String canonical(String handle) {
    return handle.strip().replaceFirst("^@", "").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The account as the network shows it now; the bio's change time moves only when its text
   * changed. The person's search document is written again when what it is found by changed.
   */
  public void refreshAccount(String workspaceId, Known known, Actor a, boolean bioChanged, long now) {
    jdbc.sql("""
        UPDATE person_identities SET handle = :handle, display_name = :name, bio_html = :bioHtml, bio_text = :bioText,
               bio_changed_at = CASE WHEN :changed THEN :now ELSE bio_changed_at END, avatar_url = :avatar, profile_url = :url,
               last_seen_at = :now
         WHERE workspace_id = :ws AND id = :id""")
        .param("ws", workspaceId).param("handle", a.handle()).param("name", nz(a.displayName())).param("bioHtml", nz(a.bioHtml()))
        .param("bioText", nz(a.bioText())).param("changed", bioChanged).param("avatar", nz(a.avatarUrl()))
        .param("url", nz(a.profileUrl())).param("now", now).param("id", known.identityId()).update();
    if (bioChanged || !java.util.Objects.equals(known.handle(), a.handle()) || !known.displayName().equals(nz(a.displayName()))) {
      search.reindex(workspaceId, known.personId());
    }
  }

  public Optional<Person> find(String workspaceId, String id) {
    return jdbc.sql("SELECT * FROM people WHERE workspace_id = :ws AND id = :id").param("ws", workspaceId).param("id", id)
        .query(PersonStore::row).optional().map(p -> complete(workspaceId, List.of(p)).get(0));
  }

  /**
   * People found by the text (every word as the start of a word of their name, handles, account
   * names, bios, tags or notes; see {@link PersonSearch}), or everyone without text, in the given
   * order. By relevance, ties go to the most recently in touch.
   */
  public List<Person> search(String workspaceId, String text, Order order, int limit) {
    boolean blank = text == null || text.isBlank();
    PersonSearch.Match match = blank ? null : search.match(workspaceId, text);
    if (!blank && match == null) {
      return List.of(); // only punctuation: nothing is found by it
    }
    String sql;
    if (match == null) {
      sql = "SELECT p.* FROM people p WHERE p.workspace_id = :ws ORDER BY "
          + (order == Order.NAME ? "LOWER(p.display_name), p.id" : recentFirst) + " LIMIT :limit";
    } else if (order == Order.NAME) {
      sql = "SELECT p.* FROM " + match.from() + " WHERE " + match.where() + " ORDER BY LOWER(p.display_name), p.id LIMIT :limit";
    } else {
      sql = search.bestSql(order == Order.RELEVANCE, recentFirst);
    }
    var q = jdbc.sql(sql).param("ws", workspaceId).param("limit", limit);
    if (match != null) {
      q = q.params(match.params());
    }
    return complete(workspaceId, q.query(PersonStore::row).list());
  }

  /**
   * People past due for keeping in touch, most overdue first: their last interaction (or, with
   * none, when they were added) is older than their cadence. The same rule as {@link KeepInTouch#dueAt}.
   */
  public List<Person> reconnect(String workspaceId, long now, int limit) {
    return complete(workspaceId, jdbc.sql("""
        SELECT * FROM people
         WHERE workspace_id = :ws AND cadence_days IS NOT NULL AND %1$s < :now
         ORDER BY %1$s, id
         LIMIT :limit""".formatted(DUE))
        .param("ws", workspaceId).param("now", now).param("limit", limit).query(PersonStore::row).list());
  }

  /** People with at least one two-way conversation answered since then (kept by {@link InteractionStore}). */
  public long withConversationSince(String workspaceId, long since) {
    return jdbc.sql("SELECT COUNT(*) FROM people WHERE workspace_id = :ws AND last_conversation_at >= :since")
        .param("ws", workspaceId).param("since", since).query(Long.class).single();
  }

  public long count(String workspaceId) {
    return jdbc.sql("SELECT COUNT(*) FROM people WHERE workspace_id = :ws").param("ws", workspaceId).query(Long.class).single();
  }

  /** Adds a tag (lower-case); true when the person did not have it. */
  public boolean tag(String workspaceId, String personId, String tag) {
    boolean added = jdbc.sql("INSERT INTO person_tags (person_id, workspace_id, tag) VALUES (:p, :ws, :tag) ON CONFLICT (person_id, tag) DO NOTHING")
        .param("p", personId).param("ws", workspaceId).param("tag", tag).update() == 1;
    if (added) {
      search.reindex(workspaceId, personId);
    }
    return added;
  }

  public boolean untag(String workspaceId, String personId, String tag) {
    boolean removed = jdbc.sql("DELETE FROM person_tags WHERE workspace_id = :ws AND person_id = :p AND tag = :tag")
        .param("ws", workspaceId).param("p", personId).param("tag", tag).update() == 1;
    if (removed) {
      search.reindex(workspaceId, personId);
    }
    return removed;
  }

  /** Adds the accounts and tags to people read without them, in two queries. */
  private List<Person> complete(String workspaceId, List<Person> people) {
    if (people.isEmpty()) {
      return people;
    }
    List<String> ids = people.stream().map(Person::id).toList();
    Map<String, List<Identity>> accounts = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM person_identities WHERE workspace_id = :ws AND person_id IN (:ids) ORDER BY first_seen_at, id")
        .param("ws", workspaceId).param("ids", ids).query(PersonStore::identity).list()
        .forEach(i -> accounts.computeIfAbsent(i.personId(), k -> new ArrayList<>()).add(i));
    Map<String, List<String>> tags = new LinkedHashMap<>();
    jdbc.sql("SELECT person_id, tag FROM person_tags WHERE workspace_id = :ws AND person_id IN (:ids) ORDER BY tag")
        .param("ws", workspaceId).param("ids", ids)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return people.stream().map(p -> new Person(p.id(), p.workspaceId(), p.displayName(), p.website(), p.howWeMet(), p.timeZone(),
        p.cadenceDays(), p.lastInteractionAt(), p.createdAt(), List.copyOf(accounts.getOrDefault(p.id(), List.of())),
        List.copyOf(tags.getOrDefault(p.id(), List.of())))).toList();
  }

  private static Person row(ResultSet rs, int n) throws SQLException {
    int cadence = rs.getInt("cadence_days");
    Integer cadenceDays = rs.wasNull() ? null : cadence;
    return new Person(rs.getString("id"), rs.getString("workspace_id"), rs.getString("display_name"), rs.getString("website"),
        rs.getString("how_we_met"), rs.getString("time_zone"), cadenceDays, instant(rs, "last_interaction_at"),
        instant(rs, "created_at"), List.of(), List.of());
  }

  private static Identity identity(ResultSet rs, int n) throws SQLException {
    return new Identity(rs.getString("id"), rs.getString("person_id"), Network.parse(rs.getString("network")),
        rs.getString("remote_id"), rs.getString("handle"), rs.getString("display_name"), rs.getString("bio_html"),
        rs.getString("bio_text"), instant(rs, "bio_changed_at"), rs.getString("avatar_url"), rs.getString("profile_url"),
        instant(rs, "first_seen_at"), instant(rs, "last_seen_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
