package org.socius.people.internal.web;

import java.util.List;
import org.socius.people.Person;
import org.socius.people.internal.MergePeople;
import org.socius.people.internal.MergeSuggestions;
import org.socius.people.internal.PeopleDirectory;
import org.socius.people.internal.SuggestMerges;
import org.socius.platform.web.PageController;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People → Possibly the same person: suggestions with their reason, Merge, and Undo right after. */
@PageController
class MergeController {

  private final SuggestMerges suggest;
  private final MergePeople merge;
  private final PeopleDirectory directory;

  MergeController(SuggestMerges suggest, MergePeople merge, PeopleDirectory directory) {
    this.suggest = suggest;
    this.merge = merge;
    this.directory = directory;
  }

  @GetMapping("/w/{slug}/people/merge")
  String suggestions(Member member, Model model) {
    List<MergePair> pairs = suggest.of(member).stream().limit(200).map(s -> pair(member, s)).filter(p -> p != null).toList();
    model.addAttribute("slug", member.workspaceSlug());
    model.addAttribute("pairs", pairs);
    model.addAttribute("canEdit", member.role().atLeast(Role.EDITOR));
    return "people/merge";
  }

  @PostMapping("/w/{slug}/people/{personId}/merge")
  String merge(Member member, @PathVariable String personId, @RequestParam(defaultValue = "") String other, RedirectAttributes redirect) {
    var merged = merge.merge(member, personId, other.strip());
    redirect.addFlashAttribute("notice", "people-merged");
    redirect.addFlashAttribute("mergeId", merged.mergeId());
    return "redirect:/w/" + member.workspaceSlug() + "/people/" + personId;
  }

  @PostMapping("/w/{slug}/people/merges/{mergeId}/undo")
  String undo(Member member, @PathVariable String mergeId, RedirectAttributes redirect) {
    merge.undo(member, mergeId);
    redirect.addFlashAttribute("notice", "merge-undone");
    return "redirect:/w/" + member.workspaceSlug() + "/people/merge";
  }

  private MergePair pair(Member member, MergeSuggestions.Suggestion s) {
    var one = directory.find(member.workspaceId(), s.personId());
    var other = directory.find(member.workspaceId(), s.otherId());
    if (one.isEmpty() || other.isEmpty()) {
      return null;
    }
    return new MergePair(one.get(), other.get(), "people.merge.reason." + s.reason().name().toLowerCase(java.util.Locale.ROOT),
        s.evidence());
  }
}
