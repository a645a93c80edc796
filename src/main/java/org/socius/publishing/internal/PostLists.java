package org.socius.publishing.internal;

import java.time.Instant;
import java.util.List;
import org.socius.team.Member;
import org.springframework.stereotype.Service;

/** The read side for pages and the API: calendar, history, failures, drafts and approvals. */
@Service
public class PostLists {

  private final PostStore posts;

  PostLists(PostStore posts) {
    this.posts = posts;
  }

  /** Everything due or published between two times, for one channel or all (null). */
  public List<DeliveryView> calendar(Member member, String channelId, Instant from, Instant to) {
    return posts.between(member.workspaceId(), channelId, from, to);
  }

  public List<DeliveryView> published(Member member, int limit) {
    return posts.inStates(member.workspaceId(), List.of("published"), limit);
  }

  /** Failed and missed deliveries and those whose outcome is being settled, newest first. */
  public List<DeliveryView> needingAttention(Member member, int limit) {
    return posts.inStates(member.workspaceId(), List.of("failed", "missed", "unknown"), limit);
  }

  public List<PostView> inStage(Member member, Stage stage, boolean mineOnly, int limit) {
    return posts.postIdsInStage(member.workspaceId(), stage, mineOnly ? member.memberId() : null, limit).stream()
        .map(id -> posts.find(member.workspaceId(), id).orElseThrow()).toList();
  }

  public java.util.Optional<PostView> post(Member member, String postId) {
    return posts.find(member.workspaceId(), postId);
  }

  public java.util.Optional<byte[]> image(Member member, String imageId) {
    return posts.imageBytes(member.workspaceId(), imageId);
  }
}
