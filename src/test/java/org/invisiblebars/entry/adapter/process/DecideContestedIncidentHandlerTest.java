package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.DecideContestedIncidentHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class DecideContestedIncidentHandlerTest {

  @Test
  void aDecisionNeedsItsReasons() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactlyInAnyOrder(
            new FieldProblem("incidentDecision", "is required"),
            new FieldProblem("decisionReasons", "is required"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("incidentDecision", "UPHELD", "decisionReasons", "  ")))
        .containsExactly(new FieldProblem("decisionReasons", "is required"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("incidentDecision", "DISMISSED", "decisionReasons", "x".repeat(4001))))
        .containsExactly(new FieldProblem("decisionReasons", "must be at most 4000 characters"));
  }

  @Test
  void upheldOrDismissedOnly() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("incidentDecision", "MAYBE", "decisionReasons", "Seen on CCTV")))
        .extracting(FieldProblem::field)
        .containsExactly("incidentDecision");
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "incidentDecision",
                    "DISMISSED",
                    "decisionReasons",
                    "The CCTV shows no such thing")))
        .isEmpty();
  }
}
