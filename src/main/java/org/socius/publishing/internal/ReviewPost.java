package org.socius.publishing.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Owners approve an editor's post or send it back with a note; anyone on the team may comment. */
@Service
public class ReviewPost {

  /** A comment, a sending back or an approval, as the post page lists them. */
  public record Note(String id, String memberId, String kind, String body, java.time.Instant at) {}

  private final PostStore posts;
  private final Placement placement;
  private final JdbcClient jdbc;
  private final org.socius.team.Workspaces workspaces;
  private final Clock clock;

  ReviewPost(PostStore posts, Placement placement, JdbcClient jdbc, org.socius.team.Workspaces workspaces, Clock clock) {
    this.posts = posts;
    this.placement = placement;
    this.jdbc = jdbc;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @Transactional
  public PostView approve(Member owner, String postId) {
    owner.require(Role.OWNER);
    PostView post = pending(owner, postId);
    posts.setStage(postId, Stage.READY, owner.memberId(), clock.millis(), clock.millis());
    note(postId, owner.memberId(), "approved", "");
    placement.place(postId, post.timing(), post.wantedAt(), workspaces.find(owner.workspaceId()).orElseThrow().timeZone());
    return posts.find(owner.workspaceId(), postId).orElseThrow();
  }

  @Transactional
  public PostView sendBack(Member owner, String postId, String reason) {
    owner.require(Role.OWNER);
    pending(owner, postId);
    String body = text(reason);
    if (body.isEmpty()) {
      throw new DomainException.Invalid("note", "problem.note-needed");
    }
    posts.setStage(postId, Stage.RETURNED, null, null, clock.millis());
    note(postId, owner.memberId(), "returned", body);
    return posts.find(owner.workspaceId(), postId).orElseThrow();
  }

  @Transactional
  public void comment(Member member, String postId, String comment) {
    member.require(Role.EDITOR);
    posts.find(member.workspaceId(), postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    String body = text(comment);
    if (body.isEmpty()) {
      throw new DomainException.Invalid("note", "problem.note-needed");
    }
    note(postId, member.memberId(), "comment", body);
  }

  public java.util.List<Note> notes(Member member, String postId) {
    posts.find(member.workspaceId(), postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    return jdbc.sql("SELECT id, member_id, kind, body, created_at FROM post_notes WHERE post_id = :p ORDER BY id").param("p", postId)
        .query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            java.time.Instant.ofEpochMilli(rs.getLong(5)))).list();
  }

  private PostView pending(Member owner, String postId) {
    PostView post = posts.find(owner.workspaceId(), postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    if (post.stage() != Stage.PENDING) {
      throw new DomainException.Conflict("problem.post-not-pending");
    }
    return post;
  }

  private void note(String postId, String memberId, String kind, String body) {
    jdbc.sql("INSERT INTO post_notes (id, post_id, member_id, kind, body, created_at) VALUES (:id, :p, :m, :k, :b, :now)")
        .param("id", Ids.newId()).param("p", postId).param("m", memberId).param("k", kind).param("b", body).param("now", clock.millis())
        .update();
  }

  private static String text(String s) {
    String t = s == null ? "" : s.strip();
    if (t.length() > 2000) {
      throw new DomainException.Invalid("note", "problem.note-long", 2000);
    }
    return t;
  }
}
