package org.socius.publishing.internal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.socius.networks.Channel;
import org.socius.networks.PostRules;
import org.socius.networks.Publisher;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.PostView;
import org.socius.publishing.internal.UpdatePublishingSettings;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Component;

/** Fills the composer: empty (perhaps for one empty slot), from a post to edit, or from a refused submission. */
@Component
class Composer {

  private final PublishPages pages;
  private final Publisher publisher;
  private final Workspaces workspaces;
  private final UpdatePublishingSettings settings;

  Composer(PublishPages pages, Publisher publisher, Workspaces workspaces, UpdatePublishingSettings settings) {
    this.pages = pages;
    this.publisher = publisher;
    this.workspaces = workspaces;
    this.settings = settings;
  }

  ComposerView blank(Member member, String channelId, Instant slot) {
    Times times = pages.times(member);
    List<Channel> live = pages.live(member);
    boolean known = channelId != null && live.stream().anyMatch(c -> c.id().equals(channelId));
    Set<String> checked = known ? Set.of(channelId) : live.size() == 1 ? Set.of(live.get(0).id()) : Set.of();
    boolean forSlot = known && slot != null;
    String slotLabel = forSlot ? times.dateTime(slot) + " · " + live.stream().filter(c -> c.id().equals(channelId))
        .findFirst().orElseThrow().handle() : "";
    return new ComposerView(null, choices(member, live, checked, Map.of()), "", false, "", forSlot ? times.input(slot) : "",
        forSlot ? slot.toString() : "", forSlot ? channelId : "", slotLabel, List.of(), blanks(), signature(member), false,
        times.zone().getId());
  }

  ComposerView of(Member member, PostView post) {
    Times times = pages.times(member);
    String signature = signature(member);
    Map<String, String> own = post.deliveries().stream().filter(DeliveryView::customText)
        .collect(Collectors.toMap(DeliveryView::channelId, d -> ownText(d, post.thread(), signature), (a, b) -> a));
    Set<String> checked = post.deliveries().stream().map(DeliveryView::channelId).collect(Collectors.toSet());
    List<ComposerView.KeptImage> kept = post.images().stream().map(i -> new ComposerView.KeptImage(i, i.alt(), false)).toList();
    String kind = post.kind() == post.kindSuggested() ? "" : post.kind().code();
    String at = post.timing() == org.socius.publishing.internal.Timing.AT ? times.input(post.wantedAt()) : "";
    return new ComposerView(post.id(), choices(member, pages.live(member), checked, own), post.text(), post.thread(), kind, at,
        "", "", "", kept, blanks(), signature, false, times.zone().getId());
  }

  /** What was typed, shown again after the server refused it. */
  ComposerView again(Member member, ComposerInput in, PostView post) {
    Times times = pages.times(member);
    List<ComposerView.KeptImage> kept = post == null ? List.of() : post.images().stream()
        .map(i -> new ComposerView.KeptImage(i, in.keptAlts().getOrDefault(i.id(), i.alt()), in.removed().contains(i.id()))).toList();
    String slotLabel = "";
    if (!in.slot().isBlank()) {
      try {
        slotLabel = times.dateTime(Instant.parse(in.slot()));
      } catch (java.time.format.DateTimeParseException e) {
        slotLabel = "";
      }
    }
    return new ComposerView(post == null ? null : post.id(), choices(member, pages.live(member), Set.copyOf(in.channels()),
        in.channelTexts()), in.text(), in.thread(), in.kind(), in.at(), slotLabel.isEmpty() ? "" : in.slot(), in.slotChannel(),
        slotLabel, kept, in.alts(), signature(member), in.hasFiles(), times.zone().getId());
  }

  private List<ChannelChoice> choices(Member member, List<Channel> live, Set<String> checked, Map<String, String> own) {
    List<ChannelChoice> choices = new ArrayList<>();
    for (Channel c : live) {
      PostRules rules = rules(member, c);
      choices.add(new ChannelChoice(c.id(), c.network().code(), c.handle(), c.displayName() == null ? "" : c.displayName(),
          rules == null ? null : String.valueOf(rules.maxCharacters()), rules == null ? null : String.valueOf(rules.charactersPerUrl()),
          rules == null ? null : String.valueOf(rules.maxImages()), checked.contains(c.id()), own.getOrDefault(c.id(), "")));
    }
    return choices;
  }

  private PostRules rules(Member member, Channel channel) {
    try {
      return publisher.rules(member.workspaceId(), channel.id());
    } catch (RuntimeException e) {
      return null; // no counter for this channel; the server still checks when the post is saved
    }
  }

  /** The signature the server appends for this member, as PostChecks does, so the counters agree. */
  private String signature(Member member) {
    Workspace workspace = workspaces.find(member.workspaceId()).orElseThrow();
    if (!settings.current(member).signatureOnBrand() || workspace.kind() != Workspace.Kind.BRAND) {
      return "";
    }
    String sig = workspaces.profile(member.workspaceId(), member.memberId()).map(MemberProfile::signature).orElse("");
    return sig == null || sig.isBlank() ? "" : " " + sig.strip();
  }

  /**
   * A channel's own text, recovered from the parts it will send: numbering and the signature are
   * taken off again, since the server adds them when it splits the text anew.
   */
  static String ownText(DeliveryView d, boolean thread, String signature) {
    List<String> parts = d.parts();
    String text = thread && parts.size() > 1
        ? parts.stream().map(p -> p.replaceFirst(" \\d+/\\d+$", "")).collect(Collectors.joining(" "))
        : String.join("\n\n", parts);
    if (!signature.isEmpty() && text.endsWith(signature)) {
      text = text.substring(0, text.length() - signature.length());
    }
    return text;
  }

  private static List<String> blanks() {
    return Collections.nCopies(ComposerView.MAX_IMAGES, "");
  }
}
