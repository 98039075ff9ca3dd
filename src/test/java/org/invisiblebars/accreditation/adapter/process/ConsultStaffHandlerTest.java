package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.ConsultStaffHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class ConsultStaffHandlerTest {

  @Test
  void theStaffViewsAreRequiredAndAtMost4000Characters() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("staffViews", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("staffViews", "\n ")))
        .containsExactly(new FieldProblem("staffViews", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("staffViews", "x".repeat(4001))))
        .containsExactly(new FieldProblem("staffViews", "must be at most 4000 characters"));
    assertThat(
            FormRules.read(Form.class, Map.of("staffViews", "Wing staff welcome it")).staffViews())
        .isEqualTo("Wing staff welcome it");
  }
}
