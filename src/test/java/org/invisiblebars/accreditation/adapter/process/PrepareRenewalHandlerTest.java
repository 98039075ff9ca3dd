package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.PrepareRenewalHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class PrepareRenewalHandlerTest {

  @Test
  void theRenewalNotesAreRequiredAndAtMost4000Characters() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("renewalNotes", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("renewalNotes", "x".repeat(4001))))
        .containsExactly(new FieldProblem("renewalNotes", "must be at most 4000 characters"));
    assertThat(FormRules.problems(Form.class, Map.of("renewalNotes", "x".repeat(4000)))).isEmpty();
  }
}
