package org.invisiblebars.registration.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.registration.adapter.process.ReviewOrganisationRegistrationHandler.Form;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class ReviewOrganisationRegistrationHandlerTest {

  @Test
  void aDecisionIsRequiredAndOnlyApproveOrReject() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("reviewDecision", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("reviewDecision", "DEFER")))
        .containsExactly(new FieldProblem("reviewDecision", "must be one of [APPROVE, REJECT]"));
    assertThat(FormRules.problems(Form.class, Map.of("reviewDecision", "APPROVE"))).isEmpty();
  }

  @Test
  void aRejectionGivesItsReasonsWithinTheLimit() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("reviewDecision", "REJECT", "reviewReasons", " ")))
        .containsExactly(new FieldProblem("reviewReasons", "a rejection must give its reasons"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("reviewDecision", "REJECT", "reviewReasons", "x".repeat(4001))))
        .containsExactly(new FieldProblem("reviewReasons", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("reviewDecision", "REJECT", "reviewReasons", "No statutes")))
        .isEmpty();
  }
}
