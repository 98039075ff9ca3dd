package org.invisiblebars.report.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.platform.validation.FieldCheck;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.PlanAnswer;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff and the NGO do while a report is reviewed and followed up. Tasklist forms send their
 * fields here through the task listener; invalid input fails with every field named and nothing
 * saved. Decisions (referral, plan of action, extension, waiver, follow-up) go to the decision log
 * with their reasons.
 */
@Service
@Transactional
public class ReviewReport {

  /** Separates the columns of one line of the acknowledgement and plan-of-action forms. */
  public static final String COLUMN = "|";

  private final ReportRepository reports;
  private final ReportSubject log;
  private final ReportProcessPort process;
  private final Clock clock;

  ReviewReport(ReportRepository reports, ReportSubject log, ReportProcessPort process, Clock clock) {
    this.reports = reports;
    this.log = log;
    this.process = process;
    this.clock = clock;
  }

  /** The director records where an allegation was referred. */
  public void referAllegation(UUID reportId, String competentBody, String reference, String actor) {
    new FieldCheck().requireText(competentBody, "competentBody", 300).requireText(reference, "referralReference", 200).orThrow();
    report(reportId).referAllegation(competentBody.strip(), reference.strip(), actor, clock.instant());
    log.record(reportId, Element.REFER_ALLEGATION, "REFERRED", competentBody.strip() + ", reference " + reference.strip(), actor);
  }

  /** The director acknowledges the report; one line {@code n | unit} per recommendation. */
  public void acknowledge(UUID reportId, String responsibleUnits, String actor) {
    Report report = report(reportId);
    Map<Integer, List<String>> lines = lines(responsibleUnits, "responsibleUnits", report);
    FieldCheck check = new FieldCheck();
    List<String> units = new ArrayList<>();
    for (ReportRecommendation r : report.getRecommendations()) {
      List<String> columns = lines.get(r.getPosition());
      String unit = columns == null || columns.isEmpty() ? null : columns.get(0);
      check.requireText(unit, "responsibleUnits[" + r.getPosition() + "]", 200);
      units.add(unit == null ? null : unit.strip());
    }
    check.orThrow();
    report.acknowledge(units, actor, clock.instant());
  }

  /** The liaison officer records the coordination meeting. */
  public void holdMeeting(UUID reportId, String meetingDate, String authorities, String ngo, String minutes, String actor) {
    LocalDate date = date(meetingDate, "meetingDate");
    new FieldCheck()
        .require(date != null, "meetingDate", "is required (YYYY-MM-DD)")
        .require(date == null || !date.isAfter(LocalDate.now(clock)), "meetingDate", "must not be in the future")
        .requireText(authorities, "authorityParticipants", 2000)
        .requireText(ngo, "ngoParticipants", 2000)
        .requireText(minutes, "meetingMinutes", 8000)
        .orThrow();
    report(reportId).holdMeeting(date, authorities.strip(), ngo.strip(), minutes.strip(), actor);
  }

  /**
   * The director's plan of action: one line {@code n | answer | reasons | action | owner | deadline}
   * per recommendation; accepted and partially accepted ones need an action, owner and future
   * deadline; urgent ones must be answered.
   */
  public void preparePlan(UUID reportId, String planOfAction, String actor) {
    Report report = report(reportId);
    Map<Integer, List<String>> lines = lines(planOfAction, "planOfAction", report);
    FieldCheck check = new FieldCheck();
    Map<Integer, PlanAnswer> answers = new HashMap<>();
    for (ReportRecommendation r : report.getRecommendations()) {
      String field = "planOfAction[" + r.getPosition() + "]";
      List<String> c = lines.getOrDefault(r.getPosition(), List.of());
      String answerText = column(c, 0);
      if (answerText == null) {
        check.require(r.getPriority() != Priority.URGENT, field + ".answer", "is urgent and must be answered");
        continue;
      }
      Answer answer = answer(answerText);
      check.require(answer != null, field + ".answer", "must be ACCEPTED, PARTIALLY_ACCEPTED or REJECTED")
          .requireText(column(c, 1), field + ".reasons", 4000);
      LocalDate deadline = null;
      if (answer != null && answer.commits()) {
        deadline = date(column(c, 4), field + ".deadline");
        check.requireText(column(c, 2), field + ".action", 4000)
            .requireText(column(c, 3), field + ".owner", 200)
            .require(deadline != null && deadline.isAfter(LocalDate.now(clock)), field + ".deadline", "is required (YYYY-MM-DD) and must be in the future");
      }
      if (answer != null) {
        answers.put(r.getPosition(), new PlanAnswer(answer, column(c, 1), column(c, 2), column(c, 3), deadline));
      }
    }
    check.orThrow();
    report.submitPlan(answers, actor, clock.instant());
    log.record(reportId, Element.PREPARE_PLAN_OF_ACTION, "PLAN_OF_ACTION", answers.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().answer() + " (" + e.getValue().reasons() + ")")
        .collect(Collectors.joining("; ")), actor);
  }

  /** The director asks, once, for at most 30 more days; the NGO must agree. */
  public Report requestExtension(UUID reportId, Integer days, String reasons, String actor) {
    new FieldCheck().requireRange(days, "days", 1, Report.MAX_EXTENSION_DAYS).requireText(reasons, "reasons", 4000).orThrow();
    Report report = report(reportId);
    report.requestExtension(days, reasons.strip(), actor, clock.instant());
    log.record(reportId, "extension", "EXTENSION_REQUESTED", days + " days: " + reasons.strip(), actor);
    return report;
  }

  /** The NGO agrees to or refuses the extension; agreement moves the end of the period. */
  public Report answerExtension(UUID reportId, Boolean agree, String reasons, String actor) {
    new FieldCheck().require(agree != null, "agree", "is required: true or false").optionalText(reasons, "reasons", 4000).orThrow();
    Report report = report(reportId);
    report.answerExtension(agree, actor, clock.instant());
    log.record(reportId, "extension", agree ? "EXTENSION_AGREED" : "EXTENSION_REFUSED", reasons, actor);
    if (agree) {
      process.extensionAgreed(reportId, report.getReviewEndsAt());
    }
    return report;
  }

  /** The director waives the rest of the confidential period: the report is published now. */
  public Report waive(UUID reportId, String reasons, String actor) {
    new FieldCheck().requireText(reasons, "reasons", 4000).orThrow();
    Report report = report(reportId);
    report.waive(actor, clock.instant());
    log.record(reportId, "waiver", "CONFIDENTIALITY_WAIVED", reasons.strip(), actor);
    process.confidentialityWaived(reportId);
    return report;
  }

  /** At the end of the period: PUBLISHED or RELEASED; returns whether the authorities engaged. */
  public boolean publish(UUID reportId) {
    return report(reportId).publish(clock.instant()) == ReportStatus.PUBLISHED;
  }

  /** The recommendations to follow up: accepted in whole or part. */
  @Transactional(readOnly = true)
  public List<UUID> followUps(UUID reportId) {
    return read(reportId).getRecommendations().stream().filter(ReportRecommendation::isFollowedUp)
        .map(ReportRecommendation::getId).toList();
  }

  /** When the recommendation is next followed up: its current deadline, at the start of the day (UTC). */
  @Transactional(readOnly = true)
  public Instant followUpAt(UUID reportId, UUID recommendationId) {
    return read(reportId).recommendation(recommendationId).getDeadline().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The liaison officer records a follow-up; returns whether the recommendation is now closed. */
  public boolean recordFollowUp(UUID reportId, UUID recommendationId, String outcome, String newDeadline, String notes, String actor) {
    FollowUpStatus status = outcome == null ? null : switch (outcome) {
      case "IMPLEMENTED" -> FollowUpStatus.IMPLEMENTED;
      case "IN_PROGRESS" -> FollowUpStatus.IN_PROGRESS;
      case "NOT_IMPLEMENTED" -> FollowUpStatus.NOT_IMPLEMENTED;
      default -> null;
    };
    LocalDate deadline = date(newDeadline, "newDeadline");
    new FieldCheck()
        .require(status != null, "followUpOutcome", "must be IMPLEMENTED, IN_PROGRESS or NOT_IMPLEMENTED")
        .require(status != FollowUpStatus.IN_PROGRESS || (deadline != null && deadline.isAfter(LocalDate.now(clock))),
            "newDeadline", "is required when in progress (YYYY-MM-DD) and must be in the future")
        .requireText(notes, "followUpNotes", 4000)
        .orThrow();
    report(reportId).recordFollowUp(recommendationId, status, deadline, notes.strip(), actor, clock.instant());
    log.record(reportId, Element.RECORD_FOLLOW_UP, status.name(), notes.strip(), actor);
    return status.isClosed();
  }

  public void closeFollowUp(UUID reportId) {
    report(reportId).closeFollowUp(clock.instant());
  }

  /**
   * The report, locked until the step commits: the director's extension request and waiver, the
   * NGO's answer, the staff's tasks and the end of the period on one report are applied one after
   * the other, so a second request at the same moment sees the first and is refused with 409.
   */
  private Report report(UUID reportId) {
    return reports.findForUpdateById(reportId).orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  private Report read(UUID reportId) {
    return reports.findById(reportId).orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  /** Lines {@code n | column | ...} by recommendation number; unknown or repeated numbers are refused. */
  private static Map<Integer, List<String>> lines(String text, String field, Report report) {
    Map<Integer, List<String>> lines = new HashMap<>();
    if (text == null) {
      return lines;
    }
    int count = report.getRecommendations().size();
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      List<String> columns = new ArrayList<>(List.of(line.split("\\" + COLUMN, -1)));
      Integer number;
      try {
        number = Integer.valueOf(columns.remove(0).strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.of(field, "each line starts with the recommendation number, then " + COLUMN);
      }
      if (number < 1 || number > count || lines.containsKey(number)) {
        throw InvalidInputException.of(field, "recommendation " + number + " is unknown or given twice (1 to " + count + ")");
      }
      lines.put(number, columns);
    }
    return lines;
  }

  private static String column(List<String> columns, int index) {
    if (index >= columns.size() || columns.get(index).isBlank()) {
      return null;
    }
    return columns.get(index).strip();
  }

  private static Answer answer(String text) {
    try {
      return Answer.valueOf(text.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be a date YYYY-MM-DD");
    }
  }
}
