package org.socius.inbox.internal.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.socius.inbox.Inbox;
import org.socius.inbox.internal.live.NotificationKind;
import org.socius.people.People;
import org.socius.people.Person;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Gathers what waits for a member and who is past due, and words it in their language. */
@Component
class ComposeDigest {

  static final int WAITING = 20;
  static final int PAST_DUE = 10;
  static final int EXCERPT = 160;

  private final Inbox inbox;
  private final People people;
  private final MessageSource messages;
  private final String publicUrl;

  ComposeDigest(Inbox inbox, People people, MessageSource messages, @Value("${socius.public-url:}") String publicUrl,
      @Value("${server.port:8080}") String port) {
    this.inbox = inbox;
    this.people = people;
    this.messages = messages;
    String base = publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip();
    this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  Digest compose(DigestRecipients.Recipient r, Instant now) {
    Locale locale = r.locale();
    ZoneId zone = r.zone();
    DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    String ws = publicUrl + "/w/" + r.workspaceSlug();
    List<Digest.Line> waiting = inbox.waiting(r.workspaceId(), r.memberId(), WAITING).stream()
        .map(w -> new Digest.Line(t(locale, "digest.waiting.line", w.personName(), t(locale, "live.kind." + NotificationKind.of(w.type()).code())),
            excerpt(w.excerpt()) + (w.since() == null ? "" : (w.excerpt() == null || w.excerpt().isBlank() ? "" : " · ")
                + t(locale, "digest.since", date.format(w.since()))),
            ws + "/inbox/" + w.conversationId()))
        .toList();
    List<Digest.Line> pastDue = people.pastDue(r.workspaceId(), PAST_DUE).stream()
        .map(p -> new Digest.Line(p.displayName(), lastInTouch(p, now, locale, date), ws + "/people/" + p.id()))
        .toList();
    return new Digest(r.email(), t(locale, "digest.subject", r.workspaceName(), waiting.size(), pastDue.size()),
        t(locale, "digest.greeting", r.displayName()), r.workspaceName(), t(locale, "digest.waiting", waiting.size()), waiting,
        t(locale, "digest.past-due", pastDue.size()), pastDue, t(locale, "digest.open-inbox"),
        ws + "/inbox", t(locale, "digest.footer", r.workspaceName()), t(locale, "digest.unsubscribe"), ws + "/notifications");
  }

  private String lastInTouch(Person p, Instant now, Locale locale, DateTimeFormatter date) {
    Instant last = p.lastInteractionAt();
    String every = t(locale, "digest.cadence", p.cadenceDays() == null ? 0 : p.cadenceDays());
    if (last == null) {
      return every;
    }
    long days = Duration.between(last, now).toDays();
    return t(locale, "digest.last-in-touch", date.format(last), days) + " · " + every;
  }

  private static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
  }

  private String t(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
