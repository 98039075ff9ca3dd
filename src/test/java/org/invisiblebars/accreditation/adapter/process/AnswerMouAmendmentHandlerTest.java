package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.AnswerMouAmendmentHandler.Form;
import org.invisiblebars.accreditation.domain.MouAmendment.Answer;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class AnswerMouAmendmentHandlerTest {

  @Test
  void anAnswerIsRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("answer", "is required"));
  }

  @Test
  void anAcceptanceNeedsNoReasons() {
    assertThat(FormRules.read(Form.class, Map.of("answer", "ACCEPTED")).answer())
        .isEqualTo(Answer.ACCEPTED);
  }

  @Test
  void aRejectionGivesReasons() {
    assertThat(FormRules.problems(Form.class, Map.of("answer", "REJECTED")))
        .containsExactly(new FieldProblem("answerReasons", "is required"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("answer", "REJECTED", "answerReasons", "Staff shortage")))
        .isEmpty();
  }

  @Test
  void aCounterProposalGivesItsTextAndReasons() {
    assertThat(FormRules.problems(Form.class, Map.of("answer", "COUNTER_PROPOSED")))
        .containsExactlyInAnyOrder(
            new FieldProblem("counterProposal", "is required"),
            new FieldProblem("answerReasons", "is required"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "answer",
                    "COUNTER_PROPOSED",
                    "counterProposal",
                    "Tuesdays",
                    "answerReasons",
                    "Escorts are free on Tuesdays")))
        .isEmpty();
  }

  @Test
  void theAnswerIsOneOfThree() {
    assertThat(FormRules.problems(Form.class, Map.of("answer", "MAYBE")))
        .containsExactly(
            new FieldProblem("answer", "must be one of [ACCEPTED, REJECTED, COUNTER_PROPOSED]"));
  }
}
