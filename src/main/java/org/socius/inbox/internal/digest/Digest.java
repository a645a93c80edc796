package org.socius.inbox.internal.digest;

import java.util.List;

/**
 * One member's daily digest, with every text already in their language; names and excerpts are
 * untrusted and escaped where they are written out (the HTML template, plain text needs none).
 */
public record Digest(String to, String subject, String greeting, String workspaceName, String waitingHeading,
    List<Line> waiting, String pastDueHeading, List<Line> pastDue, String inboxLabel, String inboxUrl,
    String footer, String settingsLabel, String settingsUrl) {

  /** A conversation or a person: what, a detail line, and where to open it. */
  public record Line(String title, String detail, String url) {}

  public boolean empty() {
    return waiting.isEmpty() && pastDue.isEmpty();
  }

  /** The plain-text part. */
  public String text() {
    StringBuilder b = new StringBuilder(greeting).append("\n\n");
    section(b, waitingHeading, waiting);
    section(b, pastDueHeading, pastDue);
    b.append(inboxLabel).append(": ").append(inboxUrl).append("\n\n-- \n").append(footer).append('\n')
        .append(settingsLabel).append(": ").append(settingsUrl).append('\n');
    return b.toString();
  }

  private static void section(StringBuilder b, String heading, List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    b.append(heading).append('\n');
    for (Line l : lines) {
      b.append("- ").append(l.title());
      if (!l.detail().isEmpty()) {
        b.append(": ").append(l.detail());
      }
      b.append("\n  ").append(l.url()).append('\n');
    }
    b.append('\n');
  }
}
