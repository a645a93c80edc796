package org.socius.inbox.internal.greet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.socius.networks.Network;

/**
 * Two or three questions built from a bio, offered as suggestions that the person edits (or
 * ignores): a question only helps when it is about them.
 */
public final class Starters {

  private Starters() {}

  /** @param text the message bundle's text for a key with arguments, in the reader's language */
  public static List<String> of(String bio, Network network, BiFunction<String, Object[], String> text) {
    List<BioTopics.Topic> topics = BioTopics.topics(bio);
    List<String> links = BioTopics.links(bio);
    List<String> starters = new ArrayList<>();
    if (!topics.isEmpty()) {
      BioTopics.Topic t = topics.get(0);
      starters.add(text.apply(t.role() ? "greet.starter.became" : "greet.starter.into", new Object[] {t.text()}));
    }
    if (topics.size() > 1) {
      BioTopics.Topic t = topics.get(1);
      starters.add(text.apply(t.role() ? "greet.starter.enjoy" : "greet.starter.exploring", new Object[] {t.text()}));
    }
    if (!links.isEmpty()) {
      starters.add(text.apply("greet.starter.link", new Object[] {BioTopics.host(links.get(0))}));
    }
    if (starters.size() < 2) {
      starters.add(text.apply("greet.starter.brought", new Object[] {network == Network.BLUESKY ? "Bluesky" : "Mastodon"}));
    }
    if (starters.size() < 2) {
      starters.add(text.apply("greet.starter.hoping", new Object[0]));
    }
    return starters.size() > 3 ? starters.subList(0, 3) : starters;
  }
}
