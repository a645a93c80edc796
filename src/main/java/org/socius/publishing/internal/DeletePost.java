package org.socius.publishing.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member deletes a post that has not gone out. A post published on some channel stays in the
 * history; only its unsent deliveries are removed.
 */
@Service
public class DeletePost {

  private final PostStore posts;
  private final DeliveryPlan plan;

  DeletePost(PostStore posts, DeliveryPlan plan) {
    this.posts = posts;
    this.plan = plan;
  }

  @Transactional
  public void delete(Member member, String postId) {
    member.require(Role.EDITOR);
    PostView post = posts.find(member.workspaceId(), postId).orElseThrow(() -> new DomainException.NotFound("problem.no-post"));
    if (post.deliveries().stream().anyMatch(d -> d.state() == DeliveryState.PUBLISHING || d.state() == DeliveryState.UNKNOWN)) {
      throw new DomainException.Conflict("problem.post-in-flight");
    }
    posts.deleteUnsent(postId).forEach(plan::drop);
    if (posts.deliveriesOf(postId).isEmpty()) {
      posts.deletePost(postId);
    }
  }
}
