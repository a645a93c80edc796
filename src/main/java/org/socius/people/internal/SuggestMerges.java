package org.socius.people.internal;

import java.util.List;
import org.socius.team.Member;
import org.springframework.stereotype.Service;

/** The people of a workspace who are probably one person, with the reason, for a member to confirm. */
@Service
public class SuggestMerges {

  private final MergeStore merges;

  SuggestMerges(MergeStore merges) {
    this.merges = merges;
  }

  public List<MergeSuggestions.Suggestion> of(Member member) {
    return MergeSuggestions.find(merges.candidates(member.workspaceId()));
  }
}
