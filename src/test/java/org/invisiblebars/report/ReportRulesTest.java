package org.invisiblebars.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.PlanAnswer;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.junit.jupiter.api.Test;

/** The report's rules: the period, the single extension, the waiver, publication and follow-up. */
class ReportRulesTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-02T10:00:00Z");

  private final Report report = new Report(UUID.randomUUID(), UUID.randomUUID(), "t", "v", null, "f", false,
      List.of(new ReportRecommendation(1, "Paint", "Living", Priority.URGENT, ResourceEstimate.LOW),
          new ReportRecommendation(2, "Build", "Infrastructure", Priority.NON_URGENT, ResourceEstimate.HIGH)),
      30, "rita", SUBMITTED, null);

  @Test
  void nothingPublishesBeforeThePeriodEndsAndWithoutEngagementTheReportIsReleased() {
    assertThat(report.getReviewEndsAt()).isEqualTo(SUBMITTED.plus(30, ChronoUnit.DAYS));
    assertThatThrownBy(() -> report.publish(SUBMITTED.plus(29, ChronoUnit.DAYS))).isInstanceOf(ConflictException.class);
    assertThat(report.publish(report.getReviewEndsAt())).isEqualTo(ReportStatus.RELEASED);
  }

  @Test
  void engagedAuthoritiesArePublishedAndShortTermLowResourceActionsAreMarked() {
    engage();
    assertThat(report.getRecommendations().get(0).isShortTermLowResource()).isTrue();
    assertThat(report.getRecommendations().get(1).getAnswer()).as("a non-urgent one may stay unanswered").isNull();
    assertThat(report.publish(report.getReviewEndsAt())).isEqualTo(ReportStatus.PUBLISHED);
  }

  @Test
  void urgentRecommendationsMustBeAnswered() {
    assertThatThrownBy(() -> report.submitPlan(Map.of(), "martha", SUBMITTED)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneExtensionOfAtMost30DaysMovesThePeriodOnlyWhenAgreed() {
    assertThatThrownBy(() -> report.requestExtension(31, "r", "martha", SUBMITTED)).isInstanceOf(IllegalArgumentException.class);
    report.requestExtension(10, "budget", "martha", SUBMITTED);
    assertThatThrownBy(() -> report.requestExtension(5, "again", "martha", SUBMITTED)).isInstanceOf(ConflictException.class);
    report.answerExtension(true, "rita", SUBMITTED);
    assertThat(report.getReviewEndsAt()).isEqualTo(SUBMITTED.plus(40, ChronoUnit.DAYS));
    assertThatThrownBy(() -> report.answerExtension(false, "rita", SUBMITTED)).isInstanceOf(ConflictException.class);
  }

  @Test
  void theDirectorsWaiverPublishesEarlyOnceThePlanIsIn() {
    assertThatThrownBy(() -> report.waive("martha", SUBMITTED)).isInstanceOf(ConflictException.class);
    engage();
    report.waive("martha", SUBMITTED.plus(1, ChronoUnit.DAYS));
    assertThat(report.publish(SUBMITTED.plus(1, ChronoUnit.DAYS))).isEqualTo(ReportStatus.PUBLISHED);
  }

  @Test
  void followUpClosesWhenEveryAcceptedRecommendationIsImplementedOrNot() {
    engage();
    report.publish(report.getReviewEndsAt());
    UUID accepted = report.getRecommendations().get(0).getId();
    LocalDate later = LocalDate.of(2027, 6, 1);
    report.recordFollowUp(accepted, FollowUpStatus.IN_PROGRESS, later, "half", "lena", SUBMITTED);
    assertThat(report.getRecommendations().get(0).getDeadline()).isEqualTo(later);
    assertThatThrownBy(() -> report.closeFollowUp(SUBMITTED)).isInstanceOf(ConflictException.class);
    report.recordFollowUp(accepted, FollowUpStatus.IMPLEMENTED, null, "done", "lena", SUBMITTED);
    report.closeFollowUp(SUBMITTED);
    assertThat(report.getFollowUpClosedAt()).isEqualTo(SUBMITTED);
    assertThatThrownBy(() -> report.recordFollowUp(accepted, FollowUpStatus.IMPLEMENTED, null, "again", "lena", SUBMITTED))
        .isInstanceOf(ConflictException.class);
  }

  private void engage() {
    report.holdMeeting(LocalDate.ofInstant(SUBMITTED, ZoneOffset.UTC), "Director", "Rita", "minutes", "lena");
    report.submitPlan(Map.of(1, new PlanAnswer(Answer.ACCEPTED, "cheap", "paint", "facilities",
        LocalDate.ofInstant(SUBMITTED, ZoneOffset.UTC).plusDays(30))), "martha", SUBMITTED);
  }
}
