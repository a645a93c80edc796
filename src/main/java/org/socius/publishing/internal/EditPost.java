package org.socius.publishing.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member changes a post that has not gone out on any channel yet: text, channels, time or
 * images. Its unsent deliveries are replaced; under approval an editor's change waits again.
 */
@Service
public class EditPost {

  private final PostChecks checks;
  private final PostWriter writer;
  private final PostStore posts;
  private final DeliveryPlan plan;
  private final TransactionTemplate tx;
  private final Clock clock;

  EditPost(PostChecks checks, PostWriter writer, PostStore posts, DeliveryPlan plan, TransactionTemplate tx, Clock clock) {
    this.checks = checks;
    this.writer = writer;
    this.posts = posts;
    this.plan = plan;
    this.tx = tx;
    this.clock = clock;
  }

  public PostView edit(Member member, String postId, PostForm form) {
    member.require(Role.EDITOR);
    PostView current = posts.find(member.workspaceId(), postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    if (!current.editable()) {
      throw new DomainException.Conflict("problem.post-sent");
    }
    PostChecks.Checked checked = checks.check(member, form, posts.imageBytes(postId));
    tx.executeWithoutResult(status -> {
      PostView again = posts.find(member.workspaceId(), postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
      if (!again.editable()) {
        throw new DomainException.Conflict("problem.post-sent");
      }
      posts.deleteUnsent(postId).forEach(plan::drop);
      writer.write(postId, current.authorId(), form, checked, false, clock.millis());
    });
    return posts.find(member.workspaceId(), postId).orElseThrow();
  }
}
