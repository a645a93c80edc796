package org.socius.people.internal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.socius.people.internal.MergePeople;
import org.socius.people.internal.MergeSuggestions;
import org.socius.people.internal.SuggestMerges;
import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People")
@SecurityRequirement(name = "token")
class MergesApi {

  record MergeBody(String other) {}

  private final SuggestMerges suggest;
  private final MergePeople merge;

  MergesApi(SuggestMerges suggest, MergePeople merge) {
    this.suggest = suggest;
    this.merge = merge;
  }

  @Operation(summary = "People who are probably one person (same name and a shared link, same website, a bio linking the other's profile)")
  @GetMapping("/api/v1/workspaces/{workspaceId}/people/merge-suggestions")
  List<MergeSuggestions.Suggestion> suggestions(Member member) {
    return suggest.of(member);
  }

  @Operation(summary = "Merge another person into this one (their accounts, interactions, notes and tags move here); can be undone")
  @PostMapping("/api/v1/workspaces/{workspaceId}/people/{personId}/merge")
  ResponseEntity<MergePeople.Merged> merge(Member member, @PathVariable String personId, @RequestBody MergeBody body) {
    if (body == null || body.other() == null || body.other().isBlank()) {
      throw new DomainException.Invalid("other", "problem.merge-other");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(merge.merge(member, personId, body.other().strip()));
  }

  @Operation(summary = "Undo a merge: the other person returns with what was theirs")
  @PostMapping("/api/v1/workspaces/{workspaceId}/people/merges/{mergeId}/undo")
  ResponseEntity<Void> undo(Member member, @PathVariable String mergeId) {
    merge.undo(member, mergeId);
    return ResponseEntity.noContent().build();
  }
}
