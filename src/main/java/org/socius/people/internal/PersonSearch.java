package org.socius.people.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.socius.platform.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The full-text index of people: one document per person from their name, accounts (handles and
 * account names), tags, bios and notes. SQLite keeps it in FTS5, PostgreSQL in a tsvector with a
 * GIN index ('simple' configuration). Both get text folded here the same way — lower case,
 * accents and punctuation gone — so "@ann@example.social" is the words "ann example social",
 * and a search is every word of the query as a prefix: "ann" finds Annette and that handle.
 *
 * <p>The stores call {@link #reindex} in the transaction that changes what a person is found
 * by; removing a person removes the document (cascade). People without a document (those from
 * before the index existed) are indexed when the application starts.
 */
@Repository
public class PersonSearch {

  /** Words of a query looked at; more only narrow further. */
  static final int MAX_TERMS = 8;
  /** Characters of one field indexed; the rest of a very long note is not. */
  static final int MAX_FIELD = 100_000;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final JdbcClient jdbc;
  private final boolean sqlite;

  PersonSearch(JdbcClient jdbc, Database database) {
    this.jdbc = jdbc;
    this.sqlite = database.isSqlite();
  }

  /** Lower case, without accents; anything but letters and digits becomes a single space. */
  static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String t = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    return NOT_WORD.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** The words of a query, folded; empty when it has none (e.g. only punctuation). */
  static List<String> terms(String query) {
    String f = fold(query);
    return f.isEmpty() ? List.of() : Arrays.stream(f.split(" ")).distinct().limit(MAX_TERMS).toList();
  }

  /**
   * How a query joins and filters the people {@code p} of workspace {@code :ws} (for an order by
   * the person's own columns, e.g. by name), with the parameters to bind.
   */
  record Match(String from, String where, Map<String, Object> params) {}

  /**
   * The best {@code :limit} matches as one statement over people {@code p} (bound: {@code :ws},
   * {@code :limit} and the match's parameters), by relevance or, with {@code relevance} false,
   * most recently in touch first.
   *
   * <p>On SQLite FTS5 ranks inside the index (bm25, name and accounts weigh most, notes least),
   * within the workspace's word, and only the best rows are joined: joining every match first
   * costs a second at 15,000 matches. On PostgreSQL the rank is where the words were found — in
   * order, side by side, in the name or an account (a handle typed in full), else all in those,
   * else all in those or the tags, else anywhere — and then the most
   * recently in touch, read from the search row itself (its copy of the person's last contact,
   * kept by a trigger). The matches in names, accounts and tags and the rest are picked apart,
   * each through its own index (see below), so that a word in thousands of bios does not rank
   * every one of them.
   */
  String bestSql(boolean relevance, String recentFirst) {
    if (sqlite) {
      return relevance ? """
          SELECT p.* FROM (SELECT rowid AS doc, bm25(person_search, 0.0, 10.0, 8.0, 4.0, 2.0, 1.0) AS score FROM person_search
                            WHERE person_search MATCH :match ORDER BY score LIMIT :limit) m
            JOIN person_search_docs d ON d.id = m.doc JOIN people p ON p.id = d.person_id AND p.workspace_id = :ws
           ORDER BY m.score, %s""".formatted(recentFirst)
          : "SELECT p.* FROM " + SQLITE_FROM + " WHERE " + SQLITE_WHERE + " ORDER BY " + recentFirst + " LIMIT :limit";
    }
    if (!relevance) {
      return """
          SELECT p.* FROM (SELECT s.person_id, s.last_interaction_at AS recent FROM person_search s
                            WHERE s.workspace_id = :ws AND s.document @@ to_tsquery('simple', :match)
                            ORDER BY recent DESC NULLS LAST, s.person_id DESC LIMIT :limit) m
            JOIN people p ON p.id = m.person_id
           ORDER BY m.recent DESC NULLS LAST, m.person_id DESC""";
    }
    // Two parts, each through its own index: the matches in the head (name, accounts, tags: few,
    // GIN on head), ranked; and the best of the rest by recent contact alone, which the planner
    // finds by walking person_search_by_recent for a common word or through the GIN match for a
    // rare one. Ranking every match at once visited all of them: 55-100 ms for a word in 16,000 bios.
    return """
        SELECT p.* FROM (
            (SELECT s.person_id, CASE WHEN s.head @@ to_tsquery('simple', :names)
                      THEN CASE WHEN s.head @@ to_tsquery('simple', :phrase) THEN 0 ELSE 1 END ELSE 2 END AS tier,
                    s.last_interaction_at AS recent
               FROM person_search s WHERE s.workspace_id = :ws AND s.head @@ to_tsquery('simple', :namesOrTags)
              ORDER BY tier, recent DESC NULLS LAST, s.person_id DESC LIMIT :limit)
            UNION ALL
            (SELECT s.person_id, 3, s.last_interaction_at FROM person_search s
              WHERE s.workspace_id = :ws AND s.document @@ to_tsquery('simple', :match)
                AND NOT s.head @@ to_tsquery('simple', :namesOrTags)
              ORDER BY s.last_interaction_at DESC NULLS LAST, s.person_id DESC LIMIT :limit)) m
          JOIN people p ON p.id = m.person_id
         ORDER BY m.tier, m.recent DESC NULLS LAST, m.person_id DESC
         LIMIT :limit""";
  }

  private static final String SQLITE_FROM =
      "person_search JOIN person_search_docs d ON d.id = person_search.rowid JOIN people p ON p.id = d.person_id";
  private static final String SQLITE_WHERE = "person_search MATCH :match AND d.workspace_id = :ws";

  /** The workspace as one word of the SQLite document, e.g. w01a2165dd63d72fa. */
  static String workspaceWord(String workspaceId) {
    return "w" + workspaceId.replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** The match for a query, or null when it has no words. */
  Match match(String workspaceId, String query) {
    List<String> terms = terms(query);
    if (terms.isEmpty()) {
      return null;
    }
    if (sqlite) {
      return new Match(SQLITE_FROM, SQLITE_WHERE, Map.of("match",
          "ws:" + workspaceWord(workspaceId) + " AND " + terms.stream().map(t -> "\"" + t + "\"*").collect(Collectors.joining(" "))));
    }
    // names and accounts are weight A of the document, tags B (see write)
    return new Match("person_search s JOIN people p ON p.id = s.person_id",
        "s.workspace_id = :ws AND s.document @@ to_tsquery('simple', :match)", Map.of(
            "match", terms.stream().map(t -> t + ":*").collect(Collectors.joining(" & ")),
            "phrase", terms.stream().map(t -> t + ":*A").collect(Collectors.joining(" <-> ")),
            "names", terms.stream().map(t -> t + ":*A").collect(Collectors.joining(" & ")),
            "namesOrTags", terms.stream().map(t -> t + ":*AB").collect(Collectors.joining(" & "))));
  }

  public void reindex(String workspaceId, String personId) {
    reindex(workspaceId, List.of(personId));
  }

  /** Writes the documents of these people anew from what is stored now; people no longer there are skipped. */
  public void reindex(String workspaceId, Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return;
    }
    Map<String, Doc> docs = new LinkedHashMap<>();
    jdbc.sql("SELECT id, display_name FROM people WHERE workspace_id = :ws AND id IN (:ids)").param("ws", workspaceId)
        .param("ids", personIds).query((rs, n) -> new Doc(rs.getString(1), rs.getString(2))).list()
        .forEach(d -> docs.put(d.personId, d));
    if (docs.isEmpty()) {
      return;
    }
    jdbc.sql("SELECT person_id, handle, display_name, bio_text FROM person_identities WHERE workspace_id = :ws AND person_id IN (:ids)")
        .param("ws", workspaceId).param("ids", docs.keySet()).query(rs -> {
          Doc d = docs.get(rs.getString(1));
          d.handles.add(rs.getString(2));
          d.handles.add(rs.getString(3));
          d.bios.add(rs.getString(4));
        });
    jdbc.sql("SELECT person_id, tag FROM person_tags WHERE workspace_id = :ws AND person_id IN (:ids)")
        .param("ws", workspaceId).param("ids", docs.keySet()).query(rs -> {
          docs.get(rs.getString(1)).tags.add(rs.getString(2));
        });
    jdbc.sql("SELECT person_id, body FROM person_notes WHERE workspace_id = :ws AND person_id IN (:ids)")
        .param("ws", workspaceId).param("ids", docs.keySet()).query(rs -> {
          docs.get(rs.getString(1)).notes.add(rs.getString(2));
        });
    for (Doc d : docs.values()) {
      write(workspaceId, d);
    }
  }

  /** Indexes the people that have no document yet, in batches; returns how many. */
  public int indexMissing() {
    String missing = sqlite
        ? "SELECT workspace_id, id FROM people p WHERE NOT EXISTS (SELECT 1 FROM person_search_docs d WHERE d.person_id = p.id) LIMIT 500"
        : "SELECT workspace_id, id FROM people p WHERE NOT EXISTS (SELECT 1 FROM person_search s WHERE s.person_id = p.id) LIMIT 500";
    int total = 0;
    while (true) {
      Map<String, List<String>> byWorkspace = new LinkedHashMap<>();
      jdbc.sql(missing).query(rs -> {
        byWorkspace.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      });
      if (byWorkspace.isEmpty()) {
        return total;
      }
      for (var e : byWorkspace.entrySet()) {
        reindex(e.getKey(), e.getValue());
        total += e.getValue().size();
      }
    }
  }

  private void write(String workspaceId, Doc d) {
    var q = jdbc.sql(sqlite ? """
        INSERT INTO person_search_docs (person_id, workspace_id, ws, name, handles, tags, bio, notes)
        VALUES (:p, :ws, :word, :name, :handles, :tags, :bio, :notes)
        ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, handles = excluded.handles, tags = excluded.tags,
          bio = excluded.bio, notes = excluded.notes""" : """
        INSERT INTO person_search (person_id, workspace_id, document, head, last_interaction_at)
        VALUES (:p, :ws, setweight(to_tsvector('simple', :name), 'A') || setweight(to_tsvector('simple', :handles), 'A')
          || setweight(to_tsvector('simple', :tags), 'B') || setweight(to_tsvector('simple', :bio), 'C')
          || setweight(to_tsvector('simple', :notes), 'D'),
          setweight(to_tsvector('simple', :name), 'A') || setweight(to_tsvector('simple', :handles), 'A')
          || setweight(to_tsvector('simple', :tags), 'B'), (SELECT last_interaction_at FROM people WHERE id = :p))
        ON CONFLICT (person_id) DO UPDATE SET document = excluded.document, head = excluded.head,
          last_interaction_at = excluded.last_interaction_at""");
    if (sqlite) {
      q = q.param("word", workspaceWord(workspaceId));
    }
    q.param("p", d.personId).param("ws", workspaceId).param("name", field(List.of(d.name))).param("handles", field(d.handles))
        .param("tags", field(d.tags)).param("bio", field(d.bios)).param("notes", field(d.notes)).update();
  }

  private static String field(List<String> parts) {
    String f = fold(String.join(" ", parts));
    return f.length() <= MAX_FIELD ? f : f.substring(0, f.lastIndexOf(' ', MAX_FIELD) < 0 ? MAX_FIELD : f.lastIndexOf(' ', MAX_FIELD));
  }

  private static final class Doc {
    final String personId;
    final String name;
    final List<String> handles = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> bios = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Doc(String personId, String name) {
      this.personId = personId;
      this.name = name;
    }
  }
}
