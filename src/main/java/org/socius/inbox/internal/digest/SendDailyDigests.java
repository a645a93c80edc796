package org.socius.inbox.internal.digest;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.inbox.internal.live.NotificationSettingsStore;
import org.springframework.stereotype.Service;

/**
 * Sends the daily digest to every member whose digest hour has come in their zone and who has
 * not had today's. Each member's day is claimed in the database before the mail goes, so two
 * nodes (or two runs) never send it twice; a mail that fails gives the claim back for the next
 * run. A day with nothing waiting and nobody past due sends nothing.
 */
@Service
class SendDailyDigests {

  private static final Logger log = LoggerFactory.getLogger(SendDailyDigests.class);

  record Result(int sent, int empty, int failed) {}

  private final DigestRecipients recipients;
  private final NotificationSettingsStore settings;
  private final ComposeDigest compose;
  private final DigestMailer mailer;

  SendDailyDigests(DigestRecipients recipients, NotificationSettingsStore settings, ComposeDigest compose, DigestMailer mailer) {
    this.recipients = recipients;
    this.settings = settings;
    this.compose = compose;
    this.mailer = mailer;
  }

  Result sendDue(Instant now) {
    int sent = 0;
    int empty = 0;
    int failed = 0;
    if (!mailer.configured()) {
      return new Result(0, 0, 0);
    }
    for (DigestRecipients.Recipient r : recipients.all()) {
      ZonedDateTime local = now.atZone(r.zone());
      String today = local.toLocalDate().toString();
      if (local.getHour() < r.digestHour() || today.equals(r.sentOn()) || !settings.claimDigest(r.memberId(), today)) {
        continue;
      }
      try {
        Digest digest = compose.compose(r, now);
        if (digest.empty()) {
          empty++;
          continue;
        }
        mailer.send(digest);
        sent++;
      } catch (RuntimeException e) {
        settings.releaseDigest(r.memberId(), today, r.sentOn());
        failed++;
        log.warn("Daily digest for member {} not sent: {}", r.memberId(), e.toString());
      }
    }
    return new Result(sent, empty, failed);
  }
}
