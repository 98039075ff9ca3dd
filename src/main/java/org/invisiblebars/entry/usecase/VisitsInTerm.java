package org.invisiblebars.entry.usecase;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.TermRecord;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visits of a term, for the reviewers of a renewal: how many ended how, and the latest few by
 * reference. Nothing of the risk assessment or the search.
 */
@Service
@Order(1)
@Transactional(readOnly = true)
public class VisitsInTerm implements TermRecord {

  /** How many visits are named one by one; the rest are counted only. */
  static final int LATEST = 5;

  private final VisitRepository visits;

  VisitsInTerm(VisitRepository visits) {
    this.visits = visits;
  }

  @Override
  public Part of(UUID organisationId, Set<UUID> facilityIds, Term term) {
    List<Visit> found = inTerm(visits, organisationId, facilityIds, term);
    return Part.counted(
        "Visits in the term",
        found.stream()
            .map(Visit::getStatus)
            .sorted(Comparator.naturalOrder())
            .map(VisitsInTerm::label)
            .toList(),
        found.stream().limit(LATEST).map(VisitsInTerm::line).toList(),
        Set.of());
  }

  /** The organisation's visits at the facilities whose window starts in the term, latest first. */
  static List<Visit> inTerm(
      VisitRepository visits, UUID organisationId, Set<UUID> facilityIds, Term term) {
    return facilityIds.isEmpty()
        ? List.of()
        : visits.startingBetween(organisationId, facilityIds, term.startsAt(), term.endsAt());
  }

  /** "VIS-2026-0012 on 2026-05-03: completed". */
  private static String line(Visit visit) {
    return visit.getReference() + " on " + day(visit) + ": " + label(visit.getStatus());
  }

  static LocalDate day(Visit visit) {
    return LocalDate.ofInstant(visit.getWindowStart(), ZoneOffset.UTC);
  }

  static String label(VisitStatus status) {
    return switch (status) {
      case REJECTED -> "rejected (outside the accreditation or MoU)";
      case DENIED -> "refused";
      case NO_ENTRY -> "nobody entered";
      default -> status.name().toLowerCase().replace('_', ' ');
    };
  }
}
