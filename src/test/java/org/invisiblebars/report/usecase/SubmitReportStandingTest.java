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
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.invisiblebars.report.usecase.SubmitReport.RecommendationRequest;
import org.invisiblebars.report.usecase.SubmitReport.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may submit a report: an organisation whose accreditation is in force today, as the
 * accreditation itself says.
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
  private final ReportProcessPort process = mock(ReportProcessPort.class);
  private final SubmitReport submit =
      new SubmitReport(
          reports,
          organisations,
          accreditations,
          mous,
          facilities,
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
    return new Request(
        "Conditions in block C",
        facility,
        "Visit of 10 February",
        null,
        "Overcrowding",
        false,
        List.of(
            new RecommendationRequest(
                "Reduce occupancy", "Block C", Priority.URGENT, ResourceEstimate.MEDIUM)));
  }
}
