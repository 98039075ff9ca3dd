package org.invisiblebars.accreditation.usecase;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds an organisation's NGO users of a deadline that ends its right when missed (the answer to
 * a request for information, the agreement to the draft MoU, the countersignature), a week before
 * and the day before, each once: a reminder is recorded under its deadline and offset, so a second
 * scan, on this node or another, or after a restart, sends nothing more.
 */
@Service
public class DeadlineReminders {

  /** How a deadline is written in a reminder: the same in every language, with its zone. */
  private static final DateTimeFormatter DEADLINE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

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

  DeadlineReminders(
      Accreditations accreditations,
      AccreditationQueries queries,
      Membership membership,
      Notifications notifications) {
    this.accreditations = accreditations;
    this.queries = queries;
    this.membership = membership;
    this.notifications = notifications;
  }

  /**
   * Reminds the organisation of accreditation {@code accreditationId} that it must give {@code
   * awaited} (a key of the mail texts' {@code awaited.*}) by {@code deadline}, once for that
   * deadline and {@code offset}; in a transaction of its own, which fails with a {@code
   * DataIntegrityViolationException} when the reminder was already sent.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void remind(UUID accreditationId, String awaited, Instant deadline, Offset offset) {
    Accreditation accreditation = accreditations.get(accreditationId);
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
            DEADLINE.format(deadline)));
  }
}
