package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.ReferAllegationHandler.Form;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class ReferAllegationHandlerTest {

  @Test
  void theCompetentBodyAndTheReferenceAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of("competentBody", " ")))
        .containsExactly(
            new FieldProblem("competentBody", "is required"),
            new FieldProblem("referralReference", "is required"));
  }

  @Test
  void theBodyIsAtMost300AndTheReferenceAtMost200Characters() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("competentBody", "x".repeat(301), "referralReference", "x".repeat(201))))
        .containsExactly(
            new FieldProblem("competentBody", "must be at most 300 characters"),
            new FieldProblem("referralReference", "must be at most 200 characters"));
    assertThat(
            FormRules.read(
                    Form.class, Map.of("competentBody", "Prosecutor", "referralReference", "P-1"))
                .competentBody())
        .isEqualTo("Prosecutor");
  }
}
