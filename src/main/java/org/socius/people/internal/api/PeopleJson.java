package org.socius.people.internal.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socius.people.Identity;
import org.socius.people.Person;
import org.socius.people.Strength;
import org.socius.people.internal.Interaction;
import org.socius.people.internal.NoteStore;
import org.socius.platform.Messages;

/** The JSON shapes of the people API. Instants are ISO 8601 in UTC; bios and texts are untrusted. */
final class PeopleJson {

  private PeopleJson() {}

  record PersonJson(String id, String displayName, String website, String howWeMet, String timeZone, Integer cadenceDays,
      Instant lastInteractionAt, Instant createdAt, List<Account> accounts, List<String> tags, StrengthJson strength) {
    static PersonJson of(Person p, Strength s) {
      return new PersonJson(p.id(), p.displayName(), p.website(), p.howWeMet(), p.timeZone(), p.cadenceDays(), p.lastInteractionAt(),
          p.createdAt(), p.identities().stream().map(Account::of).toList(), p.tags(), s == null ? null : StrengthJson.of(s));
    }
  }

  /** @param remoteId the network's id, null for an account added by hand that the network has not reported yet */
  record Account(String id, String network, String remoteId, boolean addedByHand, String handle, String displayName, String bioHtml,
      String bioText, List<String> links, Instant bioChangedAt, String avatarUrl, String profileUrl, Instant firstSeenAt,
      Instant lastSeenAt) {
    static Account of(Identity i) {
      return new Account(i.id(), i.network().code(), i.addedByHand() ? null : i.remoteId(), i.addedByHand(), i.handle(),
          i.displayName(), i.bioHtml(), i.bioText(), i.links(), i.bioChangedAt(), i.avatarUrl(), i.profileUrl(), i.firstSeenAt(),
          i.lastSeenAt());
    }
  }

  /** @param trend growing, steady or cooling */
  record StrengthJson(int score, String trend, List<Reason> reasons) {
    static StrengthJson of(Strength s) {
      return new StrengthJson(s.score(), s.trend().name().toLowerCase(Locale.ROOT), s.reasons().stream().map(Reason::of).toList());
    }
  }

  /** A reason as a message key with its arguments, and in English words. */
  record Reason(String key, List<Object> args, String text) {
    static Reason of(Strength.Reason r) {
      return new Reason(r.key(), r.args(), Messages.format(r.key(), r.args().toArray(), Locale.ENGLISH));
    }
  }

  /** @param direction in (theirs) or out (ours); @param memberId who acted, for out */
  record InteractionJson(String id, String direction, String kind, String accountId, String channelId, String networkEventId,
      String memberId, String text, String url, Instant occurredAt) {
    static InteractionJson of(Interaction i) {
      return new InteractionJson(i.id(), i.direction().code(), i.kind().code(), i.identityId(), i.channelId(), i.networkEventId(),
          i.memberId(), i.text(), i.url(), i.occurredAt());
    }
  }

  record Note(String id, String memberId, String body, Instant createdAt) {
    static Note of(NoteStore.Note n) {
      return new Note(n.id(), n.memberId(), n.body(), n.createdAt());
    }
  }

  record Details(String displayName, String website, String howWeMet, String timeZone, Integer cadenceDays) {}

  record NoteBody(String body) {}

  record TagBody(String tag) {}

  /** A contact away from the networks; occurredAt defaults to now. */
  record LogBody(String text, Instant occurredAt) {}

  record Figures(long people, long genuineRelationships) {}
}
