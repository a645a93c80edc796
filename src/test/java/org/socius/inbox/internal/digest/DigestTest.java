package org.socius.inbox.internal.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.inbox.internal.live.LiveKit;
import org.socius.networks.Actor;
import org.socius.networks.EventType;
import org.socius.networks.Network;
import org.socius.networks.NetworkEvent;
import org.socius.platform.Ids;
import org.socius.team.Accounts;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily digest sent over SMTP to an in-process mail server (GreenMail): to the members who
 * asked, once a day, from their hour on, with what waits in the inbox and who is past due for
 * keeping in touch, in plain text and HTML with their words escaped, and a way to stop it.
 */
class DigestTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static SociusApp appWithMail(Store store, GreenMail mail) {
    SociusApp app = SociusApp.start(store, Map.of("spring.mail.host", "127.0.0.1",
        "spring.mail.port", Integer.toString(mail.getSmtp().getPort()), "socius.digest.interval", "400ms",
        "db-scheduler.polling-interval", "200ms", "socius.public-url", "https://socius.example/",
        "socius.mail.from", "Socius <digest@socius.example>"));
    app.bean(Accounts.class).createUser("Installation Owner", "installer@socius.test", "installer-password-1");
    return app;
  }

  static Map<String, String> digestForm(String hour, String timeZone) {
    return new HashMap<>(Map.of("onScreen", "true", "kinds", "mention", "quietFrom", "", "quietTo", "", "timeZone", timeZone,
        "digest", "true", "digestHour", hour));
  }

  /** A zone where it is not yet 22:00, so that a digest for 23:00 is not due for a while. */
  static String zoneBeforeTenPm() {
    for (int offset = -12; offset <= 12; offset++) {
      String id = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "+" : "") + offset;
      if (ZonedDateTime.now(ZoneId.of(id)).getHour() < 22) {
        return id;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aMemberWhoAskedGetsOneDigestADayWithWhatWaitsAndWhoIsPastDue(Store store) throws Exception {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try (SociusApp app = appWithMail(store, mail)) {
      Teams.Team team = Teams.create(app);
      Teams.Person editor = team.join("editor");
      // waiting: a mention from someone whose name and words are markup
      LiveKit.mention(app, team.workspaceId(), "Eve <script>alert(1)</script>", "Are you there? <b>bold</b> & more");
      // past due: a follower met 40 days ago whom we meant to contact weekly
      String friend = pastDue(app, team, "Old Friend & <i>Co</i>", 7);

      String page = "/w/" + team.slug() + "/notifications";
      assertThat(team.owner().web().post(page, page, digestForm("0", "")).status()).isEqualTo(302);
      assertThat(editor.web().post(page, page, digestForm("23", zoneBeforeTenPm())).status()).isEqualTo(302);

      assertThat(mail.waitForIncomingEmail(30_000, 1)).as("a digest within 30 s").isTrue();
      Thread.sleep(3_000); // several more runs of the task
      MimeMessage[] got = mail.getReceivedMessages();
      assertThat(got).as("one digest, to the owner only (the editor's hour has not come)").hasSize(1);
      MimeMessage m = got[0];
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo(team.owner().email());
      assertThat(m.getFrom()[0].toString()).contains("digest@socius.example");
      assertThat(m.getSubject()).contains("one conversation waits").contains("one person to reconnect with");
      assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://socius.example/w/" + team.slug() + "/notifications>");

      String text = part(m, "text/plain");
      String html = part(m, "text/html");
      assertThat(text).contains("Eve <script>alert(1)</script> (Mention)").contains("Are you there? <b>bold</b> & more")
          .contains("Old Friend & <i>Co</i>").contains("every 7 days")
          .contains("https://socius.example/w/" + team.slug() + "/inbox/")
          .contains("https://socius.example/w/" + team.slug() + "/people/" + friend)
          .contains("https://socius.example/w/" + team.slug() + "/notifications");
      assertThat(html).contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;bold&lt;/b&gt; &amp; more")
          .contains("Old Friend &amp; &lt;i&gt;Co&lt;/i&gt;")
          .doesNotContain("<script>").doesNotContain("<b>bold").doesNotContain("<i>Co")
          .contains("href=\"https://socius.example/w/" + team.slug() + "/notifications\"");

      // stopping it: nothing more is sent, and the member's day stays claimed
      var stop = digestForm("0", "");
      stop.remove("digest");
      assertThat(team.owner().web().post(page, page, stop).status()).isEqualTo(302);
      assertThat(team.owner().web().get(page).body()).doesNotContain("name=\"digest\" value=\"true\" checked");
    } finally {
      mail.stop();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aDayWithNothingToTellSendsNothing(Store store) throws Exception {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try (SociusApp app = appWithMail(store, mail)) {
      Teams.Team team = Teams.create(app);
      String page = "/w/" + team.slug() + "/notifications";
      assertThat(team.owner().web().post(page, page, digestForm("0", "")).status()).isEqualTo(302);
      assertThat(mail.waitForIncomingEmail(4_000, 1)).isFalse();
    } finally {
      mail.stop();
    }
  }

  /** A person who followed long ago (an imported follower: no inbox item) with a keep-in-touch cadence. */
  static String pastDue(SociusApp app, Teams.Team team, String name, int cadenceDays) {
    String account = "acct-" + Ids.newId().substring(0, 8);
    Actor actor = new Actor(account, "@" + account + "@example.social", name, "", "", "", "https://example.social/@" + account);
    Instant then = Instant.now().minus(Duration.ofDays(40));
    LiveKit.publish(app, new NetworkEvent(Ids.newId(), team.workspaceId(), Ids.newId(), Network.MASTODON, EventType.FOLLOWER_GAINED,
        "remote-" + Ids.newId(), actor, null, true, then, then));
    var web = team.owner().web();
    String base = "/api/v1/workspaces/" + team.workspaceId() + "/people";
    var found = JSON.readTree(web.api("GET", base + "?q=" + account, team.ownerToken(), null).body());
    String id = found.path("items").get(0).path("id").asString();
    String body = JSON.writeValueAsString(Map.of("displayName", name, "cadenceDays", cadenceDays));
    assertThat(web.api("PUT", base + "/" + id, team.ownerToken(), body).status()).isEqualTo(200);
    return id;
  }

  static String part(Part p, String type) throws Exception {
    if (p.isMimeType(type)) {
      return (String) p.getContent();
    }
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        String found = part(b, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
