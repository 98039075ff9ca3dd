package org.invisiblebars.accreditation.usecase;

import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds an organisation's NGO users of a deadline that ends its right when missed (the answer to
 * a request for information, the agreement to the draft MoU, the countersignature, the application
 * for renewal before the term ends), a week before and the day before, each once, the deadline on
 * the clock of the accreditation's facilities (the administration's when they are in several
 * zones): a reminder is recorded under its deadline and offset, so a second scan, on this node or
 * another, or after a restart, sends nothing more.
 */
@Service
public class DeadlineReminders {

  /** What an organisation gives before its term ends: its application for renewal. */
  public static final String RENEWAL = "renewal";

  /** When a reminder goes: a week before ({@code reminder-week}), the day before. */
  public enum Offset {
    WEEK("reminder-week"),
    DAY("reminder-day");

    private final String kind;

    Offset(String kind) {
      this.kind = kind;
    }
  }

  private final Accreditations accreditations;
  private final AccreditationQueries queries;
  private final Membership membership;
  private final Notifications notifications;
  private final ManageFacilities facilities;
  private final AccreditationRepository repository;

  DeadlineReminders(
      Accreditations accreditations,
      AccreditationQueries queries,
      Membership membership,
      Notifications notifications,
      ManageFacilities facilities,
      AccreditationRepository repository) {
    this.accreditations = accreditations;
    this.queries = queries;
    this.membership = membership;
    this.notifications = notifications;
    this.facilities = facilities;
    this.repository = repository;
  }

  /**
   * Reminds the organisation of accreditation {@code accreditationId} that it must give {@code
   * awaited} (a key of the mail texts' {@code awaited.*}) by {@code deadline}, once for that
   * deadline and {@code offset}; in a transaction of its own, which fails with a {@code
   * DataIntegrityViolationException} when the reminder was already sent.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean remind(UUID accreditationId, String awaited, Instant deadline, Offset offset) {
    Accreditation accreditation = accreditations.get(accreditationId);
    if (RENEWAL.equals(awaited)
        && repository.findByRenewalOf(accreditationId).stream()
            .anyMatch(renewal -> !renewal.getStatus().isFinal())) {
      return false; // the organisation applied for renewal already
    }
    CaseLabel label = queries.of(accreditationId).orElseThrow();
    notifications.tellUsersOnce(
        "reminder:"
            + accreditationId
            + ":"
            + awaited
            + ":"
            + deadline.toEpochMilli()
            + ":"
            + offset,
        membership.usersOf(accreditation.getOrganisationId()),
        Notice.of(
            offset.kind,
            OrganisationNotices.PORTAL_PAGE + accreditationId,
            label.reference(),
            label.organisationName(),
            "@awaited." + awaited,
            Notice.at(deadline, facilities.zoneOf(accreditation.getFacilityIds()))));
    return true;
  }
}
