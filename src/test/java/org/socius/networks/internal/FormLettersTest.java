package org.socius.networks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socius.networks.Actor;

/** Form-letter detection: the same words with another name are one letter; other words are not. */
class FormLettersTest {

  static Actor person(String handle, String name) {
    return new Actor("id-" + handle, handle, name, "", "", "", "");
  }

  static final Actor ANN = person("@ann@bells.example", "Ann Bell");
  static final Actor BOB = person("bob.bsky.social", "Bob Stone");

  @Test
  void theSameWordsToAnotherPersonAreOneLetterWhateverTheNamesCaseAndPunctuation() {
    assertThat(FormLetters.fingerprint("Hi @ann@bells.example, thanks for the follow! What got you into bell ringing?", ANN))
        .isEqualTo(FormLetters.fingerprint("hi @bob.bsky.social thanks for the follow... What got you into bell ringing", BOB));
    assertThat(FormLetters.fingerprint("Welcome, Ann Bell! Glad you are here.", ANN))
        .isEqualTo(FormLetters.fingerprint("Welcome, Bob! Glad you’re here.".replace("you’re", "you are"), BOB));
    assertThat(FormLetters.fingerprint("Dear Ann, welcome to the café", ANN))
        .isEqualTo(FormLetters.fingerprint("Dear Bob, welcome to the cafe", BOB));
  }

  @Test
  void wordsWrittenForThePersonMakeADifferentLetter() {
    assertThat(FormLetters.fingerprint("Welcome, Ann! Which tower do you ring at?", ANN))
        .isNotEqualTo(FormLetters.fingerprint("Welcome, Bob! What brought you to bell ringing?", BOB));
    // her surname alone is a word of the letter: it still counts as a word
    assertThat(FormLetters.normalise("Welcome Ann! Ringing a bell is fun", ANN)).isEqualTo("welcome ringing a bell is fun");
  }
}
