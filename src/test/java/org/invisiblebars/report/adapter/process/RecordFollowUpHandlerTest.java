package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.RecordFollowUpHandler.Form;
import org.invisiblebars.report.adapter.process.RecordFollowUpHandler.Outcome;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class RecordFollowUpHandlerTest {

  @Test
  void anOutcomeAndNotesAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("followUpOutcome", "is required"),
            new FieldProblem("followUpNotes", "is required"));
    assertThat(
            FormRules.problems(Form.class, Map.of("followUpOutcome", "OPEN", "followUpNotes", "n")))
        .as("nobody records OPEN")
        .containsExactly(
            new FieldProblem(
                "followUpOutcome", "must be one of [IMPLEMENTED, IN_PROGRESS, NOT_IMPLEMENTED]"));
  }

  @Test
  void inProgressNeedsANewDeadline() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("followUpOutcome", "IN_PROGRESS", "followUpNotes", "half")))
        .containsExactly(new FieldProblem("newDeadline", "is required when in progress"));
    assertThat(
            FormRules.read(
                    Form.class, Map.of("followUpOutcome", "IMPLEMENTED", "followUpNotes", "done"))
                .followUpOutcome())
        .isEqualTo(Outcome.IMPLEMENTED);
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("followUpOutcome", "IMPLEMENTED", "followUpNotes", "x".repeat(4001))))
        .containsExactly(new FieldProblem("followUpNotes", "must be at most 4000 characters"));
  }
}
