package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.AccountForVisitorsHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class AccountForVisitorsHandlerTest {

  @Test
  void theAccountIsRequiredAndLimited() {
    assertThat(FormRules.problems(Form.class, Map.of("account", " ")))
        .containsExactly(new FieldProblem("account", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("account", "x".repeat(4001))))
        .containsExactly(new FieldProblem("account", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("account", "Both left by the staff exit at 17:20")))
        .isEmpty();
  }
}
