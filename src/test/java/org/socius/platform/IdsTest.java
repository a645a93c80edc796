package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsMadeInALaterMillisecondSortLaterAsText() {
    for (int i = 0; i < 50; i++) {
      String earlier = Ids.newId();
      long millis = System.currentTimeMillis();
      while (System.currentTimeMillis() <= millis) {
        Thread.onSpinWait();
      }
      String later = Ids.newId();
      assertThat(later).as("made after %s", earlier).isGreaterThan(earlier);
    }
  }

  @Test
  void anIdIsAVersion7UuidCarryingItsCreationTime() {
    long before = System.currentTimeMillis();
    String id = Ids.newId();
    long after = System.currentTimeMillis();

    assertThat(id).matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).as("RFC 9562 variant").isEqualTo(2);
    assertThat(uuid.getMostSignificantBits() >>> 16).as("unix milliseconds in the first 48 bits").isBetween(before, after);
    assertThat(uuid.toString()).isEqualTo(id);
  }

  @Test
  void idsMadeOneAfterAnotherSortInThatOrderEvenWithinAMillisecond() {
    String previous = Ids.newId();
    for (int i = 0; i < 100_000; i++) {
      String next = Ids.newId();
      assertThat(next).isGreaterThan(previous);
      previous = next;
    }
  }

  @Test
  void oneHundredThousandIdsAreAllDifferent() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(Ids.newId());
    }
    assertThat(ids).hasSize(100_000);
  }

  @Test
  void aSecretIs32RandomBytesInUrlSafeBase64AfterItsPrefix() {
    String a = Ids.newSecret("soc_");
    String b = Ids.newSecret("soc_");
    assertThat(a).matches("^soc_[A-Za-z0-9_-]{43}$");
    assertThat(a).isNotEqualTo(b);
  }
}
