package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.RedactReportHandler.Form;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class RedactReportHandlerTest {

  @Test
  void titleFindingsAndRecommendationsAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of("publicTitle", " ")))
        .containsExactly(
            new FieldProblem("publicTitle", "is required"),
            new FieldProblem("publicFindings", "is required"),
            new FieldProblem("publicRecommendations", "is required"));
  }

  @Test
  void eachTextHasTheLimitOfItsColumn() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "publicTitle", "x".repeat(301),
                    "publicFindings", "x".repeat(8001),
                    "publicRecommendations", "1. Paint",
                    "publicResponse", "x".repeat(8001))))
        .containsExactly(
            new FieldProblem("publicTitle", "must be at most 300 characters"),
            new FieldProblem("publicFindings", "must be at most 8000 characters"),
            new FieldProblem("publicResponse", "must be at most 8000 characters"));
    assertThat(
            FormRules.read(
                    Form.class,
                    Map.of(
                        "publicTitle", "Remand wing",
                        "publicFindings", "Overcrowded",
                        "publicRecommendations", "1. Paint"))
                .publicGoodPractices())
        .isNull();
  }
}
