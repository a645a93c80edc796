package org.socius.publishing.internal.web;

/**
 * A channel in the composer, with what its network allows so the counter can count as the
 * network does; the limits are null when they could not be learnt, and the counter stays quiet.
 *
 * @param ownText the channel's own text, empty when it takes the main text
 */
public record ChannelChoice(String id, String network, String handle, String name, String maxCharacters,
    String charactersPerUrl, String maxImages, boolean checked, String ownText) {

  public String label() {
    return name.isBlank() || name.equals(handle) ? handle : name + " (" + handle + ")";
  }
}
