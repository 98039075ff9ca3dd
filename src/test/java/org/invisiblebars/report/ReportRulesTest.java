package org.invisiblebars.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.PlanAnswer;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.ReleaseReason;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.junit.jupiter.api.Test;

/** The report's rules: the period, the single extension, the waiver, publication and follow-up. */
class ReportRulesTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-02T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.ofInstant(SUBMITTED, ZoneOffset.UTC);

  private final Report report = report(MandateType.NGO);

  private static Report report(MandateType mandate) {
    return new Report(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "t",
        "v",
        null,
        "f",
        false,
        null,
        List.of(),
        mandate,
        List.of(
            new ReportRecommendation(1, "Paint", "Living", Priority.URGENT, ResourceEstimate.LOW),
            new ReportRecommendation(
                2, "Build", "Infrastructure", Priority.NON_URGENT, ResourceEstimate.HIGH)),
        30,
        "rita",
        SUBMITTED,
        null);
  }

  @Test
  void nothingIsReleasedBeforeThePeriodEndsAndWithoutEngagementTheReasonIsNoResponse() {
    assertThat(report.getReviewEndsAt()).isEqualTo(SUBMITTED.plus(30, ChronoUnit.DAYS));
    assertThatThrownBy(() -> report.release(SUBMITTED.plus(29, ChronoUnit.DAYS)))
        .isInstanceOf(ConflictException.class);
    assertThat(report.release(report.getReviewEndsAt())).isEqualTo(ReportStatus.RELEASED);
    assertThat(report.getReleaseReason()).isEqualTo(ReleaseReason.NO_RESPONSE);
    assertThat(report.getReleasedAt()).isEqualTo(report.getReviewEndsAt());
    assertThat(report.getPublishedAt()).as("released is not published").isNull();
  }

  @Test
  void engagedAuthoritiesSeeTheReportReleasedWithTheirResponseNotPublished() {
    engage();
    assertThat(report.getRecommendations().get(0).isShortTermLowResource()).isTrue();
    assertThat(report.getRecommendations().get(1).getAnswer())
        .as("a non-urgent one may stay unanswered")
        .isNull();
    assertThat(report.release(report.getReviewEndsAt())).isEqualTo(ReportStatus.RELEASED);
    assertThat(report.getReleaseReason()).isEqualTo(ReleaseReason.WITH_RESPONSE);
    assertThat(report.whyNotPublishable()).as("the NGO may ask to publish").isEmpty();
  }

  @Test
  void anIcrcReportStaysConfidentialAndCanNeverBePublished() {
    Report icrc = report(MandateType.ICRC);
    assertThat(icrc.release(icrc.getReviewEndsAt())).isEqualTo(ReportStatus.KEPT_CONFIDENTIAL);
    assertThat(icrc.getReleaseReason()).as("never released as free to use").isNull();
    assertThat(icrc.whyNotPublishable()).get().asString().contains("ICRC");
    assertThatThrownBy(() -> icrc.published(icrc.getReviewEndsAt()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void urgentRecommendationsMustBeAnsweredAndAnAcceptedOneNeedsAFutureDeadline() {
    UUID urgent = report.getRecommendations().get(0).getId();
    assertThatThrownBy(() -> report.submitPlan("martha", SUBMITTED))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("urgent recommendation 1");
    assertThat(problems(() -> report.answer(urgent, null, TODAY)))
        .containsExactly(new FieldProblem("answer", "must be given: recommendation 1 is urgent"));
    assertThat(
            problems(
                () ->
                    report.answer(
                        urgent,
                        new PlanAnswer(Answer.ACCEPTED, "cheap", "paint", "facilities", TODAY),
                        TODAY)))
        .containsExactly(new FieldProblem("deadline", "must be in the future"));
    report.answer(report.getRecommendations().get(1).getId(), null, TODAY);
    report.answer(urgent, new PlanAnswer(Answer.REJECTED, "no money", null, null, null), TODAY);
    report.submitPlan("martha", SUBMITTED);
    assertThat(report.getRecommendations())
        .extracting(ReportRecommendation::getAnswer)
        .containsExactly(Answer.REJECTED, null);
    assertThatThrownBy(
            () ->
                report.answer(
                    urgent,
                    new PlanAnswer(
                        Answer.ACCEPTED, "changed", "paint", "facilities", TODAY.plusDays(5)),
                    TODAY))
        .as("answers are fixed once submitted")
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void oneExtensionOfAtMost30DaysMovesThePeriodOnlyWhenAgreed() {
    assertThat(problems(() -> report.requestExtension(31, "r", "martha", SUBMITTED)))
        .containsExactly(new FieldProblem("days", "must be between 1 and 30"));
    assertThat(problems(() -> report.requestExtension(0, "r", "martha", SUBMITTED)))
        .containsExactly(new FieldProblem("days", "must be between 1 and 30"));
    report.requestExtension(10, "budget", "martha", SUBMITTED);
    assertThatThrownBy(() -> report.requestExtension(5, "again", "martha", SUBMITTED))
        .isInstanceOf(ConflictException.class);
    report.answerExtension(true, "rita", SUBMITTED);
    assertThat(report.getReviewEndsAt()).isEqualTo(SUBMITTED.plus(40, ChronoUnit.DAYS));
    assertThatThrownBy(() -> report.answerExtension(false, "rita", SUBMITTED))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theDirectorsWaiverReleasesEarlyOnceThePlanIsInWithItsReasons() {
    assertThatThrownBy(() -> report.waive("open", "martha", SUBMITTED))
        .isInstanceOf(ConflictException.class);
    engage();
    report.waive("Nothing to hide", "martha", SUBMITTED.plus(1, ChronoUnit.DAYS));
    assertThat(report.release(SUBMITTED.plus(1, ChronoUnit.DAYS))).isEqualTo(ReportStatus.RELEASED);
    assertThat(report.getReleaseReason()).isEqualTo(ReleaseReason.WAIVED);
    assertThat(report.getWaiverReasons()).isEqualTo("Nothing to hide");
    assertThat(report.getPublishedAt()).isNull();
  }

  @Test
  void followUpClosesWhenEveryAcceptedRecommendationIsImplementedOrNot() {
    engage();
    report.release(report.getReviewEndsAt());
    UUID accepted = report.getRecommendations().get(0).getId();
    LocalDate later = LocalDate.of(2027, 6, 1);
    assertThat(
            problems(
                () ->
                    report.recordFollowUp(
                        accepted, FollowUpStatus.IN_PROGRESS, TODAY, "half", "lena", SUBMITTED)))
        .containsExactly(new FieldProblem("newDeadline", "must be in the future"));
    report.recordFollowUp(accepted, FollowUpStatus.IN_PROGRESS, later, "half", "lena", SUBMITTED);
    assertThat(report.getRecommendations().get(0).getDeadline()).isEqualTo(later);
    assertThatThrownBy(() -> report.closeFollowUp(SUBMITTED)).isInstanceOf(ConflictException.class);
    report.recordFollowUp(accepted, FollowUpStatus.IMPLEMENTED, null, "done", "lena", SUBMITTED);
    report.closeFollowUp(SUBMITTED);
    assertThat(report.getFollowUpClosedAt()).isEqualTo(SUBMITTED);
    assertThatThrownBy(
            () ->
                report.recordFollowUp(
                    accepted, FollowUpStatus.IMPLEMENTED, null, "again", "lena", SUBMITTED))
        .isInstanceOf(ConflictException.class);
  }

  private void engage() {
    report.holdMeeting(
        LocalDate.ofInstant(SUBMITTED, ZoneOffset.UTC), "Director", "Rita", "minutes", "lena");
    report.answer(
        report.getRecommendations().get(0).getId(),
        new PlanAnswer(Answer.ACCEPTED, "cheap", "paint", "facilities", TODAY.plusDays(30)),
        TODAY);
    report.submitPlan("martha", SUBMITTED);
  }

  private static List<FieldProblem> problems(ThrowingCallable refused) {
    return catchThrowableOfType(refused, InvalidInputException.class).problems();
  }
}
