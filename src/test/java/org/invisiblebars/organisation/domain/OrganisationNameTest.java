package org.invisiblebars.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Organisation names are compared without regard to case, spacing or compatibility forms. */
class OrganisationNameTest {

  @Test
  void namesThatDifferOnlyInCaseOrSpacingHaveOneKey() {
    assertThat(Organisation.nameKey("Prison Watch"))
        .isEqualTo(Organisation.nameKey("  PRISON   watch "))
        .isEqualTo(Organisation.nameKey("prison\twatch"))
        .isEqualTo(Organisation.nameKey("Prison\u00a0Watch"))
        .isEqualTo(Organisation.nameKey("Ｐｒｉｓｏｎ Ｗａｔｃｈ"))
        .isEqualTo("prison watch");
  }

  @Test
  void everyScriptIsComparedByItsOwnLetters() {
    assertThat(Organisation.nameKey("ПРАВОЗАЩИТНЫЙ  Центр")).isEqualTo("правозащитный центр");
    assertThat(Organisation.nameKey("مرصد السجون")).isEqualTo("مرصد السجون");
    assertThat(Organisation.nameKey("监狱观察")).isNotEqualTo(Organisation.nameKey("监狱观察协会"));
    assertThat(Organisation.nameKey("Prison Watch"))
        .isNotEqualTo(Organisation.nameKey("Prison Watchers"));
  }

  @Test
  void aKeyIsNeverLongerThanItsColumn() {
    // U+FDFA folds to 18 characters under NFKC
    assertThat(Organisation.nameKey("\ufdfa".repeat(200))).hasSize(Organisation.KEY_LENGTH);
    assertThat(Organisation.nameKey("😀".repeat(200) + "x")).hasSize(Organisation.KEY_LENGTH);
    assertThat(Organisation.nameKey("x" + "😀".repeat(200))).hasSize(Organisation.KEY_LENGTH - 1);
  }
}
