package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.VerifyFormalMandateHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class VerifyFormalMandateHandlerTest {

  @Test
  void aVerdictAndNotesAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("mandateVerified", "is required"),
            new FieldProblem("verificationNotes", "is required"));
  }

  @Test
  void theVerdictIsOneOfTheChoices() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("mandateVerified", "MAYBE", "verificationNotes", "checked")))
        .containsExactly(
            new FieldProblem("mandateVerified", "must be one of [VERIFIED, NOT_VERIFIED]"));
  }

  @Test
  void notesAreAtMost2000Characters() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("mandateVerified", "VERIFIED", "verificationNotes", "x".repeat(2001))))
        .containsExactly(new FieldProblem("verificationNotes", "must be at most 2000 characters"));
    assertThat(
            FormRules.read(
                    Form.class,
                    Map.of(
                        "mandateVerified", "NOT_VERIFIED", "verificationNotes", "x".repeat(2000)))
                .mandateVerified())
        .isEqualTo(VerifyFormalMandateHandler.Verdict.NOT_VERIFIED);
  }
}
