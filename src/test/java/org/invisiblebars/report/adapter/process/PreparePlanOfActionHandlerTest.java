package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.PreparePlanOfActionHandler.Form;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class PreparePlanOfActionHandlerTest {

  @Test
  void submittingThePlanNeedsNothingMore() {
    Form form = FormRules.read(Form.class, Map.of());
    assertThat(form.askForMoreTime()).isFalse();
    assertThat(form.waiveConfidentiality()).isFalse();
  }

  @Test
  void askingForMoreTimeNeedsDaysAndReasons() {
    assertThat(FormRules.problems(Form.class, Map.of("askForMoreTime", true)))
        .containsExactly(
            new FieldProblem("extensionDays", "is required when you ask for more time"),
            new FieldProblem("extensionReasons", "is required when you ask for more time"));
  }

  @Test
  void theExtensionIsOneTo30Days() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("askForMoreTime", true, "extensionDays", 31, "extensionReasons", "budget")))
        .containsExactly(new FieldProblem("extensionDays", "must be at most 30"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("askForMoreTime", true, "extensionDays", 0, "extensionReasons", "budget")))
        .containsExactly(new FieldProblem("extensionDays", "must be at least 1"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("askForMoreTime", true, "extensionDays", 2.5, "extensionReasons", "budget")))
        .containsExactly(new FieldProblem("extensionDays", "must be a whole number"));
    assertThat(
            FormRules.read(
                    Form.class,
                    Map.of(
                        "askForMoreTime", true, "extensionDays", 30, "extensionReasons", "budget"))
                .extensionDays())
        .isEqualTo(30);
  }

  @Test
  void aWaiverNeedsReasons() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("waiveConfidentiality", true, "waiverReasons", " ")))
        .containsExactly(new FieldProblem("waiverReasons", "is required when you waive"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("waiveConfidentiality", true, "waiverReasons", "x".repeat(4001))))
        .containsExactly(new FieldProblem("waiverReasons", "must be at most 4000 characters"));
  }
}
