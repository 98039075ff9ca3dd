package org.invisiblebars.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.accreditation.domain.Criterion.EXPERTISE;
import static org.invisiblebars.accreditation.domain.Criterion.FUNDS;
import static org.invisiblebars.accreditation.domain.Criterion.KNOWLEDGE;
import static org.invisiblebars.accreditation.domain.Criterion.REPUTATION;
import static org.invisiblebars.accreditation.domain.Criterion.TRACK_RECORD;
import static org.invisiblebars.accreditation.domain.ProgrammeType.MONITORING;
import static org.invisiblebars.accreditation.domain.ProgrammeType.PRISON_SERVICES;
import static org.invisiblebars.accreditation.domain.Recommendation.NOT_RECOMMENDED;
import static org.invisiblebars.accreditation.domain.Recommendation.RECOMMEND;
import static org.invisiblebars.accreditation.domain.Recommendation.RECOMMEND_WITH_CONDITIONS;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.invisiblebars.accreditation.adapter.process.DmnCriteriaDecision;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.support.DecisionTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The criteria table of processes/accreditation-criteria.dmn on the standalone DMN engine: one test
 * per rule and per threshold. The table's hit policy is FIRST, so each test also names the rule
 * that matched; a reordered table fails here even when the outputs happen to agree.
 */
class AccreditationCriteriaDecisionTest {

  private static final String DECISION_KEY = "accreditation-criteria";

  private DecisionTable decision;

  @BeforeEach
  void parseDecision() throws IOException {
    decision = DecisionTable.load("processes/accreditation-criteria.dmn", DECISION_KEY);
  }

  @Test
  void anyCriterionRatedOneIsNotRecommended() {
    assertThat(decide(ratedAll(5).rating(FUNDS, 1)))
        .isEqualTo(
            new Outcome(
                "DecisionRule_LowestRatingOne",
                NOT_RECOMMENDED,
                "At least one criterion is rated 1 (insufficient evidence).",
                31));
  }

  @Test
  void criterionRatedOneOutranksEveryOtherRule() {
    assertThat(
            decide(ratedAll(2).rating(REPUTATION, 1).securedFor(3).programme(PRISON_SERVICES))
                .rule())
        .isEqualTo("DecisionRule_LowestRatingOne");
  }

  @Test
  void scoreBelowEighteenIsNotRecommended() {
    assertThat(decide(ratedAll(2).rating(KNOWLEDGE, 3).rating(EXPERTISE, 3).rating(FUNDS, 3)))
        .isEqualTo(
            new Outcome(
                "DecisionRule_ScoreBelowEighteen",
                NOT_RECOMMENDED,
                "The total score is below 18 of 35.",
                17));
  }

  @Test
  void scoreOfEighteenIsAdequate() {
    assertThat(
            decide(
                ratedAll(2)
                    .rating(KNOWLEDGE, 3)
                    .rating(EXPERTISE, 3)
                    .rating(FUNDS, 3)
                    .rating(REPUTATION, 3)))
        .isEqualTo(adequate(18));
  }

  @Test
  void lowScoreOutranksShortFunding() {
    assertThat(decide(ratedAll(2).securedFor(3).programme(PRISON_SERVICES)).rule())
        .isEqualTo("DecisionRule_ScoreBelowEighteen");
  }

  @Test
  void prisonServicesFundedForElevenMonthsNeedAContinuityPlan() {
    assertThat(decide(ratedAll(5).securedFor(11).programme(PRISON_SERVICES)))
        .isEqualTo(
            new Outcome(
                "DecisionRule_PrisonServicesFundingBelowTwelveMonths",
                RECOMMEND_WITH_CONDITIONS,
                "Prison services need funding secured for 12 months or more: require a continuity plan.",
                35));
  }

  @Test
  void prisonServicesFundedForTwelveMonthsNeedNoContinuityPlan() {
    assertThat(decide(ratedAll(5).securedFor(12).programme(PRISON_SERVICES))).isEqualTo(strong(35));
  }

  @Test
  void otherProgrammesFundedForElevenMonthsNeedNoContinuityPlan() {
    assertThat(decide(ratedAll(5).securedFor(11).programme(MONITORING))).isEqualTo(strong(35));
  }

  @Test
  void prisonServicesFundedForFiveMonthsGetTheContinuityCondition() {
    assertThat(decide(ratedAll(5).securedFor(5).programme(PRISON_SERVICES)).rule())
        .isEqualTo("DecisionRule_PrisonServicesFundingBelowTwelveMonths");
  }

  @Test
  void fundingSecuredForFiveMonthsNeedsASustainabilityPlan() {
    assertThat(decide(ratedAll(5).securedFor(5)))
        .isEqualTo(
            new Outcome(
                "DecisionRule_FundingBelowSixMonths",
                RECOMMEND_WITH_CONDITIONS,
                "Funding is secured for less than 6 months: require a sustainability plan.",
                35));
  }

  @Test
  void fundingSecuredForSixMonthsNeedsNoSustainabilityPlan() {
    assertThat(decide(ratedAll(5).securedFor(6))).isEqualTo(strong(35));
  }

  @Test
  void scoreOfTwentyEightWithNoCriterionBelowThreeIsRecommended() {
    assertThat(decide(ratedAll(4))).isEqualTo(strong(28));
  }

  @Test
  void scoreOfTwentySevenIsAdequate() {
    assertThat(decide(ratedAll(4).rating(TRACK_RECORD, 3))).isEqualTo(adequate(27));
  }

  @Test
  void highScoreWithLowestRatingThreeIsRecommended() {
    assertThat(decide(ratedAll(5).rating(REPUTATION, 3))).isEqualTo(strong(33));
  }

  @Test
  void highScoreWithACriterionRatedTwoIsAdequate() {
    assertThat(decide(ratedAll(5).rating(REPUTATION, 2))).isEqualTo(adequate(32));
  }

  @Test
  void middlingApplicationIsRecommendedWithConditions() {
    assertThat(decide(ratedAll(3))).isEqualTo(adequate(21));
  }

  private static Outcome strong(int score) {
    return new Outcome(
        "DecisionRule_StrongOnEveryCriterion", RECOMMEND, "Strong on every criterion.", score);
  }

  private static Outcome adequate(int score) {
    return new Outcome(
        "DecisionRule_AdequateOverall",
        RECOMMEND_WITH_CONDITIONS,
        "Adequate overall: set conditions for the weaker criteria.",
        score);
  }

  /** Evaluates the table with its required score decision, as the process does. */
  private Outcome decide(Application application) {
    DecisionTable.Evaluation result = decision.evaluate(application.variables());
    return new Outcome(
        result.rule(),
        Recommendation.valueOf(result.get("recommendation")),
        result.get("rationale"),
        result.get("score"));
  }

  private static Application ratedAll(int rating) {
    Map<Criterion, Integer> ratings = new EnumMap<>(Criterion.class);
    for (Criterion criterion : Criterion.values()) {
      ratings.put(criterion, rating);
    }
    return new Application(ratings, 24, MONITORING);
  }

  /**
   * What the decision reads from an application: the seven ratings, secured funding and programme.
   */
  private record Application(
      Map<Criterion, Integer> ratings, int sustainabilityMonths, ProgrammeType programme) {

    Application rating(Criterion criterion, int rating) {
      Map<Criterion, Integer> changed = new EnumMap<>(ratings);
      changed.put(criterion, rating);
      return new Application(changed, sustainabilityMonths, programme);
    }

    Application securedFor(int months) {
      return new Application(ratings, months, programme);
    }

    Application programme(ProgrammeType type) {
      return new Application(ratings, sustainabilityMonths, type);
    }

    VariableMap variables() {
      return DmnCriteriaDecision.inputs(ratings, sustainabilityMonths, programme);
    }
  }

  private record Outcome(
      String rule, Recommendation recommendation, String rationale, Integer score) {}
}
