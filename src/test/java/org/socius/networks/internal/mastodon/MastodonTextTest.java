package org.socius.networks.internal.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socius.networks.EventType;
import org.socius.networks.internal.NetworkAdapter;
import org.socius.platform.DomainException;
import org.socius.platform.NetworkGuard;
import tools.jackson.databind.node.ObjectNode;

/** The small pieces: paging links, HTML, server addresses, notification kinds (counting is in TextLengthTest). */
class MastodonTextTest {

  @Test
  void readsTheCursorOfAPagingLink() {
    String link = "<https://example.social/api/v1/notifications?max_id=7163058>; rel=\"next\", "
        + "<https://example.social/api/v1/notifications?min_id=7275607&limit=80>; rel=\"prev\"";
    assertThat(LinkHeader.param(link, "next", "max_id")).contains("7163058");
    assertThat(LinkHeader.param(link, "prev", "min_id")).contains("7275607");
    assertThat(LinkHeader.param(link, "prev", "max_id")).isEmpty();
    assertThat(LinkHeader.param("<https://a.example/x?max_id=1>; rel=next", "next", "max_id")).contains("1");
    assertThat(LinkHeader.param("string", "prev", "min_id")).isEmpty();
    assertThat(LinkHeader.param(null, "prev", "min_id")).isEmpty();
  }

  @Test
  void keepsHarmlessMarkupAndGivesThePlainText() {
    String note = "<p>Hi <a href=\"https://ann.example\" class=\"u-url\" target=\"_blank\">ann</a> "
        + "<a href=\"javascript:alert(1)\">x</a><script>alert(1)</script><img src=x onerror=alert(1)>"
        + "<span class=\"invisible\">https://</span></p><p>Two<br />lines</p><ul><li>a</li><li>b</li></ul>";
    String safe = Html.sanitise(note);
    assertThat(safe).contains("<a href=\"https://ann.example\" rel=\"nofollow noopener noreferrer\">ann</a>")
        .doesNotContain("script", "javascript", "onerror", "<img", "class=", "target=");
    assertThat(Html.text(note)).isEqualTo("Hi ann xhttps://\n\nTwo\nlines\n\na\nb");
    assertThat(Html.text("")).isEmpty();
    assertThat(Html.text("5 &lt; 6 &amp; 7")).isEqualTo("5 < 6 & 7");
  }

  @Test
  void normalisesServerAddressesAsPeopleTypeThem() {
    NetworkGuard guard = new NetworkGuard("127.0.0.1");
    assertThat(InstanceUrl.normalise("http://127.0.0.1:8081/@ann", guard)).isEqualTo("http://127.0.0.1:8081");
    assertThat(InstanceUrl.normalise(" HTTP://127.0.0.1:80/ ", guard)).isEqualTo("http://127.0.0.1");
    assertThat(InstanceUrl.normalise("@ann@127.0.0.1", guard)).isEqualTo("https://127.0.0.1");
    assertThat(InstanceUrl.normalise("https://127.0.0.1:443", guard)).isEqualTo("https://127.0.0.1");
    assertInvalid(() -> InstanceUrl.normalise("http://8.8.8.8", guard), "problem.mastodon-https");
    assertInvalid(() -> InstanceUrl.normalise("https://10.0.0.1", guard), "problem.mastodon-instance-refused");
    assertInvalid(() -> InstanceUrl.normalise("https://user:pw@127.0.0.1", guard), "problem.mastodon-instance");
    assertInvalid(() -> InstanceUrl.normalise("ftp://127.0.0.1", guard), "problem.mastodon-instance");
    assertInvalid(() -> InstanceUrl.normalise("exa mple.org", guard), "problem.mastodon-instance");
    assertInvalid(() -> InstanceUrl.normalise(" ", guard), "problem.required");
  }

  @Test
  void notificationKindsSociusDoesNotTrackAreIgnoredAndHandlesAreNormalised() {
    ObjectNode ann = Fixtures.account("9", "ann@Bakery.Example", "Ann", "");
    ObjectNode hug = Fixtures.notification("1", "follow", ann, null, Fixtures.T0);
    hug.put("type", "hug");
    assertThat(MastodonAdapter.notification(hug, "local.example", "1")).isNull();
    assertThat(MastodonAdapter.notification(Fixtures.notification("2", "follow_request", ann, null, Fixtures.T0), "local.example", "1"))
        .isNull();
    NetworkAdapter.Item follow = MastodonAdapter.notification(Fixtures.notification("3", "follow", ann, null, Fixtures.T0),
        "local.example", "1");
    assertThat(follow.type()).isEqualTo(EventType.FOLLOWER_GAINED);
    assertThat(follow.actor().handle()).isEqualTo("@ann@bakery.example");
    assertThat(MastodonJson.handle("bob", "local.example")).isEqualTo("@bob@local.example");
    assertThat(MastodonJson.compareIds("100", "99")).isPositive();
    assertThat(MastodonJson.newer("109", "110")).isEqualTo("110");
  }

  private static void assertInvalid(Runnable r, String key) {
    String english = org.socius.platform.Messages.format(key, new Object[] {"{0}"}, java.util.Locale.ENGLISH);
    String start = english.substring(0, english.indexOf("{0}") < 0 ? english.length() : english.indexOf("{0}"));
    assertThatThrownBy(r::run).isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.getMessage()).startsWith(start));
  }
}
