package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.DecideAccreditationHandler.Form;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class DecideAccreditationHandlerTest {

  @Test
  void aDecisionAndReasonsAreAlwaysRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("decision", "is required"),
            new FieldProblem("decisionReasons", "is required"));
    assertThat(
            FormRules.problems(Form.class, Map.of("decision", "APPROVE", "decisionReasons", " ")))
        .containsExactly(new FieldProblem("decisionReasons", "is required"));
    assertThat(
            FormRules.problems(Form.class, Map.of("decision", "DEFER", "decisionReasons", "Later")))
        .containsExactly(
            new FieldProblem(
                "decision", "must be one of [APPROVE, APPROVE_WITH_CONDITIONS, REJECT]"));
  }

  @Test
  void conditionsAreRequiredForAConditionalApprovalOnly() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "decision",
                    "APPROVE_WITH_CONDITIONS",
                    "decisionReasons",
                    "Good",
                    "conditions",
                    " ")))
        .containsExactly(new FieldProblem("conditions", "is required"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "decision",
                    "APPROVE_WITH_CONDITIONS",
                    "decisionReasons",
                    "Good",
                    "conditions",
                    "Quarterly reports")))
        .isEmpty();
    assertThat(
            FormRules.problems(
                Form.class, Map.of("decision", "APPROVE", "decisionReasons", "Good")))
        .isEmpty();
  }

  @Test
  void aRejectionTicksAtLeastOneFailedCriterion() {
    Map<String, Object> rejection =
        new HashMap<>(Map.of("decision", "REJECT", "decisionReasons", "Weak"));
    assertThat(FormRules.problems(Form.class, rejection))
        .containsExactly(
            new FieldProblem(
                "failedCriteria", "a rejection must name at least one criterion it failed"));

    rejection.put("failedFunds", true);
    rejection.put("failedTrackRecord", true);
    rejection.put("failedKnowledge", false);
    assertThat(FormRules.read(Form.class, rejection).failedCriteria())
        .containsExactly(Criterion.TRACK_RECORD, Criterion.FUNDS);
  }

  @Test
  void textsHaveTheirLimits() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "decision",
                    "REJECT",
                    "decisionReasons",
                    "x".repeat(4001),
                    "failedFunds",
                    true,
                    "againstRecommendationReason",
                    "y".repeat(2001))))
        .containsExactly(
            new FieldProblem("decisionReasons", "must be at most 4000 characters"),
            new FieldProblem("againstRecommendationReason", "must be at most 2000 characters"));
  }
}
