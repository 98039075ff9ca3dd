package org.invisiblebars.report.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.validation.WithinYears;
import org.invisiblebars.report.domain.AnswerComment;
import org.invisiblebars.report.domain.AnswerCommentRepository;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.OwnReferral;
import org.invisiblebars.report.domain.OwnReferralRepository;
import org.invisiblebars.report.domain.PlanAnswer;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff and the NGO do while a report is reviewed and followed up. Tasklist forms reach this
 * through their tasks' handlers, which have validated their fields and write the decision log for
 * their steps; the NGO API's requests (extension, its answer, a waiver) are checked and logged
 * here. A rule that needs the report (an urgent recommendation must be answered, a deadline in the
 * future) fails naming the field, with nothing saved.
 */
@Service
@Transactional
public class ReviewReport {

  private final ReportRepository reports;
  private final OwnReferralRepository ownReferrals;
  private final ReportSubject log;
  private final ReportProcessPort process;
  private final Clock clock;
  private final InputRules rules;
  private final AnswerCommentRepository comments;
  private final ReportNotices notices;

  ReviewReport(
      ReportRepository reports,
      OwnReferralRepository ownReferrals,
      ReportSubject log,
      ReportProcessPort process,
      Clock clock,
      InputRules rules,
      AnswerCommentRepository comments,
      ReportNotices notices) {
    this.notices = notices;
    this.rules = rules;
    this.comments = comments;
    this.reports = reports;
    this.ownReferrals = ownReferrals;
    this.log = log;
    this.process = process;
    this.clock = clock;
  }

  /**
   * The oversight body records where it referred an allegation (the facility's director, who may be
   * implicated, does not); the organisation sees the body, the reference and when.
   */
  public void referAllegation(UUID reportId, String competentBody, String reference, String actor) {
    report(reportId)
        .referAllegation(competentBody.strip(), reference.strip(), actor, clock.instant());
  }

  /**
   * The director names the unit responsible for one recommendation; the first acknowledges the
   * report.
   */
  public ReportRecommendation assign(
      UUID reportId, UUID recommendationId, String unit, String actor) {
    Report report = report(reportId);
    report.assign(recommendationId, unit.strip(), actor, clock.instant());
    return report.recommendation(recommendationId);
  }

  /**
   * The coordination meeting of the review is held (its minutes are the meeting's, recorded by the
   * coordination-meeting process that report-review calls): the authorities engaged. It cannot have
   * been in the future.
   */
  public void holdMeeting(
      UUID reportId,
      LocalDate meetingDate,
      String authorities,
      String ngo,
      String minutes,
      String actor) {
    if (meetingDate.isAfter(LocalDate.now(clock))) {
      throw InvalidInputException.of("meetingDate", "must not be in the future");
    }
    report(reportId)
        .holdMeeting(meetingDate, authorities.strip(), ngo.strip(), minutes.strip(), actor);
    log.record(reportId, "coordination-meeting", "MEETING_HELD", "held on " + meetingDate, actor);
  }

  /**
   * The director's answer to one recommendation, or none ({@code null}) for a non-urgent one; it
   * reaches the organisation with the plan of action.
   */
  public ReportRecommendation answer(UUID reportId, UUID recommendationId, PlanAnswer answer) {
    Report report = report(reportId);
    report.answer(recommendationId, answer, LocalDate.now(clock));
    return report.recommendation(recommendationId);
  }

  /** The director submits the answers as the plan of action. */
  public Report submitPlan(UUID reportId, String actor) {
    Report report = report(reportId);
    report.submitPlan(actor, clock.instant());
    notices.tell(report, ReportNotices.PLAN_SUBMITTED);
    return report;
  }

  /** The director asks in Tasklist, once, for more days; the NGO must agree. Logged by the task. */
  public void askForMoreTime(UUID reportId, int days, String reasons, String actor) {
    Report report = report(reportId);
    report.requestExtension(days, reasons.strip(), actor, clock.instant());
    notices.tell(report, ReportNotices.EXTENSION_REQUESTED);
  }

  /**
   * The director waives confidentiality with the plan of action in Tasklist: the task's flag ends
   * the confidential review in the same process instance. Logged by the task.
   */
  public void waiveWithPlan(UUID reportId, String reasons, String actor) {
    report(reportId).waive(reasons.strip(), actor, clock.instant());
  }

  /** The director asks through the API, once, for more days; the NGO must agree. */
  public Report requestExtension(UUID reportId, Integer days, String reasons, String actor) {
    // the request names every bad field at once: the report's own rule for the days, checked here
    // too
    rules.check(
        new ExtensionRequest(days, reasons),
        days == null || Report.allowsExtensionOf(days)
            ? List.of()
            : List.of(new FieldProblem("days", Report.EXTENSION_DAYS_RULE)));
    Report report = report(reportId);
    report.requestExtension(days, reasons.strip(), actor, clock.instant());
    notices.tell(report, ReportNotices.EXTENSION_REQUESTED);
    log.record(
        reportId, "extension", "EXTENSION_REQUESTED", days + " days: " + reasons.strip(), actor);
    return report;
  }

  /** The NGO agrees to or refuses the extension; agreement moves the end of the period. */
  public Report answerExtension(UUID reportId, Boolean agree, String reasons, String actor) {
    rules.check(new ExtensionAnswer(agree, reasons), List.of());
    Report report = report(reportId);
    report.answerExtension(agree, actor, clock.instant());
    log.record(
        reportId, "extension", agree ? "EXTENSION_AGREED" : "EXTENSION_REFUSED", reasons, actor);
    if (agree) {
      process.extensionAgreed(reportId, report.getReviewEndsAt());
    }
    return report;
  }

  /**
   * The director waives the rest of the confidential period through the API: the report is released
   * to its organisation now (not published: only the organisation may ask for that).
   */
  public Report waive(UUID reportId, String reasons, String actor) {
    rules.check(new Waiver(reasons), List.of());
    Report report = report(reportId);
    report.waive(reasons.strip(), actor, clock.instant());
    log.record(reportId, "waiver", "CONFIDENTIALITY_WAIVED", reasons.strip(), actor);
    process.confidentialityWaived(reportId);
    return report;
  }

  /**
   * The organisation comments on the authorities' answer to one recommendation, once the plan of
   * action is submitted; as often as it likes (each comment is kept and logged), so the answers
   * become a dialogue the next coordination meeting reads beside each answer.
   */
  public AnswerComment commentOnAnswer(UUID reportId, int position, String comment, String actor) {
    rules.check(new AnswerCommentRequest(comment), List.of());
    ReportRecommendation recommendation = report(reportId).answeredRecommendation(position);
    AnswerComment saved =
        comments.save(
            new AnswerComment(
                reportId, recommendation.getId(), comment.strip(), actor, clock.instant()));
    log.record(
        reportId,
        "plan-of-action",
        "ANSWER_COMMENTED",
        "Recommendation " + position + ": " + comment.strip(),
        actor);
    return saved;
  }

  /**
   * At the end of the period (or after a waiver): released to the organisation, or kept
   * confidential for an ICRC report; returns whether the authorities engaged (their plan is then
   * followed up).
   */
  public boolean release(UUID reportId) {
    Report report = report(reportId);
    report.release(clock.instant());
    notices.tell(
        report,
        report.getStatus() == ReportStatus.KEPT_CONFIDENTIAL
            ? ReportNotices.KEPT_CONFIDENTIAL
            : ReportNotices.RELEASED);
    return report.isEngaged();
  }

  /** The recommendations to follow up: accepted in whole or part. */
  @Transactional(readOnly = true)
  public List<UUID> followUps(UUID reportId) {
    return read(reportId).getRecommendations().stream()
        .filter(ReportRecommendation::isFollowedUp)
        .map(ReportRecommendation::getId)
        .toList();
  }

  /**
   * When the recommendation is next followed up: its current deadline, at the start of the day
   * (UTC).
   */
  @Transactional(readOnly = true)
  public Instant followUpAt(UUID reportId, UUID recommendationId) {
    return read(reportId)
        .recommendation(recommendationId)
        .getDeadline()
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /** The liaison officer records a follow-up; returns whether the recommendation is now closed. */
  public boolean recordFollowUp(
      UUID reportId,
      UUID recommendationId,
      FollowUpStatus outcome,
      LocalDate newDeadline,
      String notes,
      String actor) {
    report(reportId)
        .recordFollowUp(
            recommendationId, outcome, newDeadline, notes.strip(), actor, clock.instant());
    return outcome.isClosed();
  }

  public void closeFollowUp(UUID reportId) {
    report(reportId).closeFollowUp(clock.instant());
  }

  /**
   * The report, locked until the step commits: the director's extension request and waiver, the
   * NGO's answer, the staff's tasks and the end of the period on one report are applied one after
   * the other, so a second request at the same moment sees the first and is refused with 409.
   */
  /**
   * The organisation records its own referral of the report's allegation to a competent body (it
   * need not wait for the oversight body's); logged, and shown to it and to the reviewing staff.
   */
  public OwnReferral recordOwnReferral(UUID reportId, OwnReferralRequest request, String actor) {
    rules.check(request, List.of());
    OwnReferral referral =
        ownReferrals.save(
            OwnReferral.of(
                report(reportId),
                request.competentBody(),
                request.reference(),
                request.referredOn(),
                LocalDate.now(clock),
                actor,
                clock.instant()));
    log.record(
        reportId,
        "referral",
        "REFERRED_BY_ORGANISATION",
        referral.getCompetentBody()
            + ", reference "
            + referral.getReference()
            + ", on "
            + referral.getReferredOn(),
        actor);
    return referral;
  }

  private Report report(UUID reportId) {
    return reports
        .findForUpdateById(reportId)
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  private Report read(UUID reportId) {
    return reports
        .findById(reportId)
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  /**
   * The director's request for more days (the report's own rule on the days is checked with it).
   */
  record ExtensionRequest(@NotNull Integer days, @NotBlank @Size(max = 4000) String reasons) {}

  /** Why the director waives the confidential period. */
  record Waiver(@NotBlank @Size(max = 4000) String reasons) {}

  /** The organisation's comment on one answer of the plan of action. */
  record AnswerCommentRequest(@NotBlank @Size(max = 4000) String comment) {}

  /** The NGO's answer to a request for more days. */
  record ExtensionAnswer(
      @NotNull(message = "is required: true or false") Boolean agree,
      @Size(max = 4000) String reasons) {}

  /** The organisation's own referral of the allegation: to whom, their reference, and when. */
  public record OwnReferralRequest(
      @NotBlank @Size(max = 300) String competentBody,
      @NotBlank @Size(max = 200) String reference,
      @NotNull(message = "is required: the day of the referral") @WithinYears(100)
          LocalDate referredOn) {}
}
