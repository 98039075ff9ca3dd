package org.invisiblebars.entry.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds an organisation whose visit is scheduled and whose search notice a representative has not
 * acknowledged yet, a week before and the day before the visit starts: without the acknowledgement
 * that representative does not enter. Each reminder once per visit, start and offset (a key stored
 * with its notice), however many scans run, on one node or two. A formal monitor's people may
 * acknowledge at the gate and are not reminded.
 */
@Service
public class SearchNoticeReminders {

  private final VisitRepository visits;
  private final VisitQueries queries;
  private final Membership membership;
  private final Notifications notifications;
  private final Clock clock;
  private final FacilityRepository facilities;

  SearchNoticeReminders(
      VisitRepository visits,
      VisitQueries queries,
      Membership membership,
      Notifications notifications,
      Clock clock,
      FacilityRepository facilities) {
    this.facilities = facilities;
    this.visits = visits;
    this.queries = queries;
    this.membership = membership;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** The scheduled visits starting within a week whose notice still awaits an acknowledgement. */
  @Transactional(readOnly = true)
  public List<UUID> awaitingAcknowledgement() {
    Instant now = clock.instant();
    return visits
        .findByStatusAndWindowStartBetween(
            VisitStatus.SCHEDULED, now, now.plus(Notice.REMINDER_AHEAD))
        .stream()
        .filter(visit -> !visit.acknowledgesAtGate())
        .filter(
            visit ->
                visit.getRepresentatives().stream().anyMatch(person -> !person.isAcknowledged()))
        .map(Visit::getId)
        .toList();
  }

  /**
   * Reminds the organisation of visit {@code visitId}, once for its start and the offset now due
   * ({@code reminder-day} within a day, else {@code reminder-week}); in a transaction of its own,
   * which fails with a {@code DataIntegrityViolationException} when the reminder was already sent.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void remind(UUID visitId) {
    Visit visit = visits.findById(visitId).orElseThrow();
    Instant start = visit.getWindowStart();
    String kind = Notice.reminderKind(clock.instant(), start);
    CaseLabel label = queries.of(visitId).orElseThrow();
    notifications.tellUsersOnce(
        "reminder:visit:" + visitId + ":search-notice:" + start.toEpochMilli() + ":" + kind,
        membership.usersOf(visit.getOrganisationId()),
        Notice.of(
            kind,
            "/portal/visits/" + visitId,
            label.reference(),
            label.organisationName(),
            "@awaited.search-notice",
            Notice.at(start, facilities.findById(visit.getFacilityId()).orElseThrow().getZone())));
  }
}
