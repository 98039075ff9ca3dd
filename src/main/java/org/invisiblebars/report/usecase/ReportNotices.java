package org.invisiblebars.report.usecase;

import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.report.domain.Report;
import org.springframework.stereotype.Component;

/**
 * Tells an organisation's NGO users by e-mail when its report's review moves on for them: the
 * director asks to extend the period (their answer is awaited), the plan of action is submitted
 * (they may comment on it), the report is released (free to use, or kept confidential for an ICRC
 * report), a public version awaits their consent. Stored in the transaction of the change; the
 * message names the report, the organisation and the facility and links to the portal's report
 * page, never a text of the report.
 */
@Component
class ReportNotices {

  static final String EXTENSION_REQUESTED = "report-extension-requested";
  static final String PLAN_SUBMITTED = "report-plan-submitted";
  static final String RELEASED = "report-released";
  static final String KEPT_CONFIDENTIAL = "report-kept-confidential";
  static final String PREVIEW_READY = "report-preview-ready";

  private final Membership membership;
  private final Notifications notifications;
  private final ReportQueries queries;

  ReportNotices(Membership membership, Notifications notifications, ReportQueries queries) {
    this.membership = membership;
    this.notifications = notifications;
    this.queries = queries;
  }

  void tell(Report report, String kind) {
    CaseLabel label = queries.of(report.getId()).orElseThrow();
    notifications.tellUsers(
        membership.usersOf(report.getOrganisationId()),
        Notice.of(
            kind,
            "/portal/reports/" + report.getId(),
            label.reference(),
            label.organisationName(),
            label.facilityName()));
  }
}
