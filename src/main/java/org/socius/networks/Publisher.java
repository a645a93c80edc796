package org.socius.networks;

/**
 * Publishes on a channel exactly once per idempotency key: a retry with the same key (after a
 * crash, a timeout, a lost answer) returns what the first attempt created instead of posting again.
 * {@link #rules} and {@link #check} let a post be measured and refused before it is stored, with
 * the same checks that {@link #publish} runs.
 */
public interface Publisher {

  /**
   * @throws org.socius.platform.DomainException.Invalid when the post breaks the network's rules
   *     (length, image count, size or type)
   * @throws PublishFailure when the network refused or could not be reached; it says whether a
   *     retry can help and when
   */
  Published publish(String workspaceId, String channelId, OutgoingPost post, String idempotencyKey);

  /**
   * The channel's posting rules. They need no credentials, so a channel that must be connected
   * again still has them; when the server cannot be asked, its network's defaults apply.
   *
   * @throws org.socius.platform.DomainException.NotFound when the workspace has no such channel
   */
  PostRules rules(String workspaceId, String channelId);

  /**
   * Runs the checks of {@link #publish} without sending anything.
   *
   * @throws org.socius.platform.DomainException.Invalid naming the field and the reason
   * @throws org.socius.platform.DomainException.NotFound when the workspace has no such channel
   */
  void check(String workspaceId, String channelId, OutgoingPost post);
}
