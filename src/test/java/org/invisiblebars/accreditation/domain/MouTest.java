package org.invisiblebars.accreditation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;
import org.junit.jupiter.api.Test;

class MouTest {

  private final Mou mou = new Mou(UUID.randomUUID(), clauses("Tuesdays"));

  @Test
  void everyRevisionIsANewVersion() {
    assertThat(mou.getVersion()).isEqualTo(1);
    mou.revise(clauses("Thursdays"));
    assertThat(mou.getVersion()).isEqualTo(2);
    assertThat(mou.getDays()).isEqualTo("Thursdays");
  }

  @Test
  void theDirectorSignsOnlyAfterTheNgoCountersigned() {
    assertThatThrownBy(() -> mou.sign("martha", Instant.now()))
        .isInstanceOf(ConflictException.class);

    mou.countersign("John Representative", Instant.now());
    mou.sign("martha", Instant.now());

    assertThat(mou.getSignedBy()).isEqualTo("martha");
  }

  @Test
  void aCountersignedMouNeverChanges() {
    mou.countersign("John Representative", Instant.now());

    assertThatThrownBy(() -> mou.revise(clauses("Fridays"))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> mou.countersign("again", Instant.now()))
        .isInstanceOf(ConflictException.class);
  }

  private static MouClauses clauses(String days) {
    return new MouClauses(
        "Monitoring of detention conditions",
        "The NGO never replaces staff duties",
        Set.of(UUID.randomUUID()),
        days,
        "09:00-16:00",
        "Escorted at all times",
        "Interviews with prisoners",
        "Segregation unit",
        Mou.DEFAULT_CONFIDENTIALITY_DAYS,
        Mou.DEFAULT_TERM_MONTHS,
        null,
        false);
  }
}
