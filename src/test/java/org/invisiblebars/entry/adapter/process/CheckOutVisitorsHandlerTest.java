package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.CheckOutVisitorsHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class CheckOutVisitorsHandlerTest {

  @Test
  void withoutAnIncidentNothingIsRequired() {
    assertThat(FormRules.problems(Form.class, Map.of())).isEmpty();
    assertThat(FormRules.problems(Form.class, Map.of("incidentOccurred", false))).isEmpty();
  }

  @Test
  void anIncidentIsDescribed() {
    assertThat(FormRules.problems(Form.class, Map.of("incidentOccurred", true)))
        .containsExactly(
            new FieldProblem("incidentDescription", "is required when an incident occurred"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("incidentOccurred", true, "incidentDescription", "x".repeat(4001))))
        .containsExactly(
            new FieldProblem("incidentDescription", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("incidentOccurred", true, "incidentDescription", "Argued with a guard")))
        .isEmpty();
  }

  @Test
  void theVisitorConcernedIsNamedInAtMost200Characters() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "incidentOccurred",
                    true,
                    "incidentDescription",
                    "Argued with a guard",
                    "incidentAgainst",
                    "x".repeat(201))))
        .containsExactly(new FieldProblem("incidentAgainst", "must be at most 200 characters"));
  }
}
