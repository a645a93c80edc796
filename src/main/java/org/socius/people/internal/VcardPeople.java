package org.socius.people.internal;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Kind;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.Timezone;
import ezvcard.property.Url;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socius.platform.DomainException;

/**
 * People as vCard 4.0 (RFC 6350), written and read with ez-vcard; 3.0 files are read too.
 *
 * <ul>
 *   <li>{@code FN} the name; {@code URL} the website; {@code CATEGORIES} the tags; {@code TZ} the
 *       time zone (a name such as Europe/Berlin); {@code NOTE} one per note (when notes are asked for);
 *   <li>each account as {@code X-SOCIALPROFILE;TYPE=mastodon;X-USER=@ann@example.social:https://example.social/@ann}
 *       (the form address books use); RFC 9554's {@code SOCIALPROFILE} with {@code SERVICE-TYPE}
 *       and {@code USERNAME} is read as well; networks Socius does not speak to are left out;
 *   <li>{@code X-SOCIUS-HOW-WE-MET} and {@code X-SOCIUS-KEEP-IN-TOUCH-DAYS} for what vCard has no property for.
 * </ul>
 */
final class VcardPeople {

  static final String PROFILE = "X-SOCIALPROFILE";
  static final String HOW_WE_MET = "X-SOCIUS-HOW-WE-MET";
  static final String CADENCE = "X-SOCIUS-KEEP-IN-TOUCH-DAYS";

  private VcardPeople() {}

  static void write(List<PersonCard> people, Writer out) {
    List<VCard> cards = new ArrayList<>();
    for (PersonCard p : people) {
      VCard v = new VCard();
      v.setKind(Kind.individual());
      v.setFormattedName(p.name());
      for (PersonCard.Account a : p.accounts()) {
        RawProperty profile = v.addExtendedProperty(PROFILE, a.profileUrl().isEmpty() ? a.handle() : a.profileUrl());
        profile.setParameter("TYPE", a.network());
        profile.setParameter("X-USER", a.handle());
      }
      if (!p.website().isEmpty()) {
        v.addUrl(p.website());
      }
      if (!p.tags().isEmpty()) {
        v.setCategories(p.tags().toArray(String[]::new));
      }
      if (!p.timeZone().isEmpty()) {
        v.setTimezone(new Timezone(p.timeZone()));
      }
      if (!p.howWeMet().isEmpty()) {
        v.addExtendedProperty(HOW_WE_MET, p.howWeMet());
      }
      if (p.cadenceDays() != null && !p.cadenceDays().isEmpty()) {
        v.addExtendedProperty(CADENCE, p.cadenceDays());
      }
      p.notes().forEach(v::addNote);
      cards.add(v);
    }
    try {
      Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cards of a vCard file, numbered from 1; anything that is not one refuses the file as a whole. */
  static List<ImportPeople.Read> read(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (!t.stripLeading().regionMatches(true, 0, "BEGIN:VCARD", 0, 11)) {
      throw new DomainException.Invalid("file", "problem.people-not-vcard");
    }
    List<VCard> cards = Ezvcard.parse(t).all();
    if (cards.isEmpty()) {
      throw new DomainException.Invalid("file", "problem.people-not-vcard");
    }
    if (cards.size() > ImportPeople.MAX_ENTRIES) {
      throw new DomainException.Invalid("file", "problem.people-too-many", ImportPeople.MAX_ENTRIES);
    }
    List<ImportPeople.Read> read = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      read.add(new ImportPeople.Read(i + 1, card(cards.get(i))));
    }
    return read;
  }

  private static PersonCard card(VCard v) {
    String name = v.getFormattedName() == null ? "" : nz(v.getFormattedName().getValue());
    if (name.isBlank() && v.getStructuredName() != null) {
      var n = v.getStructuredName();
      name = (nz(n.getGiven()) + " " + nz(n.getFamily())).strip();
    }
    List<PersonCard.Account> accounts = new ArrayList<>();
    for (RawProperty p : v.getExtendedProperties(PROFILE)) {
      account(accounts, p.getParameter("TYPE"), p.getParameter("X-USER"), p.getValue());
    }
    for (RawProperty p : v.getExtendedProperties("SOCIALPROFILE")) {
      account(accounts, p.getParameter("SERVICE-TYPE"), p.getParameter("USERNAME"), p.getValue());
    }
    List<String> profiles = accounts.stream().map(PersonCard.Account::profileUrl).toList();
    String website = v.getUrls().stream().map(Url::getValue).filter(u -> u != null && !profiles.contains(u)).findFirst().orElse("");
    List<String> tags = v.getCategoriesList().stream().flatMap(c -> c.getValues().stream()).toList();
    String zone = "";
    if (v.getTimezone() != null) {
      Timezone tz = v.getTimezone();
      zone = tz.getText() != null ? tz.getText() : tz.getOffset() != null ? tz.getOffset().getId() : "";
    }
    RawProperty met = v.getExtendedProperty(HOW_WE_MET);
    RawProperty cadence = v.getExtendedProperty(CADENCE);
    return new PersonCard(name, accounts, website, tags, met == null ? "" : nz(met.getValue()), zone,
        cadence == null ? "" : nz(cadence.getValue()), v.getNotes().stream().map(Note::getValue).filter(n -> n != null).toList());
  }

  /** An account of a network Socius speaks to; others (and ones with neither user nor address) are left out. */
  private static void account(List<PersonCard.Account> into, String type, String user, String value) {
    String network = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    if (network.equals("bsky")) {
      network = "bluesky";
    }
    if (!network.equals("mastodon") && !network.equals("bluesky")) {
      return;
    }
    String v = nz(value).strip();
    boolean isUrl = v.regionMatches(true, 0, "http://", 0, 7) || v.regionMatches(true, 0, "https://", 0, 8);
    String handle = user != null && !user.isBlank() ? user.strip() : isUrl ? "" : v;
    if (!handle.isEmpty()) {
      into.add(new PersonCard.Account(network, handle, isUrl ? v : ""));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
