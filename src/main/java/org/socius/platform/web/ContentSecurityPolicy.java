package org.socius.platform.web;

/**
 * The Content-Security-Policy of the pages: no inline script, no plugins, forms and scripts from
 * Socius only. Images may come from any https site (avatars, link previews); a page that shows
 * untrusted HTML whose images it routes through Socius narrows that with {@link #imagesFromSelfOnly}.
 */
public final class ContentSecurityPolicy {

  private static final String REST = "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; manifest-src 'self'";

  /** Every page's policy. */
  public static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " + REST;

  /** As {@link #PAGES}, with images from Socius only: a missed remote image stays unloaded. */
  public static final String IMAGES_FROM_SELF_ONLY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + REST;

  private ContentSecurityPolicy() {}

  /** The header's name: a page that sets it itself keeps its own (the security filter writes it only when absent). */
  public static final String HEADER = "Content-Security-Policy";
}
