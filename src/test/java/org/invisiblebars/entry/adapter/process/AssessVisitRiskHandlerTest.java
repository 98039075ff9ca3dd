package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.AssessVisitRiskHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class AssessVisitRiskHandlerTest {

  @Test
  void theDecisionIsRequiredAndOneOfTheChoices() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("riskDecision", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("riskDecision", "MAYBE")))
        .containsExactly(new FieldProblem("riskDecision", "must be one of [CONFIRM, OVERRIDE]"));
  }

  @Test
  void confirmingNeedsNothingMoreAndIgnoresTheHiddenFields() {
    assertThat(FormRules.problems(Form.class, Map.of("riskDecision", "CONFIRM", "risk", "LOW")))
        .isEmpty();
    assertThat(FormRules.problems(Form.class, Map.of("riskDecision", "CONFIRM"))).isEmpty();
  }

  @Test
  void anOverrideNamesTheRiskAndGivesReasons() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("riskDecision", "OVERRIDE", "overrideReasons", " ")))
        .containsExactly(
            new FieldProblem("risk", "choose the risk that applies instead"),
            new FieldProblem("overrideReasons", "is required when overriding the proposed risk"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("riskDecision", "OVERRIDE", "risk", "SEVERE", "overrideReasons", "Riot")))
        .containsExactly(new FieldProblem("risk", "must be one of [LOW, MEDIUM, HIGH]"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "riskDecision",
                    "OVERRIDE",
                    "risk",
                    "HIGH",
                    "overrideReasons",
                    "x".repeat(4001))))
        .containsExactly(new FieldProblem("overrideReasons", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "riskDecision",
                    "OVERRIDE",
                    "risk",
                    "HIGH",
                    "overrideReasons",
                    "Riot last night")))
        .isEmpty();
  }
}
