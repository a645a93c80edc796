package org.socius.publishing.internal;

import java.time.Clock;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member composes a post once for one or more channels: saves it as a draft, adds it to each
 * channel's queue, schedules it at a time, or shares it now. Nothing is stored unless every
 * channel accepts it; an editor's post waits for an owner when the workspace asks for approval.
 */
@org.springframework.modulith.NamedInterface("commands")
@Service
public class ComposePost {

  private final PostChecks checks;
  private final PostWriter writer;
  private final PostStore posts;
  private final TransactionTemplate tx;
  private final Clock clock;

  ComposePost(PostChecks checks, PostWriter writer, PostStore posts, TransactionTemplate tx, Clock clock) {
    this.checks = checks;
    this.writer = writer;
    this.posts = posts;
    this.tx = tx;
    this.clock = clock;
  }

  public PostView compose(Member author, PostForm form) {
    author.require(Role.EDITOR);
    PostChecks.Checked checked = checks.check(author, form, java.util.List.of());
    String id = Ids.newId();
    for (int attempt = 1; ; attempt++) {
      try {
        tx.executeWithoutResult(status -> writer.write(id, author.memberId(), form, checked, true, clock.millis()));
        return posts.find(author.workspaceId(), id).orElseThrow();
      } catch (DuplicateKeyException slotTakenMeanwhile) {
        // another node took the same posting slot between our look and our write: look again
        if (attempt == 3) {
          throw new DomainException.Conflict("problem.slot-race");
        }
      }
    }
  }
}
