package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.CheckApplicationCompletenessHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class CheckApplicationCompletenessHandlerTest {

  @Test
  void theAnswerIsRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("completeness", "is required"));
  }

  @Test
  void anIncompleteApplicationSaysWhatIsMissing() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("completeness", "INCOMPLETE", "informationRequested", "  ")))
        .containsExactly(
            new FieldProblem(
                "informationRequested", "is required when the application is incomplete"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("completeness", "INCOMPLETE", "informationRequested", "x".repeat(4001))))
        .containsExactly(
            new FieldProblem("informationRequested", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("completeness", "INCOMPLETE", "informationRequested", "The funding plan")))
        .isEmpty();
  }

  @Test
  void aCompleteApplicationNeedsNothingMore() {
    assertThat(FormRules.problems(Form.class, Map.of("completeness", "COMPLETE"))).isEmpty();
  }

  @Test
  void severalValuesWhereOneFitsAreRefused() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("completeness", List.of("COMPLETE", "INCOMPLETE"))))
        .containsExactly(new FieldProblem("completeness", "must be one of [COMPLETE, INCOMPLETE]"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "completeness",
                    "INCOMPLETE",
                    "informationRequested",
                    List.of("the funding plan", "the statutes"))))
        .containsExactly(new FieldProblem("informationRequested", "is not valid"));
  }
}
