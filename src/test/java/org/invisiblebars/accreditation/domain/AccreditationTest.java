package org.invisiblebars.accreditation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.junit.jupiter.api.Test;

class AccreditationTest {

  private final UUID representative = UUID.randomUUID();
  private final Accreditation accreditation =
      new Accreditation(
          new Application(UUID.randomUUID(), MandateType.NGO, ProgrammeType.MONITORING, null, null, null,
              "Monthly monitoring visits", null, null, 12, List.of(UUID.randomUUID()), List.of(representative)),
          "john", Instant.parse("2026-11-28T10:00:00Z"), "key-1");

  @Test
  void aNewApplicationIsSubmittedWithItsRepresentativesPendingVetting() {
    assertThat(accreditation.getStatus()).isEqualTo(AccreditationStatus.SUBMITTED);
    assertThat(accreditation.getNominees()).singleElement()
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
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFinalStatusNeverChanges() {
    accreditation.moveTo(AccreditationStatus.REVOKED);

    assertThat(accreditation.getStatus().isRevocable()).isFalse();
    assertThatThrownBy(() -> accreditation.moveTo(AccreditationStatus.ACTIVE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void activationSetsTheTerm() {
    accreditation.activate(LocalDate.of(2027, 1, 1), 12);

    assertThat(accreditation.getStatus()).isEqualTo(AccreditationStatus.ACTIVE);
    assertThat(accreditation.getTermEnd()).isEqualTo(LocalDate.of(2028, 1, 1));
  }

  @Test
  void onlyNamedRepresentativesAreVetted() {
    accreditation.vet(representative, Vetting.REFUSED, "Incident record 2025");

    assertThat(accreditation.getNominees()).singleElement()
        .satisfies(n -> assertThat(n.getVetting()).isEqualTo(Vetting.REFUSED));
    assertThatThrownBy(() -> accreditation.vet(UUID.randomUUID(), Vetting.CLEARED, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ratingsAreOneToFive() {
    assertThatThrownBy(() -> new Rating(Criterion.FUNDS, 6, "x")).isInstanceOf(IllegalArgumentException.class);
    accreditation.rate(Set.of(new Rating(Criterion.FUNDS, 4, "Two-year grant")));
    assertThat(accreditation.getRatings()).extracting(Rating::getValue).containsExactly(4);
  }
}
