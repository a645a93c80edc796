package org.socius.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.networks.OutgoingPost;
import org.socius.networks.PostRules;
import org.socius.networks.Publisher;
import org.socius.platform.DomainException;
import org.socius.platform.ImageTypes;
import org.socius.publishing.PostKind;
import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Component;

/**
 * Checks a composed post against the workspace's rules and each channel's network before
 * anything is stored, and works out the texts each channel will get.
 */
@Component
class PostChecks {

  static final int MAX_TEXT = 20_000;
  static final Duration MAX_AHEAD = Duration.ofDays(731);

  /** The outcome: per channel the parts to send; the images, checked. */
  record Checked(Workspace workspace, PublishingSettings settings, Map<String, List<String>> parts, Map<String, Boolean> custom,
      List<OutgoingPost.Image> images, PostKind kind, PostKind suggested, Stage stage, Timing timing, Instant at) {}

  private final Channels channels;
  private final Publisher publisher;
  private final Workspaces workspaces;
  private final SettingsStore settings;
  private final Clock clock;

  PostChecks(Channels channels, Publisher publisher, Workspaces workspaces, SettingsStore settings, Clock clock) {
    this.channels = channels;
    this.publisher = publisher;
    this.workspaces = workspaces;
    this.settings = settings;
    this.clock = clock;
  }

  Checked check(Member author, PostForm form, List<OutgoingPost.Image> keptImages) {
    Workspace workspace = workspaces.find(author.workspaceId()).orElseThrow();
    PublishingSettings rules = settings.of(workspace.id());
    String text = form.text() == null ? "" : form.text().strip();
    if (text.length() > MAX_TEXT) {
      throw new DomainException.Invalid("text", "problem.post-too-long", text.length(), "Socius", MAX_TEXT);
    }
    List<OutgoingPost.Image> images = form.images() == null ? keptImages : images(form.images(), rules);
    List<String> ids = form.channelIds() == null ? List.of() : form.channelIds().stream().filter(s -> s != null && !s.isBlank())
        .map(String::strip).distinct().toList();
    PostForm.Action action = form.action() == null ? PostForm.Action.DRAFT : form.action();
    if (ids.isEmpty() && action != PostForm.Action.DRAFT) {
      throw new DomainException.Invalid("channels", "problem.no-channels-chosen");
    }
    String signature = signature(author, workspace, rules);
    Map<String, List<String>> parts = new LinkedHashMap<>();
    Map<String, Boolean> custom = new LinkedHashMap<>();
    for (String id : ids) {
      Channel channel = channels.find(workspace.id(), id).orElseThrow(() -> new DomainException.Invalid("channels", "problem.no-channel"));
      if (channel.status() == Channel.Status.DISCONNECTED) {
        throw new DomainException.Invalid("channels", "problem.channel-disconnected", channel.handle());
      }
      String own = form.channelTexts() == null ? null : form.channelTexts().get(id);
      boolean isCustom = own != null && !own.isBlank() && !own.strip().equals(text);
      String body = isCustom ? own.strip() : text;
      if (body.isEmpty() && images.isEmpty()) {
        throw new DomainException.Invalid("text", "problem.post-empty");
      }
      List<String> channelParts = parts(channel, body + signature, form.thread(), action);
      if (action != PostForm.Action.DRAFT) {
        publisher.check(workspace.id(), id, new OutgoingPost(channelParts, images, null, "public"));
      }
      parts.put(id, channelParts);
      custom.put(id, isCustom);
    }
    if (ids.isEmpty() && text.isEmpty() && images.isEmpty()) {
      throw new DomainException.Invalid("text", "problem.post-empty");
    }
    PostKind suggested = KindSuggestion.suggest(text, rules.ownDomains(), form.sourceUrl() != null && !form.sourceUrl().isBlank());
    PostKind kind = form.kind() == null || form.kind().isBlank() ? suggested : PostKind.parse("kind", form.kind());
    Instant at = time(action, form.at());
    Stage stage = action == PostForm.Action.DRAFT ? Stage.DRAFT
        : rules.approvalRequired() && !author.isOwner() ? Stage.PENDING : Stage.READY;
    Timing timing = switch (action) {
      case QUEUE, DRAFT -> Timing.QUEUE;
      case AT -> Timing.AT;
      case NOW -> Timing.NOW;
    };
    return new Checked(workspace, rules, parts, custom, images, kind, suggested, stage, timing, at);
  }

  private List<String> parts(Channel channel, String body, boolean thread, PostForm.Action action) {
    PostRules limits = publisher.rules(channel.workspaceId(), channel.id());
    if (thread && limits.length(body) > limits.maxCharacters()) {
      return ThreadSplitter.split(body, limits.maxCharacters(), limits::length, true);
    }
    int length = limits.length(body);
    if (length > limits.maxCharacters() && action != PostForm.Action.DRAFT) {
      throw new DomainException.Invalid("text", "problem.post-too-long", length, channel.handle(), limits.maxCharacters());
    }
    return List.of(body);
  }

  private String signature(Member author, Workspace workspace, PublishingSettings rules) {
    if (!rules.signatureOnBrand() || workspace.kind() != Workspace.Kind.BRAND) {
      return "";
    }
    String sig = workspaces.profile(workspace.id(), author.memberId()).map(MemberProfile::signature).orElse("");
    return sig.isBlank() ? "" : " " + sig.strip();
  }

  private List<OutgoingPost.Image> images(List<PostForm.Image> given, PublishingSettings rules) {
    if (given.size() > 4) {
      throw new DomainException.Invalid("images", "problem.too-many-images", 4);
    }
    List<OutgoingPost.Image> images = new ArrayList<>();
    for (PostForm.Image image : given) {
      String type = ImageTypes.sniff(image.bytes()).orElseThrow(() -> new DomainException.Invalid("images", "problem.image-type"));
      String alt = image.alt() == null ? "" : image.alt().strip();
      if (alt.isEmpty() && rules.altTextRequired()) {
        throw new DomainException.Invalid("images", "problem.alt-text-missing");
      }
      if (alt.length() > 1500) {
        throw new DomainException.Invalid("images", "problem.alt-text-long", 1500);
      }
      images.add(new OutgoingPost.Image(image.bytes(), type, alt));
    }
    return images;
  }

  private Instant time(PostForm.Action action, Instant at) {
    if (action != PostForm.Action.AT) {
      return null;
    }
    Instant now = clock.instant();
    if (at == null) {
      throw new DomainException.Invalid("at", "problem.post-time-missing");
    }
    if (!at.isAfter(now)) {
      throw new DomainException.Invalid("at", "problem.post-time-past");
    }
    if (at.isAfter(now.plus(MAX_AHEAD))) {
      throw new DomainException.Invalid("at", "problem.post-time-far");
    }
    return at;
  }
}
