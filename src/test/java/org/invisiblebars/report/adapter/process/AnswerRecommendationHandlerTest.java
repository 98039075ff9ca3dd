package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.AnswerRecommendationHandler.Form;
import org.invisiblebars.report.adapter.process.AnswerRecommendationHandler.Reply;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class AnswerRecommendationHandlerTest {

  @Test
  void anAnswerIsRequiredAndOneOfTheChoices() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("answer", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("answer", "MAYBE", "reasons", "r")))
        .containsExactly(
            new FieldProblem(
                "answer", "must be one of [ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, NO_ANSWER]"));
  }

  @Test
  void anAcceptedRecommendationNeedsReasonsActionOwnerAndDeadline() {
    for (String accepted : new String[] {"ACCEPTED", "PARTIALLY_ACCEPTED"}) {
      assertThat(FormRules.problems(Form.class, Map.of("answer", accepted)))
          .as(accepted)
          .containsExactly(
              new FieldProblem("reasons", "is required with an answer"),
                  new FieldProblem("action", "is required when accepted"),
              new FieldProblem("owner", "is required when accepted"),
                  new FieldProblem("deadline", "is required when accepted"));
    }
    Form form =
        FormRules.read(
            Form.class,
            Map.of(
                "answer",
                "ACCEPTED",
                "reasons",
                "Cheap | urgent",
                "action",
                "Paint the cells",
                "owner",
                "Head of facilities",
                "deadline",
                "2027-03-31"));
    assertThat(form.reasons()).as("a bar is text like any other").isEqualTo("Cheap | urgent");
    assertThat(form.deadline()).isEqualTo(LocalDate.of(2027, 3, 31));
  }

  @Test
  void aRejectionNeedsReasonsOnlyAndNoAnswerNeedsNothing() {
    assertThat(FormRules.problems(Form.class, Map.of("answer", "REJECTED")))
        .containsExactly(new FieldProblem("reasons", "is required with an answer"));
    assertThat(
            FormRules.read(Form.class, Map.of("answer", "REJECTED", "reasons", "Trained last year"))
                .answer())
        .isEqualTo(Reply.REJECTED);
    assertThat(FormRules.read(Form.class, Map.of("answer", "NO_ANSWER")).answer())
        .isEqualTo(Reply.NO_ANSWER);
  }

  @Test
  void textsHaveTheLimitsOfTheirColumns() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "answer",
                    "ACCEPTED",
                    "reasons",
                    "r".repeat(4001),
                    "action",
                    "a".repeat(4001),
                    "owner",
                    "o".repeat(201),
                    "deadline",
                    "2027-03-31")))
        .containsExactly(
            new FieldProblem("reasons", "must be at most 4000 characters"),
            new FieldProblem("action", "must be at most 4000 characters"),
            new FieldProblem("owner", "must be at most 200 characters"));
  }
}
