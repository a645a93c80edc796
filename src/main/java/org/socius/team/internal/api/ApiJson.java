package org.socius.team.internal.api;

import java.time.Instant;
import java.util.Locale;
import org.socius.team.MemberProfile;
import org.socius.team.Workspace;
import org.socius.team.internal.ApiTokenStore;
import org.socius.team.internal.InvitationStore;

/** The JSON shapes of the team API. Instants are ISO 8601 in UTC. */
final class ApiJson {

  private ApiJson() {}

  record WorkspaceJson(String id, String slug, String name, String kind, String timeZone, String locale, boolean publicPage) {
    static WorkspaceJson of(Workspace w) {
      return new WorkspaceJson(w.id(), w.slug(), w.name(), w.kind().name().toLowerCase(Locale.ROOT), w.timeZone().getId(),
          w.locale().toLanguageTag(), w.publicPage());
    }
  }

  record MemberJson(String id, String displayName, String role, String bio, String signature, boolean showPublicly, String avatar) {
    static MemberJson of(MemberProfile p) {
      return new MemberJson(p.memberId(), p.displayName(), p.role().code(), p.bio(), p.signature(), p.showPublicly(),
          p.hasAvatar() ? "/avatars/" + p.memberId() : null);
    }
  }

  record TokenJson(String id, String name, String role, String hint, Instant createdAt, Instant lastUsedAt, boolean personalMessages) {
    static TokenJson of(ApiTokenStore.ApiToken t) {
      return new TokenJson(t.id(), t.name(), t.role(), t.hint(), Instant.ofEpochMilli(t.createdAt()),
          t.lastUsedAt() == null ? null : Instant.ofEpochMilli(t.lastUsedAt()), t.personalMessages());
    }
  }

  /** The only time a token's secret is shown. */
  record CreatedToken(TokenJson token, String secret) {}

  record InvitationJson(String id, String role, String note, Instant createdAt, Instant expiresAt, String link) {
    static InvitationJson of(InvitationStore.Invitation i, String link) {
      return new InvitationJson(i.id(), i.role(), i.note(), Instant.ofEpochMilli(i.createdAt()), Instant.ofEpochMilli(i.expiresAt()), link);
    }
  }
}
