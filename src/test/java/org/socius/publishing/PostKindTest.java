package org.socius.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socius.platform.DomainException;

class PostKindTest {

  @Test
  void kindsAreReadFromTheirCodesInAnyCase() {
    assertThat(PostKind.parse("kind", "share")).isEqualTo(PostKind.SHARE);
    assertThat(PostKind.parse("kind", " OWN ")).isEqualTo(PostKind.OWN);
    assertThat(PostKind.SHARE.code()).isEqualTo("share");
  }

  @Test
  void otherTextIsRefusedNamingTheField() {
    for (String bad : new String[] {"shared", "", null}) {
      assertThatThrownBy(() -> PostKind.parse("kind", bad))
          .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("kind"))
          .hasMessageContaining("share");
    }
  }
}
