package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.AcknowledgeReportHandler.Form;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class AcknowledgeReportHandlerTest {

  @Test
  void theResponsibleUnitIsRequiredAndAtMost200Characters() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("responsibleUnit", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("responsibleUnit", "x".repeat(201))))
        .containsExactly(new FieldProblem("responsibleUnit", "must be at most 200 characters"));
  }

  @Test
  void aUnitMayHoldAnyCharacterABarIncluded() {
    assertThat(
            FormRules.read(Form.class, Map.of("responsibleUnit", "Health | Hygiene unit"))
                .responsibleUnit())
        .isEqualTo("Health | Hygiene unit");
  }
}
