package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.VetRepresentativesHandler.Form;
import org.invisiblebars.accreditation.adapter.process.VetRepresentativesHandler.Outcome;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class VetRepresentativesHandlerTest {

  @Test
  void anOutcomeAndReasonsAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("vetting", "is required"),
            new FieldProblem("vettingReasons", "is required"));
  }

  @Test
  void theOutcomeIsClearedOrRefusedNeverPending() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("vetting", "PENDING", "vettingReasons", "Not yet")))
        .containsExactly(new FieldProblem("vetting", "must be one of [CLEARED, REFUSED]"));
    assertThat(
            FormRules.read(
                    Form.class, Map.of("vetting", "REFUSED", "vettingReasons", "Incident record"))
                .vetting())
        .isEqualTo(Outcome.REFUSED);
  }

  @Test
  void reasonsAreAtMost2000Characters() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("vetting", "CLEARED", "vettingReasons", "x".repeat(2001))))
        .containsExactly(new FieldProblem("vettingReasons", "must be at most 2000 characters"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("vetting", "CLEARED", "vettingReasons", "x".repeat(2000))))
        .isEmpty();
  }
}
