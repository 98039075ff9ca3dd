package org.invisiblebars.report.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.invisiblebars.report.usecase.SubmitReport.RecommendationRequest;
import org.invisiblebars.report.usecase.SubmitReport.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may submit a report: an organisation whose accreditation is in force today, as the
 * accreditation itself says, or one no longer accredited on the visits it completed while it was;
 * and the review period its mandate gives.
 */
class SubmitReportStandingTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

  private final UUID organisation = UUID.randomUUID();
  private final UUID facility = UUID.randomUUID();
  private final ReportRepository reports = mock(ReportRepository.class);
  private final OrganisationRepository organisations = mock(OrganisationRepository.class);
  private final AccreditationRepository accreditations = mock(AccreditationRepository.class);
  private final MouRepository mous = mock(MouRepository.class);
  private final FacilityRepository facilities = mock(FacilityRepository.class);
  private final VisitRepository visits = mock(VisitRepository.class);
  private final ReportProcessPort process = mock(ReportProcessPort.class);
  private final SubmitReport submit =
      new SubmitReport(
          reports,
          organisations,
          accreditations,
          mous,
          facilities,
          visits,
          process,
          Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
          new InputRules(Validation.buildDefaultValidatorFactory().getValidator()));

  @BeforeEach
  void organisationAndFacility() {
    when(organisations.findForUpdateById(organisation))
        .thenReturn(
            Optional.of(
                new Organisation(
                    "Prison Watch", MandateType.NGO, Instant.parse("2025-01-01T00:00:00Z"))));
    when(facilities.existsById(facility)).thenReturn(true);
    when(reports.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
    when(mous.findByAccreditationId(any())).thenReturn(Optional.empty());
  }

  @Test
  void anAccreditationWhoseTermEndedCannotSubmitAReport() {
    when(accreditations.findByOrganisationId(organisation))
        .thenReturn(List.of(activeFrom(LocalDate.of(2026, 1, 1), 12)));

    assertThatThrownBy(() -> submit.submit(organisation, report(), null, "john"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no active accreditation or registered mandate in force");
    verify(reports, never()).save(any());
    verify(process, never()).start(any(), any(), anyBoolean(), any());
  }

  @Test
  void anAccreditationWithinItsTermSubmits() {
    when(accreditations.findByOrganisationId(organisation))
        .thenReturn(List.of(activeFrom(LocalDate.of(2026, 6, 1), 12)));

    assertThat(submit.submit(organisation, report(), null, "john").created()).isTrue();
    verify(process).start(any(), any(), anyBoolean(), any());
  }

  @Test
  void aRevokedNgoSubmitsItsReportOnVisitsItCompletedWhileAccredited() {
    Accreditation revoked = activeFrom(LocalDate.of(2026, 6, 1), 12);
    revoked.moveTo(AccreditationStatus.REVOKED);
    when(accreditations.findByOrganisationId(organisation)).thenReturn(List.of(revoked));
    Visit made = visit(organisation, LocalDate.of(2027, 2, 10), VisitStatus.COMPLETED);
    when(visits.findAllById(List.of(made.getId()))).thenReturn(List.of(made));

    var result = submit.submit(organisation, report(List.of(made.getId())), null, "john");

    assertThat(result.created()).isTrue();
    assertThat(result.report().getConfidentialityDays())
        .as("the period of the accreditation the visits were made under")
        .isEqualTo(30);
    verify(process).start(any(), any(), anyBoolean(), any());
  }

  @Test
  void aRevokedNgoCannotSubmitOnVisitsOutsideItsTermNorWithoutVisitsNorOnVisitsNotMade() {
    Accreditation revoked = activeFrom(LocalDate.of(2026, 6, 1), 6);
    revoked.moveTo(AccreditationStatus.REVOKED);
    when(accreditations.findByOrganisationId(organisation)).thenReturn(List.of(revoked));
    Visit after = visit(organisation, LocalDate.of(2027, 1, 10), VisitStatus.COMPLETED);
    Visit cancelled = visit(organisation, LocalDate.of(2026, 8, 10), VisitStatus.CANCELLED);
    when(visits.findAllById(List.of(after.getId()))).thenReturn(List.of(after));
    when(visits.findAllById(List.of(cancelled.getId()))).thenReturn(List.of(cancelled));

    assertThatThrownBy(() -> submit.submit(organisation, report(List.of()), null, "john"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("names no visit (visitIds) it made while accredited");
    assertThatThrownBy(
            () -> submit.submit(organisation, report(List.of(after.getId())), null, "john"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("was not made while the organisation was accredited");
    assertThatThrownBy(
            () -> submit.submit(organisation, report(List.of(cancelled.getId())), null, "john"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("was not completed");
    verify(reports, never()).save(any());
  }

  @Test
  void anotherOrganisationsVisitIsBadInputNamingTheField() {
    Visit theirs = visit(UUID.randomUUID(), LocalDate.of(2027, 2, 10), VisitStatus.COMPLETED);
    when(visits.findAllById(List.of(theirs.getId()))).thenReturn(List.of(theirs));
    when(accreditations.findByOrganisationId(organisation)).thenReturn(List.of());

    assertThatThrownBy(
            () -> submit.submit(organisation, report(List.of(theirs.getId())), null, "john"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("visitIds: must be visits of your organisation");
  }

  @Test
  void anNpmReportHasTheReviewPeriodOfItsMandate() {
    Accreditation npm =
        new Accreditation(
            new Application(
                organisation,
                MandateType.NPM,
                ProgrammeType.MONITORING,
                "OPCAT law",
                "Parliament",
                LocalDate.of(2030, 1, 1),
                "Preventive visits",
                null,
                null,
                12,
                List.of(facility),
                List.of(UUID.randomUUID())),
            "npm",
            Instant.parse("2025-12-01T00:00:00Z"),
            null);
    npm.registerMandateReviewDays(60);
    npm.moveTo(AccreditationStatus.MANDATE_REGISTERED);
    when(accreditations.findByOrganisationId(organisation)).thenReturn(List.of(npm));

    var report = submit.submit(organisation, report(), null, "npm").report();

    assertThat(report.getConfidentialityDays()).isEqualTo(60);
    assertThat(report.getMandateType()).isEqualTo(MandateType.NPM);
  }

  private static Visit visit(UUID organisation, LocalDate day, VisitStatus status) {
    Visit visit = mock(Visit.class);
    when(visit.getId()).thenReturn(UUID.randomUUID());
    when(visit.getOrganisationId()).thenReturn(organisation);
    when(visit.getWindowStart()).thenReturn(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    when(visit.getStatus()).thenReturn(status);
    return visit;
  }

  private Accreditation activeFrom(LocalDate start, int months) {
    Accreditation accreditation =
        new Accreditation(
            new Application(
                organisation,
                MandateType.NGO,
                ProgrammeType.MONITORING,
                null,
                null,
                null,
                "Monitoring",
                null,
                null,
                12,
                List.of(facility),
                List.of(UUID.randomUUID())),
            "john",
            Instant.parse("2025-12-01T00:00:00Z"),
            null);
    accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
    accreditation.activate(start, months);
    return accreditation;
  }

  private Request report() {
    return report(List.of());
  }

  private Request report(List<UUID> visitIds) {
    return new Request(
        "Conditions in block C",
        facility,
        "Visit of 10 February",
        null,
        "Overcrowding",
        false,
        null,
        List.of(),
        visitIds,
        List.of(
            new RecommendationRequest(
                "Reduce occupancy", "Block C", Priority.URGENT, ResourceEstimate.MEDIUM)));
  }
}
