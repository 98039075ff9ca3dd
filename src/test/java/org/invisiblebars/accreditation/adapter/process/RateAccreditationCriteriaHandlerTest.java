package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.invisiblebars.accreditation.adapter.process.RateAccreditationCriteriaHandler.Form;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class RateAccreditationCriteriaHandlerTest {

  @Test
  void everyCriterionNeedsARatingAndEvidenceAndAllProblemsAreReportedAtOnce() {
    var problems = FormRules.problems(Form.class, Map.of());

    assertThat(problems)
        .hasSize(2 * Criterion.values().length)
        .allSatisfy(p -> assertThat(p.problem()).isEqualTo("is required"));
    assertThat(problems).first().isEqualTo(new FieldProblem("knowledgeRating", "is required"));
    assertThat(problems).last().isEqualTo(new FieldProblem("reputationEvidence", "is required"));
  }

  @Test
  void ratingsAreWholeNumbersFromOneToFive() {
    assertThat(FormRules.problems(Form.class, rated(Map.of("fundsRating", 0))))
        .containsExactly(new FieldProblem("fundsRating", "must be at least 1"));
    assertThat(FormRules.problems(Form.class, rated(Map.of("trackRecordRating", 6))))
        .containsExactly(new FieldProblem("trackRecordRating", "must be at most 5"));
    assertThat(FormRules.problems(Form.class, rated(Map.of("knowledgeRating", 2.5))))
        .containsExactly(new FieldProblem("knowledgeRating", "must be a whole number"));
  }

  @Test
  void evidenceIsAtMost2000Characters() {
    assertThat(
            FormRules.problems(Form.class, rated(Map.of("commitmentEvidence", "x".repeat(2001)))))
        .containsExactly(new FieldProblem("commitmentEvidence", "must be at most 2000 characters"));
    assertThat(FormRules.problems(Form.class, rated(Map.of("commitmentEvidence", " "))))
        .containsExactly(new FieldProblem("commitmentEvidence", "is required"));
  }

  @Test
  void eachRatingGoesToItsCriterion() {
    Form form =
        FormRules.read(
            Form.class,
            rated(Map.of("fundsRating", 1, "reputationEvidence", "Known for 20 years")));

    assertThat(form.ratings()).containsOnlyKeys(Criterion.values());
    assertThat(form.ratings().get(Criterion.FUNDS).value()).isEqualTo(1);
    assertThat(form.ratings().get(Criterion.KNOWLEDGE).value()).isEqualTo(4);
    assertThat(form.ratings().get(Criterion.REPUTATION).evidence()).isEqualTo("Known for 20 years");
    assertThat(form.ratings().get(Criterion.TRACK_RECORD).evidence())
        .isEqualTo("Evidence for trackRecord");
  }

  /** Every criterion rated 4 with evidence, as Tasklist submits it, with {@code changes}. */
  private static Map<String, Object> rated(Map<String, ?> changes) {
    Map<String, Object> form = new HashMap<>(AccreditationForms.everyCriterionRated(4));
    form.putAll(changes);
    return form;
  }
}
