package org.invisiblebars.accreditation.usecase;

import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Component;

/**
 * Tells an organisation's NGO users by e-mail when its application awaits something from it (an
 * answer to a request for information, comments on or agreement to the draft MoU, its
 * countersignature), of security's decision on each of its representatives, and of every decision
 * that ends or starts its right (rejected, revoked, active, withdrawn or lapsed for lack of an
 * answer). Stored in the transaction that moves the accreditation, so a move rolled back tells
 * nobody. The link is the accreditation's portal page, where the decision's reasons are: a mail
 * names the decision, not its reasons, so a forwarded message carries no text the organisation did
 * not choose to share.
 */
@Component
class OrganisationNotices {

  /** The portal's page of an accreditation, where the organisation reads and acts. */
  static final String PORTAL_PAGE = "/portal/accreditations/";

  private final Membership membership;
  private final Notifications notifications;
  private final AccreditationQueries queries;

  OrganisationNotices(
      Membership membership, Notifications notifications, AccreditationQueries queries) {
    this.membership = membership;
    this.notifications = notifications;
    this.queries = queries;
  }

  /** The accreditation has just reached {@code status}: the organisation is told if it must act. */
  void reached(Accreditation accreditation, AccreditationStatus status) {
    String kind =
        switch (status) {
          case AWAITING_INFORMATION -> "information-requested";
          case MOU_IN_NEGOTIATION -> "mou-shared";
          case AWAITING_COUNTERSIGNATURE -> "mou-countersignature";
          case REJECTED -> "accreditation-rejected";
          case REVOKED -> "accreditation-revoked";
          case ACTIVE -> "accreditation-active";
          case WITHDRAWN -> "accreditation-withdrawn";
          case LAPSED -> "accreditation-lapsed";
          default -> null;
        };
    if (kind == null) {
      return;
    }
    UUID id = accreditation.getId();
    String path = PORTAL_PAGE + id;
    CaseLabel label = queries.of(id).orElseThrow();
    notifications.tellUsers(
        membership.usersOf(accreditation.getOrganisationId()),
        Notice.of(kind, path, label.reference(), label.organisationName()));
  }

  /**
   * Security cleared or refused {@code representative}: the organisation's users are told the
   * decision, never security's reasons, with a link to the portal's list of representatives.
   */
  void vetted(Accreditation accreditation, String representative, Vetting outcome) {
    if (outcome == Vetting.PENDING) {
      return;
    }
    CaseLabel label = queries.of(accreditation.getId()).orElseThrow();
    notifications.tellUsers(
        membership.usersOf(accreditation.getOrganisationId()),
        Notice.of(
            outcome == Vetting.CLEARED ? "representative-cleared" : "representative-refused",
            "/portal/representatives",
            representative,
            label.organisationName(),
            label.reference()));
  }
}
