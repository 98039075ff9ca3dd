package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.AuthoriseVisitHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class AuthoriseVisitHandlerTest {

  @Test
  void theDecisionIsRequired() {
    assertThat(FormRules.problems(Form.class, Map.of("authorisedSearchLevel", "PAT_DOWN")))
        .containsExactly(new FieldProblem("authorisation", "is required"));
  }

  @Test
  void anAuthorisationNamesTheSearchLevel() {
    assertThat(FormRules.problems(Form.class, Map.of("authorisation", "AUTHORISE")))
        .containsExactly(
            new FieldProblem("authorisedSearchLevel", "is required when the visit is authorised"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "STRIP")))
        .containsExactly(
            new FieldProblem(
                "authorisedSearchLevel", "must be one of [SCREENING, PAT_DOWN, ENHANCED, FULL]"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "authorisation",
                    "AUTHORISE",
                    "authorisedSearchLevel",
                    "ENHANCED",
                    "conditions",
                    "x".repeat(4001))))
        .containsExactly(new FieldProblem("conditions", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "ENHANCED")))
        .isEmpty();
  }

  @Test
  void aDenialGivesReasonsAndNeedsNoSearchLevel() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("authorisation", "DENY", "authorisedSearchLevel", "PAT_DOWN")))
        .containsExactly(new FieldProblem("denialReasons", "is required when the visit is denied"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("authorisation", "DENY", "denialReasons", "x".repeat(4001))))
        .containsExactly(new FieldProblem("denialReasons", "must be at most 4000 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("authorisation", "DENY", "denialReasons", "The facility is in lockdown")))
        .isEmpty();
  }
}
