package org.socius.people.internal;

import java.time.Clock;
import java.util.List;
import org.socius.platform.DomainException;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor confirms that two people are one: the other's accounts, interactions, notes and tags
 * move to the kept person, and the merge is recorded so that {@link #undo} can take it back.
 * Both must be people of the member's workspace.
 */
@Service
public class MergePeople {

  public record Merged(String mergeId, String keptId, String mergedId) {}

  private final PersonStore people;
  private final MergeStore merges;
  private final PersonSearch search;
  private final InteractionStore interactionStore;
  private final Clock clock;

  MergePeople(PersonStore people, MergeStore merges, PersonSearch search, InteractionStore interactions, Clock clock) {
    this.people = people;
    this.merges = merges;
    this.search = search;
    this.interactionStore = interactions;
    this.clock = clock;
  }

  @Transactional
  public Merged merge(Member member, String keptId, String otherId) {
    member.require(Role.EDITOR);
    people.find(member.workspaceId(), keptId).orElseThrow(UpdatePerson::notFound);
    people.find(member.workspaceId(), otherId).orElseThrow(UpdatePerson::notFound);
    if (keptId.equals(otherId)) {
      throw new DomainException.Invalid("other", "problem.merge-self");
    }
    String ws = member.workspaceId();
    MergeStore.Snapshot snapshot = merges.snapshot(ws, otherId);
    List<String> identities = merges.ids("person_identities", otherId);
    List<String> interactions = merges.ids("interactions", otherId);
    List<String> notes = merges.ids("person_notes", otherId);
    merges.move("person_identities", identities, keptId);
    merges.move("interactions", interactions, keptId);
    merges.move("person_notes", notes, keptId);
    List<String> added = merges.addTags(ws, keptId, snapshot.tags());
    merges.latest(keptId, snapshot.lastInteractionAt());
    people.delete(ws, otherId);
    search.reindex(ws, keptId);
    interactionStore.recomputeConversation(ws, keptId);
    String id = Ids.newId();
    merges.insert(ws, new MergeStore.Merge(id, keptId, otherId, snapshot, identities, interactions, notes, added, null),
        member.memberId(), clock.millis());
    return new Merged(id, keptId, otherId);
  }

  /**
   * Takes a merge back: the removed person returns with their details and tags, their accounts,
   * and every interaction of those accounts (also ones that arrived since), their notes.
   */
  @Transactional
  public void undo(Member member, String mergeId) {
    member.require(Role.EDITOR);
    MergeStore.Merge m = merges.find(member.workspaceId(), mergeId)
        .orElseThrow(() -> new DomainException.NotFound("problem.no-merge"));
    people.find(member.workspaceId(), m.keptId()).orElseThrow(() -> new DomainException.Conflict("problem.merge-gone"));
    if (!merges.markUndone(mergeId, clock.millis())) {
      throw new DomainException.Conflict("problem.merge-undone");
    }
    String ws = member.workspaceId();
    merges.recreate(ws, m.mergedId(), m.snapshot(), clock.millis());
    merges.move("person_identities", m.identityIds(), m.mergedId());
    merges.move("interactions", m.interactionIds(), m.mergedId());
    merges.moveInteractionsOfIdentities(m.identityIds(), m.mergedId());
    merges.move("person_notes", m.noteIds(), m.mergedId());
    merges.removeTags(m.keptId(), m.addedTags());
    merges.recomputeLatest(m.keptId());
    search.reindex(ws, List.of(m.keptId(), m.mergedId()));
    interactionStore.recomputeConversation(ws, m.keptId());
    interactionStore.recomputeConversation(ws, m.mergedId());
  }
}
