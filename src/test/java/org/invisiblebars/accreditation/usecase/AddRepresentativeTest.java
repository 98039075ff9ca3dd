package org.invisiblebars.accreditation.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.validation.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which accreditation vets a person the organisation adds, and who is refused: the latest NGO
 * application under way or accreditation in force names them and starts their vetting; a formal
 * mandate or a closed application starts none; the same name twice is refused before anything is
 * saved.
 */
class AddRepresentativeTest {

  private final UUID organisation = UUID.randomUUID();
  private final OrganisationRepository organisations = mock(OrganisationRepository.class);
  private final RepresentativeRepository representatives = mock(RepresentativeRepository.class);
  private final Accreditations accreditations = mock(Accreditations.class);
  private final AccreditationProcessPort process = mock(AccreditationProcessPort.class);
  private final AddRepresentative add =
      new AddRepresentative(
          organisations,
          representatives,
          accreditations,
          process,
          new InputRules(Validation.buildDefaultValidatorFactory().getValidator()));

  @BeforeEach
  void anOrganisationWithAnn() {
    when(organisations.findForUpdateById(organisation))
        .thenReturn(Optional.of(new Organisation("Prison Watch", MandateType.NGO, Instant.now())));
    when(representatives.findByOrganisationId(organisation))
        .thenReturn(List.of(new Representative(organisation, "Ann  Other", "Monitor")));
    when(representatives.save(any(Representative.class))).thenAnswer(call -> call.getArgument(0));
  }

  @Test
  void theLatestApplicationUnderWayNamesThePersonAndStartsTheirVetting() {
    Accreditation active = accreditation(MandateType.NGO, AccreditationStatus.ACTIVE, 10);
    Accreditation renewal = accreditation(MandateType.NGO, AccreditationStatus.SUBMITTED, 1);
    Accreditation rejected = accreditation(MandateType.NGO, AccreditationStatus.REJECTED, 0);
    when(accreditations.all(Optional.of(organisation)))
        .thenReturn(List.of(active, renewal, rejected));

    Representative added = add.add(organisation, new AddRepresentative.Request(" Ben  Udo ", ""));

    assertThat(added.getFullName()).isEqualTo("Ben Udo");
    assertThat(added.getRole()).isNull();
    Nominee named =
        renewal.getNominees().stream()
            .filter(n -> n.getRepresentativeId().equals(added.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(named.isAddedLater()).isTrue();
    assertThat(named.getVetting()).isEqualTo(Vetting.PENDING);
    assertThat(active.getNominees()).noneMatch(n -> n.getRepresentativeId().equals(added.getId()));
    verify(process).representativeAdded(renewal.getId(), renewal.getReference(), added.getId());
  }

  @Test
  void aFormalMandateOrAClosedApplicationStartsNoVetting() {
    Accreditation mandate =
        accreditation(MandateType.NPM, AccreditationStatus.MANDATE_REGISTERED, 1);
    Accreditation lapsed = accreditation(MandateType.NGO, AccreditationStatus.LAPSED, 2);
    when(accreditations.all(Optional.of(organisation))).thenReturn(List.of(mandate, lapsed));

    add.add(organisation, new AddRepresentative.Request("Ben Udo", "Doctor"));

    verify(representatives).save(any(Representative.class));
    verify(process, never()).representativeAdded(any(), any(), any());
  }

  @Test
  void theSameNameTwiceIsRefusedNamingTheFieldAndNothingIsSaved() {
    assertThatThrownBy(
            () -> add.add(organisation, new AddRepresentative.Request("ann other", "Monitor")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FieldProblem(
                            "fullName", "is already a representative of your organisation")));
    assertThatThrownBy(() -> add.add(organisation, new AddRepresentative.Request(" ", null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("fullName"));
    verify(representatives, never()).save(any(Representative.class));
  }

  private Accreditation accreditation(
      MandateType mandate, AccreditationStatus status, int daysAgo) {
    Accreditation accreditation =
        new Accreditation(
            new Application(
                organisation,
                mandate,
                ProgrammeType.MONITORING,
                mandate.isFormal() ? "OPCAT-1" : null,
                mandate.isFormal() ? "Parliament" : null,
                null,
                "Monitoring",
                null,
                null,
                12,
                List.of(UUID.randomUUID()),
                List.of(UUID.randomUUID())),
            "john",
            Instant.now().minusSeconds(86_400L * daysAgo),
            null);
    switch (status) {
      case SUBMITTED -> {}
      case ACTIVE -> {
        accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
        accreditation.activate(LocalDate.now(ZoneOffset.UTC), 12);
      }
      case LAPSED -> {
        accreditation.moveTo(AccreditationStatus.MOU_IN_NEGOTIATION);
        accreditation.moveTo(AccreditationStatus.LAPSED);
      }
      default -> accreditation.moveTo(status);
    }
    when(accreditations.lock(accreditation.getId())).thenReturn(accreditation);
    return accreditation;
  }
}
