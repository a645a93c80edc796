package org.socius.team.internal;

import org.socius.team.Member;
import org.socius.team.MemberProfile;
import org.springframework.stereotype.Service;

/** A member edits their own profile in a workspace: name, bio, signature, public visibility. */
@Service
public class UpdateProfile {

  public record Form(String displayName, String bio, String signature, Boolean showPublicly) {}

  private final MemberStore members;

  UpdateProfile(MemberStore members) {
    this.members = members;
  }

  public MemberProfile update(Member me, Form form) {
    String name = Fields.text("displayName", form.displayName(), 200);
    String bio = Fields.optionalText("bio", form.bio(), 1000);
    String signature = Fields.optionalText("signature", form.signature(), 40);
    if (signature.contains("\n")) {
      throw new org.socius.platform.DomainException.Invalid("signature", "problem.signature-line");
    }
    members.updateProfile(me.workspaceId(), me.memberId(), name, bio, signature, Boolean.TRUE.equals(form.showPublicly()));
    return members.profile(me.workspaceId(), me.memberId()).orElseThrow();
  }
}
