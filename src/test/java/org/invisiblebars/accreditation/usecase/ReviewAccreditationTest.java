package org.invisiblebars.accreditation.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.Decision;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.DecisionInput;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The director's decision rules: reasons always, failed criteria for a rejection, and why when against the recommendation. */
class ReviewAccreditationTest {

  private final Accreditations accreditations = mock(Accreditations.class);
  private final DecisionLog decisionLog = mock(DecisionLog.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private final ReviewAccreditation review = new ReviewAccreditation(accreditations, mock(MouRepository.class),
      new AccreditationDecisions(decisionLog, clock), clock);
  private final Accreditation accreditation = new Accreditation(
      new Application(UUID.randomUUID(), MandateType.NGO, ProgrammeType.MONITORING, null, null, null, "Monitoring", null, null,
          12, List.of(UUID.randomUUID()), List.of(UUID.randomUUID())), "john", Instant.now(), null);

  @BeforeEach
  void recommended() {
    when(accreditations.lock(accreditation.getId())).thenReturn(accreditation);
    accreditation.recommend(30, Recommendation.RECOMMEND, "Strong", false, null);
  }

  @Test
  void reasonsAreAlwaysRequired() {
    assertThatThrownBy(() -> review.decide(accreditation.getId(), new DecisionInput(Decision.APPROVE, " ", null, null, null), "martha"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("decisionReasons: is required");
    verify(decisionLog, never()).save(any());
  }

  @Test
  void aRejectionNamesAFailedCriterionAndWhyItGoesAgainstTheRecommendation() {
    assertThatThrownBy(() -> review.decide(accreditation.getId(),
        new DecisionInput(Decision.REJECT, "Weak", null, List.of(), null), "martha"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("failedCriteria")
        .hasMessageContaining("againstRecommendationReason");

    boolean approved = review.decide(accreditation.getId(),
        new DecisionInput(Decision.REJECT, "Weak", null, List.of(Criterion.FUNDS), "Funding letter is forged"), "martha");

    assertThat(approved).isFalse();
    ArgumentCaptor<DecisionLogEntry> entry = ArgumentCaptor.forClass(DecisionLogEntry.class);
    verify(decisionLog).save(entry.capture());
    assertThat(entry.getValue().getDecidedBy()).isEqualTo("martha");
    assertThat(entry.getValue().getReasons()).contains("Weak", "funds", "Against the recommendation RECOMMEND", "forged");
  }

  @Test
  void conditionsAreRequiredForAConditionalApproval() {
    assertThatThrownBy(() -> review.decide(accreditation.getId(),
        new DecisionInput(Decision.APPROVE_WITH_CONDITIONS, "Good", " ", null, null), "martha"))
        .hasMessageContaining("conditions: is required");
    assertThat(review.decide(accreditation.getId(),
        new DecisionInput(Decision.APPROVE_WITH_CONDITIONS, "Good", "Quarterly reports", null, null), "martha")).isTrue();
  }

  @Test
  void approvingAgainstANegativeRecommendationNeedsAReason() {
    accreditation.recommend(15, Recommendation.NOT_RECOMMENDED, "Score too low", false, null);
    assertThatThrownBy(() -> review.decide(accreditation.getId(), new DecisionInput(Decision.APPROVE, "Good", null, null, null), "martha"))
        .hasMessageContaining("againstRecommendationReason: is required");
  }

  @Test
  void everyRatingProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> review.rateCriteria(accreditation.getId(), java.util.Map.of(), "lena"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).hasSize(2 * Criterion.values().length));
  }
}
