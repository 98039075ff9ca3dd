package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.SignMouHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class SignMouHandlerTest {

  @Test
  void theDirectorMustTickTheSignature() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("mouSigned", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("mouSigned", false)))
        .containsExactly(new FieldProblem("mouSigned", "must be confirmed to sign"));
    assertThat(FormRules.problems(Form.class, Map.of("mouSigned", "maybe")))
        .containsExactly(new FieldProblem("mouSigned", "must be yes or no"));
    assertThat(FormRules.problems(Form.class, Map.of("mouSigned", true))).isEmpty();
  }

  @Test
  void notesAreOptionalAndAtMost2000Characters() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("mouSigned", true, "signatureNotes", "x".repeat(2001))))
        .containsExactly(new FieldProblem("signatureNotes", "must be at most 2000 characters"));
    assertThat(
            FormRules.read(
                    Form.class, Map.of("mouSigned", true, "signatureNotes", "Signed in Vienna"))
                .signatureNotes())
        .isEqualTo("Signed in Vienna");
  }
}
