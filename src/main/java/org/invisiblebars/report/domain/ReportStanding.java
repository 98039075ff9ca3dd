package org.invisiblebars.report.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * The one rule of who may submit a report, and under which accreditation: an organisation whose
 * accreditation (or registered mandate) is in force today; or one no longer accredited (revoked,
 * expired) when every visit the report covers is its own, was completed, and fell within the term
 * of its accreditation (the validity of its mandate). A completed visit cannot postdate a
 * revocation, which cancels every pending visit, so the term is the remaining test. The paper gives
 * the NGO free use of what it saw while it was allowed in: losing the accreditation afterwards does
 * not take its report away.
 */
public final class ReportStanding {

  /** A visit a report covers, as far as the rule needs it. */
  public record CoveredVisit(UUID id, LocalDate day, boolean completed) {}

  private ReportStanding() {}

  /**
   * The accreditation the report is submitted under, or a conflict naming why there is none. {@code
   * visits} are the organisation's own (the caller checks that).
   */
  public static Accreditation under(
      Collection<Accreditation> accreditations, LocalDate today, List<CoveredVisit> visits) {
    var inForce =
        accreditations.stream()
            .filter(a -> a.inForceOn(today))
            .max(Comparator.comparing(Accreditation::getSubmittedAt));
    if (inForce.isPresent()) {
      return inForce.get();
    }
    if (visits.isEmpty()) {
      throw new ConflictException(
          "the organisation has no active accreditation or registered mandate in force today, and"
              + " the report names no visit (visitIds) it made while accredited");
    }
    Accreditation under = null;
    for (CoveredVisit visit :
        visits.stream().sorted(Comparator.comparing(CoveredVisit::day)).toList()) {
      if (!visit.completed()) {
        throw new ConflictException(
            "visit "
                + visit.id()
                + " was not completed; a report of an organisation no longer accredited covers only"
                + " visits it completed while accredited");
      }
      under =
          accreditations.stream()
              .filter(a -> inTermOn(a, visit.day()))
              .max(Comparator.comparing(Accreditation::getSubmittedAt))
              .orElseThrow(
                  () ->
                      new ConflictException(
                          "visit "
                              + visit.id()
                              + " of "
                              + visit.day()
                              + " was not made while the organisation was accredited"));
    }
    return under;
  }

  /**
   * Whether the accreditation was in force on {@code day}, also when it has since been revoked or
   * has expired: the day lies in its term, or, for a formal mandate, before it ran out.
   */
  static boolean inTermOn(Accreditation a, LocalDate day) {
    if (a.inForceOn(day)) {
      return true;
    }
    if (a.getStatus() != AccreditationStatus.REVOKED
        && a.getStatus() != AccreditationStatus.EXPIRED) {
      return false;
    }
    if (a.getTermStart() != null) {
      return !day.isBefore(a.getTermStart())
          && (a.getTermEnd() == null || day.isBefore(a.getTermEnd()));
    }
    return a.getMandateType().isFormal()
        && a.getMandateValidUntil() != null
        && !a.getMandateValidUntil().isBefore(day);
  }
}
