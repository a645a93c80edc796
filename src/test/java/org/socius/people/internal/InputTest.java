package org.socius.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socius.platform.DomainException;

class InputTest {

  @Test
  void tagsAreKeptLowerCaseAndPlain() {
    assertThat(Input.tag("  Choir ")).isEqualTo("choir");
    assertThat(Input.tag("Bell-ringers 2026")).isEqualTo("bell-ringers 2026");
    for (String bad : new String[] {"", " ", "<b>", "-x", "a".repeat(61), "tab\there"}) {
      assertThatThrownBy(() -> Input.tag(bad)).as(bad).isInstanceOf(DomainException.Invalid.class);
    }
  }

  @Test
  void websitesAreHttpAddresses() {
    assertThat(Input.website("")).isEmpty();
    assertThat(Input.website(" https://cy.example/about ")).isEqualTo("https://cy.example/about");
    for (String bad : new String[] {"javascript:alert(1)", "ftp://x.example", "cy.example", "https://"}) {
      assertThatThrownBy(() -> Input.website(bad)).as(bad).isInstanceOf(DomainException.Invalid.class);
    }
  }

  @Test
  void cadenceIsOneDayToTenYearsOrNone() {
    assertThat(Input.cadence(null)).isNull();
    assertThat(Input.cadence(30)).isEqualTo(30);
    assertThatThrownBy(() -> Input.cadence(0)).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> Input.cadence(3651)).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void timeZonesAreNamedOnes() {
    assertThat(Input.timeZone("Europe/Berlin")).isEqualTo("Europe/Berlin");
    assertThatThrownBy(() -> Input.timeZone("Mars/Olympus")).isInstanceOf(DomainException.Invalid.class);
  }
}

