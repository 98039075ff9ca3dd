package org.invisiblebars.report.usecase;

import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds an organisation that the director's request to extend its report's review period awaits
 * its answer, a week before and the day before the period ends (after which the request lapses and
 * the report is released as planned), each once per deadline: recorded under the report, the
 * deadline and the offset, so a second scan, here or on another node, sends nothing more. The
 * deadline is written on the clock of the report's facility.
 */
@Service
public class ExtensionReminders {

  /** What the organisation gives before the period ends, a text of the mail bundle. */
  static final String AWAITED = "@awaited.extension-answer";

  private final ReportRepository reports;
  private final ReportQueries queries;
  private final Membership membership;
  private final Notifications notifications;
  private final FacilityRepository facilities;

  ExtensionReminders(
      ReportRepository reports,
      ReportQueries queries,
      Membership membership,
      Notifications notifications,
      FacilityRepository facilities) {
    this.reports = reports;
    this.queries = queries;
    this.membership = membership;
    this.notifications = notifications;
    this.facilities = facilities;
  }

  /**
   * Reminds the organisation of report {@code reportId} whose review period ends at {@code
   * deadline} (the due date of its timer, seen at {@code now}), when the director asked for more
   * time and it has not answered; in a transaction of its own, which fails with a {@code
   * DataIntegrityViolationException} when the reminder was sent already. Returns whether a reminder
   * was stored.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean remind(UUID reportId, Instant deadline, Instant now) {
    Report report = reports.findById(reportId).orElse(null);
    if (report == null
        || report.getStatus() != ReportStatus.UNDER_REVIEW
        || report.getExtensionRequestedAt() == null
        || report.getExtensionAgreed() != null) {
      return false;
    }
    String kind = Notice.reminderKind(now, deadline);
    CaseLabel label = queries.of(reportId).orElseThrow();
    notifications.tellUsersOnce(
        "reminder:report:" + reportId + ":extension:" + deadline.toEpochMilli() + ":" + kind,
        membership.usersOf(report.getOrganisationId()),
        Notice.of(
            kind,
            "/portal/reports/" + reportId + "/extension-answer",
            label.reference(),
            label.organisationName(),
            AWAITED,
            Notice.at(
                deadline, facilities.findById(report.getFacilityId()).orElseThrow().getZone())));
    return true;
  }
}
