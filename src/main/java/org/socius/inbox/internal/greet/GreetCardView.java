package org.socius.inbox.internal.greet;

import java.util.List;
import org.socius.networks.Post;

/**
 * Everything a person needs to write a greeting: the card, their bio cut into text, topics and
 * links, their latest posts, mutual connections (those Socius knows as people have a personId),
 * and starters to edit.
 *
 * @param readFailed the network could not be asked for posts or mutual connections just now
 */
public record GreetCardView(GreetCard card, String personId, List<BioTopics.Segment> bio, List<BioTopics.Topic> topics,
    List<String> links, List<Post> latestPosts, List<Mutual> mutuals, List<String> starters, boolean directPossible,
    boolean readFailed) {

  public record Mutual(String handle, String name, String profileUrl, String personId) {}
}
