package org.invisiblebars.entry.usecase;

import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Component;

/**
 * Tells an organisation's NGO users by e-mail when a visit awaits something from it: the search
 * notice, issued, to be acknowledged by each representative. Stored in the transaction that issues
 * the notice. The link is the API resource for now (the portal is built elsewhere).
 */
@Component
class VisitNotices {

  static final String SEARCH_NOTICE = "search-notice";

  private final Membership membership;
  private final Notifications notifications;
  private final VisitQueries queries;

  VisitNotices(Membership membership, Notifications notifications, VisitQueries queries) {
    this.membership = membership;
    this.notifications = notifications;
    this.queries = queries;
  }

  void noticeIssued(Visit visit) {
    CaseLabel label = queries.of(visit.getId()).orElseThrow();
    notifications.tellUsers(
        membership.usersOf(visit.getOrganisationId()),
        Notice.of(
            SEARCH_NOTICE,
            "/api/v1/visits/" + visit.getId() + "/search-notice",
            label.reference(),
            label.organisationName(),
            label.facilityName()));
  }
}
