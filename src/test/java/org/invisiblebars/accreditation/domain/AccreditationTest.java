package org.invisiblebars.accreditation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

class AccreditationTest {

  private final UUID representative = UUID.randomUUID();
  private final Accreditation accreditation =
      new Accreditation(
          new Application(
              UUID.randomUUID(),
              MandateType.NGO,
              ProgrammeType.MONITORING,
              null,
              null,
              null,
              "Monthly monitoring visits",
              null,
              null,
              12,
              List.of(UUID.randomUUID()),
              List.of(representative)),
          "john",
          Instant.parse("2026-11-28T10:00:00Z"),
          "key-1");

  @Test
  void aNewApplicationIsSubmittedWithItsRepresentativesPendingVetting() {
    assertThat(accreditation.getStatus()).isEqualTo(AccreditationStatus.SUBMITTED);
    assertThat(accreditation.getNominees())
        .singleElement()
        .satisfies(n -> assertThat(n.getVetting()).isEqualTo(Vetting.PENDING));
  }

  @Test
  void suppliedInformationReturnsTheApplicationToReview() {
    accreditation.moveTo(AccreditationStatus.AWAITING_INFORMATION);
    accreditation.supplyInformation("Our audited accounts are attached.");

    assertThat(accreditation.getStatus()).isEqualTo(AccreditationStatus.SUBMITTED);
    assertThat(accreditation.getInformationSupplied()).contains("audited accounts");
  }

  @Test
  void informationCanOnlyBeSuppliedWhenAwaited() {
    assertThatThrownBy(() -> accreditation.supplyInformation("unsolicited"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no information is awaited");
  }

  @Test
  void aFinalStatusNeverChanges() {
    accreditation.moveTo(AccreditationStatus.REVOKED);

    assertThat(accreditation.getStatus().isRevocable()).isFalse();
    for (AccreditationStatus next : AccreditationStatus.values()) {
      assertThatThrownBy(() -> accreditation.moveTo(next))
          .as("REVOKED to %s", next)
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("is REVOKED and cannot become " + next);
    }
  }

  @Test
  void anAccreditationMovesOnlyAsTheProcessDoes() {
    assertThatThrownBy(() -> accreditation.activate(LocalDate.of(2027, 1, 1), 12))
        .as("not before the MoU is countersigned")
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> accreditation.moveTo(AccreditationStatus.EXPIRED))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> accreditation.moveTo(AccreditationStatus.SUBMITTED))
        .isInstanceOf(ConflictException.class);
    assertThat(accreditation.getStatus())
        .as("a refused move changes nothing")
        .isEqualTo(AccreditationStatus.SUBMITTED);

    accreditation.moveTo(AccreditationStatus.AWAITING_INFORMATION);
    assertThatThrownBy(() -> accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE))
        .as("not without review")
        .isInstanceOf(ConflictException.class);
    accreditation.supplyInformation("Attached");
    accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
    assertThatThrownBy(() -> accreditation.moveTo(AccreditationStatus.MANDATE_REGISTERED))
        .isInstanceOf(ConflictException.class);
    accreditation.activate(LocalDate.of(2027, 1, 1), 12);
    assertThatThrownBy(() -> accreditation.moveTo(AccreditationStatus.LAPSED))
        .as("an active one no longer lapses")
        .isInstanceOf(ConflictException.class);
    accreditation.moveTo(AccreditationStatus.EXPIRED);
    assertThat(accreditation.getStatus().isFinal()).isTrue();
  }

  @Test
  void theTableListsEveryMoveOfTheProcess() {
    assertThat(Arrays.stream(AccreditationStatus.values()).filter(s -> !s.isFinal()))
        .containsExactlyInAnyOrder(
            AccreditationStatus.SUBMITTED,
            AccreditationStatus.AWAITING_INFORMATION,
            AccreditationStatus.MOU_IN_NEGOTIATION,
            AccreditationStatus.AWAITING_COUNTERSIGNATURE,
            AccreditationStatus.AWAITING_SIGNATURE,
            AccreditationStatus.ACTIVE);
    assertThat(Arrays.stream(AccreditationStatus.values()).filter(AccreditationStatus::isRevocable))
        .as("the director revokes what is not final")
        .containsExactlyInAnyOrder(
            AccreditationStatus.SUBMITTED,
            AccreditationStatus.AWAITING_INFORMATION,
            AccreditationStatus.MOU_IN_NEGOTIATION,
            AccreditationStatus.AWAITING_COUNTERSIGNATURE,
            AccreditationStatus.AWAITING_SIGNATURE,
            AccreditationStatus.ACTIVE);
    assertThat(AccreditationStatus.SUBMITTED.canMoveTo(AccreditationStatus.MANDATE_REGISTERED))
        .isTrue();
    assertThat(AccreditationStatus.AWAITING_INFORMATION.canMoveTo(AccreditationStatus.WITHDRAWN))
        .isTrue();
    assertThat(AccreditationStatus.AWAITING_COUNTERSIGNATURE.canMoveTo(AccreditationStatus.LAPSED))
        .isTrue();
    assertThat(AccreditationStatus.SUBMITTED.canMoveTo(AccreditationStatus.WITHDRAWN)).isFalse();
    assertThat(AccreditationStatus.MOU_IN_NEGOTIATION.canMoveTo(AccreditationStatus.LAPSED))
        .as("silence during the negotiation")
        .isTrue();
    assertThat(
            AccreditationStatus.AWAITING_COUNTERSIGNATURE.canMoveTo(
                AccreditationStatus.AWAITING_SIGNATURE))
        .as("countersigned: the director's signature is awaited")
        .isTrue();
    assertThat(AccreditationStatus.AWAITING_SIGNATURE.canMoveTo(AccreditationStatus.LAPSED))
        .as("a countersigned MoU no longer lapses")
        .isFalse();
  }

  @Test
  void anActiveAccreditationIsInForceFromItsStartUntilItsTermEnds() {
    accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
    assertThat(accreditation.inForceOn(LocalDate.of(2027, 1, 1))).as("not yet active").isFalse();
    accreditation.activate(LocalDate.of(2027, 1, 1), 12);

    assertThat(accreditation.inForceOn(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(accreditation.inForceOn(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(accreditation.inForceOn(LocalDate.of(2027, 12, 31))).isTrue();
    assertThat(accreditation.inForceOn(LocalDate.of(2028, 1, 1)))
        .as("the day the process expires it")
        .isFalse();
  }

  @Test
  void aRegisteredMandateIsInForceUntilTheDayItIsValidUntil() {
    Accreditation mandate =
        new Accreditation(
            new Application(
                UUID.randomUUID(),
                MandateType.NPM,
                ProgrammeType.MONITORING,
                "OPCAT",
                "Parliament",
                LocalDate.of(2030, 6, 30),
                "Visits",
                null,
                null,
                12,
                List.of(UUID.randomUUID()),
                List.of(representative)),
            "nina",
            Instant.parse("2026-11-28T10:00:00Z"),
            null);
    assertThat(mandate.inForceOn(LocalDate.of(2027, 1, 1)))
        .as("submitted, not registered")
        .isFalse();
    mandate.moveTo(AccreditationStatus.MANDATE_REGISTERED);

    assertThat(mandate.inForceOn(LocalDate.of(2030, 6, 30))).isTrue();
    assertThat(mandate.inForceOn(LocalDate.of(2030, 7, 1))).isFalse();
  }

  @Test
  void activationSetsTheTerm() {
    accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
    accreditation.activate(LocalDate.of(2027, 1, 1), 12);

    assertThat(accreditation.getStatus()).isEqualTo(AccreditationStatus.ACTIVE);
    assertThat(accreditation.getTermEnd()).isEqualTo(LocalDate.of(2028, 1, 1));
  }

  @Test
  void onlyNamedRepresentativesAreVetted() {
    accreditation.vet(representative, Vetting.REFUSED, "Incident record 2025");

    assertThat(accreditation.getNominees())
        .singleElement()
        .satisfies(n -> assertThat(n.getVetting()).isEqualTo(Vetting.REFUSED));
    assertThatThrownBy(() -> accreditation.vet(UUID.randomUUID(), Vetting.CLEARED, null))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void ratingsAreOneToFive() {
    assertThatThrownBy(() -> new Rating(Criterion.FUNDS, 6, "x"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(new FieldProblem("fundsRating", "must be 1 to 5")));
    accreditation.rate(Set.of(new Rating(Criterion.FUNDS, 4, "Two-year grant")));
    assertThat(accreditation.getRatings()).extracting(Rating::getValue).containsExactly(4);
  }

  @Test
  void aRenewalsTermStartsWhenTheRenewedTermEndsNeverBeforeAndNoGap() {
    accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
    accreditation.activate(LocalDate.of(2026, 1, 10), 12);
    Accreditation renewal = Accreditation.renewing(accreditation, "john", Instant.now());

    assertThat(renewal.getRenewalOf()).isEqualTo(accreditation.getId());
    assertThat(renewal.getFacilityIds()).isEqualTo(accreditation.getFacilityIds());
    assertThat(renewal.termStartOn(LocalDate.of(2026, 12, 1), accreditation))
        .as("signed before the old term ends: starts the day it ends")
        .isEqualTo(LocalDate.of(2027, 1, 10));
    assertThat(renewal.termStartOn(LocalDate.of(2027, 2, 1), accreditation))
        .as("signed after it ended: starts on signature")
        .isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(accreditation.termStartOn(LocalDate.of(2026, 12, 1), null))
        .as("a first accreditation starts on signature")
        .isEqualTo(LocalDate.of(2026, 12, 1));
  }
}
