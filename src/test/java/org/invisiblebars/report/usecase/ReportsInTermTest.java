package org.invisiblebars.report.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.TermRecord.Part;
import org.invisiblebars.accreditation.usecase.TermRecord.Term;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The reports a renewal's reviewers read: reference, title and where each stands, for those who
 * read reports; never the findings or an allegation.
 */
class ReportsInTermTest {

  private static final UUID ORGANISATION = UUID.randomUUID();
  private static final UUID FACILITY = UUID.randomUUID();

  private final ReportRepository reports = mock(ReportRepository.class);

  @Test
  void eachReportByReferenceTitleAndStandingForItsReaders() {
    Report released = report("REP-2026-0001", "Remand wing", "2026-02-01T09:00:00Z");
    released.release(Instant.parse("2026-03-05T00:00:00Z"));
    Report underReview = report("REP-2026-0002", "Health care", "2026-06-01T09:00:00Z");
    when(reports.submittedBetween(
            ORGANISATION,
            Set.of(FACILITY),
            Instant.parse("2026-01-10T00:00:00Z"),
            Instant.parse("2027-01-10T00:00:00Z")))
        .thenReturn(List.of(underReview, released));

    Part part =
        new ReportsInTerm(reports)
            .of(
                ORGANISATION,
                Set.of(FACILITY),
                new Term(LocalDate.of(2026, 1, 10), LocalDate.of(2027, 1, 10)));

    assertThat(part.heading())
        .isEqualTo(
            "Reports in the term: 2 — 1 under confidential review, 1 released to the"
                + " organisation");
    assertThat(part.lines())
        .containsExactly(
            "REP-2026-0002 “Health care”, submitted 2026-06-01: under confidential review",
            "REP-2026-0001 “Remand wing”, submitted 2026-02-01: released to the organisation");
    assertThat(String.join("\n", part.lines())).doesNotContain("Beaten", "cells", "Guard");
    assertThat(part.readBy(Groups.DIRECTOR)).isTrue();
    assertThat(part.readBy(Groups.NGO_LIAISON)).isTrue();
    assertThat(part.readBy(Groups.SECURITY)).as("security reads no report").isFalse();
  }

  private static Report report(String reference, String title, String submittedAt) {
    Report report =
        new Report(
            ORGANISATION,
            FACILITY,
            title,
            "Visits of March",
            null,
            "Overcrowded cells",
            true,
            "Beaten in the yard by Guard X",
            List.of("Guard X"),
            MandateType.NGO,
            List.of(
                new ReportRecommendation(
                    1, "Paint", "Living", Priority.URGENT, ResourceEstimate.LOW)),
            30,
            "john",
            Instant.parse(submittedAt),
            null);
    ReflectionTestUtils.setField(report, "reference", reference);
    return report;
  }
}
