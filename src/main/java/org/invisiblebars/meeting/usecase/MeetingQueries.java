package org.invisiblebars.meeting.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.meeting.domain.AgreedAction;
import org.invisiblebars.meeting.domain.Meeting;
import org.invisiblebars.meeting.domain.MeetingRepository;
import org.invisiblebars.meeting.domain.Participant;
import org.invisiblebars.meeting.domain.Side;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.usecase.ReportQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads meetings: whole for their organisation, directors and liaison officers, as the texts
 * Tasklist forms show (a meeting about a report shows its recommendations with the answers and the
 * organisation's comments beside each), and as the label of its tasks and its actions' tasks.
 */
@Service
@Transactional(readOnly = true)
public class MeetingQueries implements CaseLabels {

  private final MeetingRepository meetings;
  private final OrganisationRepository organisations;
  private final ReportQueries reports;
  private final Clock clock;

  MeetingQueries(
      MeetingRepository meetings,
      OrganisationRepository organisations,
      ReportQueries reports,
      Clock clock) {
    this.meetings = meetings;
    this.organisations = organisations;
    this.reports = reports;
    this.clock = clock;
  }

  /**
   * The meeting if the scope (an organisation, or empty for staff) may read it; otherwise not
   * found.
   */
  public Meeting scoped(UUID meetingId, Optional<UUID> organisation) {
    return meetings
        .findById(meetingId)
        .filter(m -> organisation.map(m.getOrganisationId()::equals).orElse(true))
        .orElseThrow(() -> new NotFoundException("meeting " + meetingId));
  }

  public MeetingView view(UUID meetingId, Optional<UUID> organisation) {
    return view(scoped(meetingId, organisation));
  }

  public List<MeetingView> list(Optional<UUID> organisation) {
    return organisation
        .map(meetings::findByOrganisationIdOrderByCalledAtDesc)
        .orElseGet(meetings::findAllByOrderByCalledAtDesc)
        .stream()
        .map(this::view)
        .toList();
  }

  /** What the meeting is about, as its tasks show it: organisation, who called it, the agenda. */
  public String agenda(UUID meetingId) {
    Meeting m = scoped(meetingId, Optional.empty());
    return "With "
        + organisationName(m)
        + (m.isCalledByOrganisation() ? ", at the organisation's request" : "")
        + (m.getPlannedFor() == null ? "" : "\nPlanned for: " + m.getPlannedFor())
        + "\n\n"
        + m.getAgenda();
  }

  /**
   * The report on the agenda with its recommendations, each with its answer and the organisation's
   * comments on it; or a sentence saying no report is on it.
   */
  public String report(UUID meetingId) {
    Meeting m = scoped(meetingId, Optional.empty());
    if (m.getReportId() == null) {
      return "No report is on this meeting's agenda.";
    }
    return reports.summary(m.getReportId())
        + "\n\nRecommendations, answers and the organisation's comments:\n\n"
        + reports.answersWithComments(m.getReportId());
  }

  /** Who took part, by side, and the actions agreed so far. */
  public String participantsAndActions(UUID meetingId) {
    Meeting m = scoped(meetingId, Optional.empty());
    return "For the authorities: "
        + names(m, Side.AUTHORITIES)
        + "\nFor "
        + organisationName(m)
        + ": "
        + names(m, Side.ORGANISATION)
        + "\n\nActions agreed so far:"
        + (m.getActions().isEmpty()
            ? " none"
            : m.getActions().stream().map(a -> "\n" + describe(a)).collect(Collectors.joining()));
  }

  /** One action as its tracking task shows it, with the meeting it comes from. */
  public String action(UUID meetingId, UUID actionId) {
    Meeting m = scoped(meetingId, Optional.empty());
    return describe(m.action(actionId))
        + "\n\nAgreed at the meeting with "
        + organisationName(m)
        + " held on "
        + m.getHeldOn()
        + "\nAgenda: "
        + m.getAgenda();
  }

  @Override
  public String subjectType() {
    return MeetingSubject.TYPE;
  }

  /**
   * The reference and the organisation of the meeting, and the facility of the report it is about
   * (none when it is about no report).
   */
  @Override
  public Optional<CaseLabel> of(UUID id) {
    return meetings
        .findById(id)
        .map(
            m ->
                new CaseLabel(
                    m.getReference(),
                    organisationName(m),
                    m.getReportId() == null
                        ? null
                        : reports.of(m.getReportId()).map(CaseLabel::facilityName).orElse(null)));
  }

  private static String describe(AgreedAction a) {
    return a.getPosition()
        + ". "
        + a.getDescription()
        + " (owner: "
        + a.getOwnerName()
        + (a.getOwnerSide() == Side.ORGANISATION ? ", the organisation" : ", the authorities")
        + "; due "
        + a.getDueOn()
        + ")";
  }

  private static String names(Meeting m, Side side) {
    return m.getParticipants().stream()
        .filter(p -> p.getSide() == side)
        .map(Participant::getName)
        .collect(Collectors.joining(", "));
  }

  private MeetingView view(Meeting m) {
    LocalDate today = LocalDate.now(clock);
    return new MeetingView(
        m.getId(),
        m.getReference(),
        m.getOrganisationId(),
        organisationName(m),
        m.getReportId(),
        m.isOfReview(),
        m.getAgenda(),
        m.getPlannedFor(),
        m.isCalledByOrganisation(),
        m.getCalledAt(),
        m.getHeldOn(),
        m.getMinutes(),
        m.getParticipants().stream()
            .map(p -> new ParticipantView(p.getSide(), p.getName()))
            .toList(),
        m.getActions().stream()
            .map(
                a ->
                    new ActionView(
                        a.getId(),
                        a.getPosition(),
                        a.getDescription(),
                        a.getOwnerName(),
                        a.getOwnerSide(),
                        a.getDueOn(),
                        a.getDoneAt() != null
                            ? ActionStatus.DONE
                            : a.isOverdue(today) ? ActionStatus.OVERDUE : ActionStatus.OPEN,
                        a.getDoneAt(),
                        a.getDoneNote()))
            .toList());
  }

  private String organisationName(Meeting m) {
    return organisations.findById(m.getOrganisationId()).map(Organisation::getName).orElse("");
  }

  /** Where an agreed action stands. */
  public enum ActionStatus {
    OPEN,
    OVERDUE,
    DONE
  }

  /** A meeting as its organisation, directors and liaison officers see it. */
  public record MeetingView(
      UUID id,
      String reference,
      UUID organisationId,
      String organisationName,
      UUID reportId,
      boolean reportReview,
      String agenda,
      LocalDate plannedFor,
      boolean askedForByOrganisation,
      Instant calledAt,
      LocalDate heldOn,
      String minutes,
      List<ParticipantView> participants,
      List<ActionView> actions) {}

  public record ParticipantView(Side side, String name) {}

  public record ActionView(
      UUID id,
      int position,
      String description,
      String owner,
      Side ownerSide,
      LocalDate dueOn,
      ActionStatus status,
      Instant doneAt,
      String doneNote) {}
}
