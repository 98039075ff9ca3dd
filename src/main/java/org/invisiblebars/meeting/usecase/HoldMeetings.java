package org.invisiblebars.meeting.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.meeting.domain.AgreedAction;
import org.invisiblebars.meeting.domain.Meeting;
import org.invisiblebars.meeting.domain.MeetingRepository;
import org.invisiblebars.meeting.domain.Side;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the liaison officer and the organisation do with coordination meetings: call one (the report
 * review calls its own; a liaison officer arranges one, the organisation asks for one, at any stage
 * of its work), hold it with participants of both sides and minutes, agree actions, and record each
 * action done. Tasklist forms reach this through their handlers, which log their steps; the API's
 * requests are checked and logged here.
 */
@Service
@Transactional
public class HoldMeetings {

  private final MeetingRepository meetings;
  private final OrganisationRepository organisations;
  private final ReportQueries reports;
  private final ReviewReport review;
  private final MeetingProcessPort process;
  private final MeetingSubject log;
  private final InputRules rules;
  private final Clock clock;

  HoldMeetings(
      MeetingRepository meetings,
      OrganisationRepository organisations,
      ReportQueries reports,
      ReviewReport review,
      MeetingProcessPort process,
      MeetingSubject log,
      InputRules rules,
      Clock clock) {
    this.meetings = meetings;
    this.organisations = organisations;
    this.reports = reports;
    this.review = review;
    this.process = process;
    this.log = log;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The report review's coordination meeting of a report: opened once when the review calls it (a
   * retried call finds the same meeting).
   */
  public UUID openForReview(UUID reportId) {
    return meetings
        .findByReportIdAndOfReviewTrue(reportId)
        .orElseGet(
            () -> {
              Report report = reports.scoped(reportId, Optional.empty());
              return meetings.save(
                  new Meeting(
                      report.getOrganisationId(),
                      reportId,
                      true,
                      "The report \""
                          + report.getTitle()
                          + "\": its findings, its recommendations and how the authorities will"
                          + " answer them in the plan of action.",
                      null,
                      "system",
                      false,
                      clock.instant()));
            })
        .getId();
  }

  /**
   * A liaison officer arranges a meeting with an organisation ({@code organisation} empty: the
   * request names it), or an organisation's user asks for one with the authorities (its own):
   * before or during a visit programme, or about one of its reports. Its coordination-meeting
   * process starts at once.
   */
  public Meeting call(Call call, Optional<UUID> organisation, String actor) {
    List<FieldProblem> problems = new ArrayList<>();
    if (organisation.isEmpty() && call.organisationId() == null) {
      problems.add(new FieldProblem("organisationId", "is required"));
    } else if (organisation.isEmpty() && !organisations.existsById(call.organisationId())) {
      problems.add(new FieldProblem("organisationId", "names no organisation"));
    } else if (organisation.isPresent()
        && call.organisationId() != null
        && !organisation.get().equals(call.organisationId())) {
      problems.add(
          new FieldProblem("organisationId", "must be your own organisation, or left out"));
    }
    if (call.plannedFor() != null && call.plannedFor().isBefore(LocalDate.now(clock))) {
      problems.add(new FieldProblem("plannedFor", "must not be in the past"));
    }
    UUID with = organisation.orElse(call.organisationId());
    if (call.reportId() != null && with != null && problems.isEmpty()) {
      try {
        reports.scoped(call.reportId(), Optional.of(with));
      } catch (NotFoundException noSuchReport) {
        problems.add(new FieldProblem("reportId", "names no report of this organisation"));
      }
    }
    rules.check(call, problems);
    Meeting meeting =
        meetings.save(
            new Meeting(
                with,
                call.reportId(),
                false,
                call.agenda().strip(),
                call.plannedFor(),
                actor,
                organisation.isPresent(),
                clock.instant()));
    log.record(
        meeting.getId(),
        "call",
        organisation.isPresent() ? "MEETING_ASKED_FOR" : "MEETING_ARRANGED",
        call.agenda().strip(),
        actor);
    process.start(meeting.getId(), meeting.getReference());
    return meeting;
  }

  /**
   * The meeting was held: participants of each side one a line, and the minutes. The review's own
   * meeting also engages the authorities in the report review.
   */
  public Meeting hold(
      UUID meetingId,
      LocalDate date,
      String authorities,
      String organisation,
      String minutes,
      String actor) {
    Meeting meeting = meeting(meetingId);
    meeting.hold(
        date,
        names(authorities),
        names(organisation),
        minutes.strip(),
        actor,
        clock.instant(),
        LocalDate.now(clock));
    if (meeting.isOfReview()) {
      review.holdMeeting(meeting.getReportId(), date, authorities, organisation, minutes, actor);
    }
    return meeting;
  }

  /** An action the meeting agreed, owned by one of its participants, due on a day. */
  public AgreedAction agree(UUID meetingId, String description, String owner, LocalDate dueOn) {
    return meeting(meetingId).agree(description.strip(), owner, dueOn);
  }

  /** Each open action of the meeting is tracked on its own, so that the meeting itself ends. */
  public void trackActions(UUID meetingId) {
    Meeting meeting = meeting(meetingId);
    for (AgreedAction action : meeting.getActions()) {
      if (action.getDoneAt() == null) {
        process.track(meetingId, meeting.getReference(), action.getId(), action.getDueOn());
      }
    }
  }

  /** A liaison officer records an action done in Tasklist (the task's handler logs it). */
  public AgreedAction doneInTasklist(UUID meetingId, UUID actionId, String note, String actor) {
    return meeting(meetingId).done(actionId, note.strip(), actor, clock.instant());
  }

  /**
   * An action recorded done through the API: by the organisation ({@code organisation} present) for
   * an action one of its people owns, by a liaison officer for any, by other staff for the
   * authorities' actions. Its tracking ends.
   */
  public AgreedAction done(
      UUID meetingId,
      UUID actionId,
      Done done,
      Optional<UUID> organisation,
      boolean liaisonOfficer,
      String actor) {
    rules.check(done, List.of());
    Meeting meeting = meeting(meetingId);
    if (organisation.isPresent() && !organisation.get().equals(meeting.getOrganisationId())) {
      throw new NotFoundException("meeting " + meetingId);
    }
    AgreedAction action = meeting.action(actionId);
    Side may = organisation.isPresent() ? Side.ORGANISATION : Side.AUTHORITIES;
    if (!liaisonOfficer && action.getOwnerSide() != may) {
      throw new ConflictException(
          "action "
              + action.getPosition()
              + " is owned by "
              + action.getOwnerName()
              + (may == Side.ORGANISATION
                  ? " for the authorities: their liaison officer records it done"
                  : " for the organisation: the organisation or a liaison officer records it done"));
    }
    meeting.done(actionId, done.note().strip(), actor, clock.instant());
    log.record(
        meetingId,
        "action",
        "ACTION_DONE",
        "Action " + action.getPosition() + ": " + done.note().strip(),
        actor);
    process.actionDone(actionId);
    return action;
  }

  /** People named one a line, blank lines left out, each once. */
  private static List<String> names(String lines) {
    return lines.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /**
   * The meeting, locked until the step commits: two people on one meeting go one after the other.
   */
  private Meeting meeting(UUID meetingId) {
    return meetings
        .findForUpdateById(meetingId)
        .orElseThrow(() -> new NotFoundException("meeting " + meetingId));
  }

  /** A meeting arranged or asked for through the API. */
  public record Call(
      UUID organisationId,
      UUID reportId,
      @NotBlank @Size(max = 4000) String agenda,
      LocalDate plannedFor) {}

  /** What was done about an action. */
  public record Done(@NotBlank @Size(max = 4000) String note) {}
}
