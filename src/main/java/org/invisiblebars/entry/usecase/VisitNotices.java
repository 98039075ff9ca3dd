package org.invisiblebars.entry.usecase;

import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Component;

/**
 * Tells an organisation's NGO users by e-mail when a visit awaits something from it (the search
 * notice, issued, to be acknowledged by each representative) and of the decision on a visit request
 * (rejected for being out of scope, denied, authorised). Stored in the transaction of the change.
 * The link is the visit's portal page, where the organisation reads the reasons as it may see them:
 * the mail names the decision only, never security's assessment.
 */
@Component
class VisitNotices {

  static final String SEARCH_NOTICE = "search-notice";
  static final String REJECTED = "visit-rejected";
  static final String DENIED = "visit-denied";
  static final String AUTHORISED = "visit-authorised";

  private final Membership membership;
  private final Notifications notifications;
  private final VisitQueries queries;

  VisitNotices(Membership membership, Notifications notifications, VisitQueries queries) {
    this.membership = membership;
    this.notifications = notifications;
    this.queries = queries;
  }

  void noticeIssued(Visit visit) {
    tell(visit, SEARCH_NOTICE);
  }

  /** A decision ({@code kind}: {@link #REJECTED}, {@link #DENIED}, {@link #AUTHORISED}). */
  void decided(Visit visit, String kind) {
    tell(visit, kind);
  }

  private void tell(Visit visit, String kind) {
    CaseLabel label = queries.of(visit.getId()).orElseThrow();
    notifications.tellUsers(
        membership.usersOf(visit.getOrganisationId()),
        Notice.of(
            kind,
            "/portal/visits/" + visit.getId(),
            label.reference(),
            label.organisationName(),
            label.facilityName()));
  }
}
