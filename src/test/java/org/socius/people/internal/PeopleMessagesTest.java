package org.socius.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.socius.platform.Messages;

/** Every text of the people pages formats with the numbers it is given (choice patterns are easy to get wrong). */
class PeopleMessagesTest {

  @Test
  void everyPeopleTextFormats() {
    ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ENGLISH);
    var keys = bundle.keySet().stream().filter(k -> k.startsWith("people.")).toList();
    assertThat(keys).isNotEmpty();
    for (String key : keys) {
      for (Object[] args : new Object[][] {{0L, 0L, 0L}, {1L, 1, 1}, {3, 30L, 2}}) {
        assertThat(Messages.format(key, args, Locale.ENGLISH)).as(key).doesNotContain("{");
      }
    }
    assertThat(Messages.format("people.reason.conversations-30", new Object[] {3L}, Locale.ENGLISH))
        .isEqualTo("3 conversations in the last 30 days");
    assertThat(Messages.format("people.reason.they-answered", new Object[] {2, 3}, Locale.ENGLISH))
        .isEqualTo("they replied to 2 of your 3 messages (90 days)");
  }
}
