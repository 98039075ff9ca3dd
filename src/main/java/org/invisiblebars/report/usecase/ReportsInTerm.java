package org.invisiblebars.report.usecase;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.TermRecord;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of a term, for the reviewers of a renewal: reference, title and where each stands.
 * Findings and allegations stay in the report; as a report itself, the titles are for directors and
 * liaison officers only (security vets the renewal's people and reads the counts).
 */
@Service
@Order(2)
@Transactional(readOnly = true)
public class ReportsInTerm implements TermRecord {

  /** Who reads a report besides its organisation (the report API's readers). */
  static final Set<String> READERS = Set.of(Groups.DIRECTOR, Groups.NGO_LIAISON);

  private final ReportRepository reports;

  ReportsInTerm(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public Part of(UUID organisationId, Set<UUID> facilityIds, Term term) {
    List<Report> found =
        facilityIds.isEmpty()
            ? List.of()
            : reports.submittedBetween(organisationId, facilityIds, term.startsAt(), term.endsAt());
    return Part.counted(
        "Reports in the term",
        found.stream()
            .map(Report::getStatus)
            .sorted(Comparator.naturalOrder())
            .map(ReportsInTerm::label)
            .toList(),
        found.stream().map(ReportsInTerm::line).toList(),
        READERS);
  }

  /** "REP-2026-0004 “Remand wing”, submitted 2026-05-03: under confidential review". */
  private static String line(Report report) {
    return report.getReference()
        + " “"
        + report.getTitle()
        + "”, submitted "
        + LocalDate.ofInstant(report.getSubmittedAt(), ZoneOffset.UTC)
        + ": "
        + label(report.getStatus());
  }

  static String label(ReportStatus status) {
    return switch (status) {
      case UNDER_REVIEW -> "under confidential review";
      case RELEASED -> "released to the organisation";
      case KEPT_CONFIDENTIAL -> "kept confidential";
      case PUBLISHED -> "published";
    };
  }
}
