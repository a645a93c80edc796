package org.socius.people.internal;

import java.time.Clock;
import org.socius.platform.Ids;
import org.socius.team.Member;
import org.socius.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member writes down something about a person (markdown; shown as plain text for now). */
@Service
public class AddNote {

  static final int MAX = 10_000;

  private final PersonStore people;
  private final NoteStore notes;
  private final Clock clock;

  AddNote(PersonStore people, NoteStore notes, Clock clock) {
    this.people = people;
    this.notes = notes;
    this.clock = clock;
  }

  @Transactional
  public NoteStore.Note add(Member member, String personId, String body) {
    member.require(Role.EDITOR);
    people.find(member.workspaceId(), personId).orElseThrow(UpdatePerson::notFound);
    NoteStore.Note note = new NoteStore.Note(Ids.newId(), personId, member.memberId(), Input.required("body", body, MAX),
        clock.instant());
    notes.insert(member.workspaceId(), note);
    return note;
  }
}
