package org.invisiblebars.meeting.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.invisiblebars.meeting.adapter.process.RecordAgreedActionHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class RecordAgreedActionHandlerTest {

  @Test
  void theActionItsOwnerAndItsDueDateAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("actionDescription", "is required"),
            new FieldProblem("actionOwner", "is required"),
            new FieldProblem("actionDueOn", "is required"));
  }

  @Test
  void theTextsHaveTheirLimitsAndTheDueDateIsADate() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "actionDescription",
                    "a".repeat(2001),
                    "actionOwner",
                    "o".repeat(201),
                    "actionDueOn",
                    "2026-12-15")))
        .containsExactly(
            new FieldProblem("actionDescription", "must be at most 2000 characters"),
            new FieldProblem("actionOwner", "must be at most 200 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("actionDescription", "a", "actionOwner", "o", "actionDueOn", "soon")))
        .containsExactly(new FieldProblem("actionDueOn", "must be a date"));
    Form read =
        FormRules.read(
            Form.class,
            Map.of(
                "actionDescription",
                "Open the library",
                "actionOwner",
                "Lena Liaison",
                "actionDueOn",
                "2026-12-15",
                "actionToRecord",
                true));
    assertThat(read.actionDueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(read.actionToRecord()).isTrue();
  }
}
