package org.socius.feeds.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.feeds.internal.fetch.FeedFetcher;
import org.socius.feeds.internal.fetch.FetchFailure;
import org.socius.feeds.internal.parse.Links;
import org.socius.feeds.internal.parse.PageMeta;
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
  private final Drafts drafts;
  private final ShareItem shareItem;

  SharePage(FeedFetcher fetcher, People people, Drafts drafts, ShareItem shareItem) {
    this.fetcher = fetcher;
    this.people = people;
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

  /** "@handle" from the page's creator tag, its rel="me" profiles or a person whose website it is; else the site's name. */
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
      for (Person p : people.search(workspaceId, host, 20)) {
        if (p.website() != null && PageMeta.host(p.website()).equals(host)) {
          String handle = p.identities().stream().map(i -> Credit.handle(i.profileUrl())).filter(h -> h != null).findFirst()
              .orElse(null);
          if (handle != null) {
            return handle;
          }
        }
      }
    }
    return meta != null && meta.siteName() != null ? meta.siteName() : host;
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
