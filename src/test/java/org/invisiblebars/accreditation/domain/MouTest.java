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

  @Test
  void anAcceptedAmendmentChangesItsClauseOnlyAndARevisionNeedsANewAgreement() {
    mou.agree(1, "john", Instant.now());
    MouAmendment amendment =
        new MouAmendment(
            mou, MouClause.DAYS, "Mondays", "Our staff work Mondays", "john", Instant.now());
    amendment.answer(MouAmendment.Answer.ACCEPTED, null, null, "lena", Instant.now());

    mou.revise(amendment.getClause().apply(mou.clauses(), amendment.resultingText()));

    assertThat(mou.getVersion()).isEqualTo(2);
    assertThat(mou.getDays()).isEqualTo("Mondays");
    assertThat(mou.getHours()).isEqualTo("09:00-16:00");
    assertThat(mou.getAgreedVersion()).as("version 2 is not agreed yet").isNull();
  }

  @Test
  void theNgoAgreesOnlyToTheCurrentVersion() {
    mou.revise(clauses("Thursdays"));

    assertThatThrownBy(() -> mou.agree(1, "john", Instant.now()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("version 2");
    mou.agree(2, "john", Instant.now());
    assertThat(mou.getAgreedVersion()).isEqualTo(2);
  }

  @Test
  void aRejectedAmendmentLeavesTheClauseAndNumbersStayInRange() {
    MouAmendment amendment =
        new MouAmendment(mou, MouClause.TERM_MONTHS, "24", "Longer term", "john", Instant.now());
    amendment.answer(
        MouAmendment.Answer.REJECTED, null, "First term is 12 months", "lena", Instant.now());

    assertThat(amendment.resultingText()).isNull();
    assertThat(MouClause.TERM_MONTHS.problemWith("61")).isPresent();
    assertThat(MouClause.CONFIDENTIALITY_DAYS.problemWith("sixty")).isPresent();
    assertThat(MouClause.CONFIDENTIALITY_DAYS.problemWith("60")).isEmpty();
    assertThat(MouClause.CONDITIONS.problemWith("none"))
        .as("the director's conditions")
        .isPresent();
    assertThat(MouClause.TERM_MONTHS.apply(mou.clauses(), "24").termMonths()).isEqualTo(24);
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
