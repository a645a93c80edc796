package org.socius.people.internal;

import org.socius.platform.DomainException;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;

/** Removes a note about a person. */
@Service
public class DeleteNote {

  private final NoteStore notes;

  DeleteNote(NoteStore notes) {
    this.notes = notes;
  }

  public void delete(Member member, String personId, String noteId) {
    member.require(Role.EDITOR);
    if (!notes.delete(member.workspaceId(), personId, noteId)) {
      throw new DomainException.NotFound("problem.no-note");
    }
  }
}
