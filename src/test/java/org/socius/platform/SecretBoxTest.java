package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private final SecretBox box = new SecretBox(randomKey());

  @Test
  void whatIsSealedOpensWithTheSameKeyAndContext() {
    String secret = "an access token: ünïcödé ✓ 🔑";
    String sealed = box.encrypt(secret, "channel:0192");
    assertThat(sealed).startsWith("v1:").doesNotContain("access token");
    assertThat(box.decrypt(sealed, "channel:0192")).isEqualTo(secret);
    assertThat(box.decrypt(box.encrypt("", "c"), "c")).isEmpty();
  }

  @Test
  void sealingTheSameTextTwiceGivesDifferentCiphertexts() {
    assertThat(box.encrypt("same", "c")).isNotEqualTo(box.encrypt("same", "c"));
  }

  @Test
  void anotherContextDoesNotOpenIt() {
    String sealed = box.encrypt("token", "channel:0192");
    assertThatThrownBy(() -> box.decrypt(sealed, "channel:0193"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The secret cannot be decrypted with this key and context");
  }

  @Test
  void aTamperedCiphertextDoesNotOpen() {
    String sealed = box.encrypt("token", "c");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    for (int position : new int[] {0, 12, bytes.length - 1}) { // the IV, the ciphertext, the tag
      byte[] tampered = bytes.clone();
      tampered[position] ^= 0x01;
      String text = "v1:" + Base64.getEncoder().encodeToString(tampered);
      assertThatThrownBy(() -> box.decrypt(text, "c")).as("byte %d flipped", position)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The secret cannot be decrypted with this key and context");
    }
  }

  @Test
  void anotherKeyDoesNotOpenIt() {
    String sealed = box.encrypt("token", "c");
    SecretBox other = new SecretBox(randomKey());
    assertThatThrownBy(() -> other.decrypt(sealed, "c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The secret cannot be decrypted with this key and context");
  }

  @Test
  void textThatWasNeverSealedIsRefused() {
    assertThatThrownBy(() -> box.decrypt("plain text", "c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not an encrypted value");
    assertThatThrownBy(() -> box.decrypt(null, "c")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.decrypt("v1:not base64!", "c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The secret cannot be decrypted with this key and context");
    assertThatThrownBy(() -> box.decrypt("v1:AAAA", "c")).as("shorter than an IV").isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The secret cannot be decrypted with this key and context");
  }

  private static SecretKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }
}
