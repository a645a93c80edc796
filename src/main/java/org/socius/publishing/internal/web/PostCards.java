package org.socius.publishing.internal.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socius.networks.Channel;
import org.socius.publishing.internal.DeliveryView;
import org.socius.publishing.internal.PostView;
import org.socius.publishing.internal.ReviewPost;
import org.socius.team.Member;
import org.springframework.stereotype.Component;

/** Turns posts into {@link PostCard}s, naming authors and channels once per page. */
@Component
class PostCards {

  private final PublishPages pages;
  private final ReviewPost review;

  PostCards(PublishPages pages, ReviewPost review) {
    this.pages = pages;
    this.review = review;
  }

  List<PostCard> of(Member member, List<PostView> posts, boolean withNotes) {
    Times times = pages.times(member);
    Map<String, Channel> channels = pages.byId(member);
    Map<String, List<ReviewPost.Note>> notes = new java.util.HashMap<>();
    Set<String> people = new HashSet<>();
    for (PostView p : posts) {
      people.add(p.authorId());
      if (withNotes) {
        List<ReviewPost.Note> list = review.notes(member, p.id());
        notes.put(p.id(), list);
        list.forEach(n -> people.add(n.memberId()));
      }
    }
    Map<String, String> names = pages.names(member, people);
    List<PostCard> cards = new ArrayList<>();
    for (PostView p : posts) {
      List<String> handles = p.deliveries().stream().map(DeliveryView::channelId)
          .map(id -> channels.containsKey(id) ? channels.get(id).handle() : id).distinct().toList();
      List<PostCard.Note> lines = notes.getOrDefault(p.id(), List.of()).stream()
          .map(n -> new PostCard.Note(names.getOrDefault(n.memberId(), "—"), n.kind(), n.body(), times.dateTime(n.at()))).toList();
      cards.add(new PostCard(p, names.getOrDefault(p.authorId(), "—"), times.dateTime(p.updatedAt()), handles, lines));
    }
    return cards;
  }
}
