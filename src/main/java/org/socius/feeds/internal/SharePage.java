package org.socius.feeds.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.feeds.internal.fetch.FeedFetcher;
import org.socius.feeds.internal.fetch.FetchFailure;
import org.socius.feeds.internal.parse.Links;
import org.socius.feeds.internal.parse.PageMeta;
import org.socius.networks.Channel;
import org.socius.networks.Channels;
import org.socius.networks.Network;
import org.socius.people.Identity;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.NetworkGuard;
import org.socius.platform.DomainException;
import org.socius.publishing.Drafts;
import org.socius.publishing.PostKind;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Component;

/**
 * Share any web page (from the bookmarklet or the installed app's share sheet): a draft labelled a
 * share with the page's title, the words the member selected as a quote, its address without
 * tracking parameters and credit to its author. The page is read through the guarded fetcher for
 * its title and author; a page that cannot be read still gets a draft with what was given.
 */
@Component
public class SharePage {

  static final int MAX_QUOTE = 1000;
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._-]+)");

  private final FeedFetcher fetcher;
  private final People people;
  private final Channels channels;
  private final Drafts drafts;
  private final ShareItem shareItem;

  SharePage(FeedFetcher fetcher, People people, Channels channels, Drafts drafts, ShareItem shareItem) {
    this.fetcher = fetcher;
    this.people = people;
    this.channels = channels;
    this.drafts = drafts;
    this.shareItem = shareItem;
  }

  /** @param fetched whether the page itself could be read for its title and author */
  public record Shared(String draftId, String text, String link, boolean fetched) {}

  /**
   * @param url the page's address (a share sheet may put it in text instead)
   * @param title the title the browser gave, used when the page has none or cannot be read
   * @param quote the text the member selected, or null
   */
  public Shared share(Member member, String url, String title, String quote) {
    member.require(Role.EDITOR);
    String given = url;
    if ((given == null || given.isBlank()) && quote != null) {
      // Android's share sheet often sends the address as the text.
      Matcher m = Pattern.compile("https?://\\S+").matcher(quote);
      if (m.find()) {
        given = m.group();
        quote = quote.replace(given, "").strip();
      }
    }
    URI address = address(given);
    String link = Links.withoutTracking(address.toString());
    PageMeta meta = null;
    try {
      var page = fetcher.page(address);
      meta = PageMeta.of(decode(page.body(), page.header("Content-Type").orElse(null)), page.uri().toString());
    } catch (FetchFailure e) {
      if (e.getCause() instanceof NetworkGuard.RefusedDestination refused) {
        throw new DomainException.Invalid("url", "feeds.share.problem.refused", refused.getMessage());
      }
    }
    String pageTitle = meta != null && meta.title() != null ? meta.title() : blankToNull(title);
    String credit = credit(member.workspaceId(), meta, link);
    String text = shareItem.text(pageTitle, quote(quote), link, credit);
    String id = drafts.draft(member.workspaceId(), member.memberId(), text, link, PostKind.SHARE);
    return new Shared(id, text, link, meta != null);
  }

  /** "@handle" from the page's creator tag, its rel="me" profiles or a person whose website is on its host; else the site's name. */
  String credit(String workspaceId, PageMeta meta, String link) {
    if (meta != null && meta.creator() != null) {
      return meta.creator();
    }
    if (meta != null) {
      for (String me : meta.me()) {
        String handle = Credit.handle(me);
        if (handle != null) {
          return handle;
        }
      }
    }
    String host = PageMeta.host(link);
    if (!host.isEmpty()) {
      String handle = personsHandle(workspaceId, host);
      if (handle != null) {
        return handle;
      }
    }
    return meta != null && meta.siteName() != null ? meta.siteName() : host;
  }

  /**
   * The handle of the person in people whose website is on the host: their account on the network
   * of the workspace's channels (connected ones first), else any of their accounts.
   */
  private String personsHandle(String workspaceId, String host) {
    List<Network> ours = channels.of(workspaceId).stream()
        .sorted(Comparator.comparing((Channel c) -> c.status() != Channel.Status.CONNECTED)).map(Channel::network).distinct().toList();
    for (Person p : people.byWebsite(workspaceId, host)) {
      var accounts = p.identities().stream()
          .sorted(Comparator.comparingInt((Identity i) -> ours.contains(i.network()) ? ours.indexOf(i.network()) : ours.size()))
          .map(SharePage::handle).filter(h -> h != null).toList();
      if (!accounts.isEmpty()) {
        return accounts.get(0);
      }
    }
    return null;
  }

  private static String handle(Identity account) {
    String h = Credit.handle(account.profileUrl());
    if (h != null) {
      return h;
    }
    String given = account.handle() == null ? "" : account.handle().strip();
    return given.isEmpty() || given.contains(" ") ? null : given.startsWith("@") ? given : "@" + given;
  }

  static URI address(String text) {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw new DomainException.Invalid("url", "feeds.share.problem.url");
    }
    String t = text.strip();
    Matcher scheme = SCHEME.matcher(t);
    if (scheme.find() && !t.contains("://")) {
      throw new DomainException.Invalid("url", "feeds.share.problem.url");
    }
    if (!t.contains("://")) {
      t = "https://" + t;
    }
    try {
      URI uri = new URI(t);
      String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(s.equals("http") || s.equals("https")) || uri.getHost() == null) {
        throw new DomainException.Invalid("url", "feeds.share.problem.url");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new DomainException.Invalid("url", "feeds.share.problem.url");
    }
  }

  private static String quote(String quote) {
    String q = blankToNull(quote);
    if (q == null) {
      return null;
    }
    return q.length() > MAX_QUOTE ? q.substring(0, MAX_QUOTE).strip() + "…" : q;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String decode(byte[] body, String contentType) {
    Charset cs = StandardCharsets.UTF_8;
    Matcher m = contentType == null ? null : CHARSET.matcher(contentType);
    if (m != null && m.find()) {
      try {
        cs = Charset.forName(m.group(1));
      } catch (RuntimeException e) {
        // unknown name: UTF-8, the web's default
      }
    }
    return new String(body, cs);
  }
}
