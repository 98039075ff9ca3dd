package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.DraftMouHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class DraftMouHandlerTest {

  @Test
  void everyClauseIsRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .extracting(FieldProblem::field)
        .containsExactly(
            "mandateAndExpectations",
            "responsibilities",
            "days",
            "hours",
            "procedures",
            "allowedActivities",
            "excludedAreas",
            "confidentialityDays",
            "termMonths");
    assertThat(FormRules.problems(Form.class, AccreditationForms.mouClauses())).isEmpty();
  }

  @Test
  void clausesHaveTheirLimits() {
    assertThat(
            FormRules.problems(
                Form.class,
                drafted(
                    Map.of(
                        "days",
                        "x".repeat(201),
                        "procedures",
                        "x".repeat(4001),
                        "continuityPlan",
                        "x".repeat(4001)))))
        .containsExactly(
            new FieldProblem("days", "must be at most 200 characters"),
            new FieldProblem("procedures", "must be at most 4000 characters"),
            new FieldProblem("continuityPlan", "must be at most 4000 characters"));
  }

  @Test
  void confidentialityIsOneToThreeHundredSixtyFiveDaysAndTheTermOneToSixtyMonths() {
    for (var wrong :
        List.of(
            Map.of("confidentialityDays", 0),
            Map.of("confidentialityDays", 366),
            Map.of("termMonths", 0),
            Map.of("termMonths", 61))) {
      assertThat(FormRules.problems(Form.class, drafted(wrong)))
          .singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo(wrong.keySet().iterator().next()));
    }
    Form form =
        FormRules.read(
            Form.class,
            drafted(Map.of("confidentialityDays", 365, "termMonths", 60, "universalAccess", true)));
    assertThat(form.confidentialityDays()).isEqualTo(365);
    assertThat(form.termMonths()).isEqualTo(60);
    assertThat(form.universalAccess()).isTrue();
  }

  @Test
  void anUntickedCommitmentIsNo() {
    Map<String, Object> clauses = new HashMap<>(AccreditationForms.mouClauses());
    clauses.remove("universalAccess");
    assertThat(FormRules.read(Form.class, clauses).universalAccess()).isFalse();
  }

  private static Map<String, Object> drafted(Map<String, ?> changes) {
    Map<String, Object> clauses = new HashMap<>(AccreditationForms.mouClauses());
    clauses.putAll(changes);
    return clauses;
  }
}
