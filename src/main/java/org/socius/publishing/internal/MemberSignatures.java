package org.socius.publishing.internal;

import org.socius.publishing.Signatures;
import org.socius.team.MemberProfile;
import org.socius.team.Workspace;
import org.socius.team.Workspaces;
import org.springframework.stereotype.Service;

/** A member's signature, appended only on brand workspaces whose settings ask for it. */
@Service
class MemberSignatures implements Signatures {

  private final SettingsStore settings;
  private final Workspaces workspaces;

  MemberSignatures(SettingsStore settings, Workspaces workspaces) {
    this.settings = settings;
    this.workspaces = workspaces;
  }

  @Override
  public String suffix(String workspaceId, String memberId) {
    Workspace workspace = workspaces.find(workspaceId).orElse(null);
    if (workspace == null || workspace.kind() != Workspace.Kind.BRAND || !settings.of(workspaceId).signatureOnBrand()) {
      return "";
    }
    String sig = workspaces.profile(workspaceId, memberId).map(MemberProfile::signature).orElse("");
    return sig == null || sig.isBlank() ? "" : " " + sig.strip();
  }
}
