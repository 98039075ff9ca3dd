package org.invisiblebars.entry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.entry.domain.VisitTest.refusal;

import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.entry.domain.RiskAssessment.RiskInputs;
import org.invisiblebars.facility.domain.AlertLevel;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** Security's assessment of the proposed risk: confirmed as it is, or overridden with reasons. */
class RiskAssessmentTest {

  private static final Instant NOW = Instant.parse("2030-12-10T08:00:00Z");

  @Test
  void confirmingKeepsTheProposedRiskAndNoReasons() {
    RiskAssessment assessment = proposed(RiskLevel.MEDIUM);

    assessment.confirm("sam", NOW);

    assertThat(assessment.getRisk()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(assessment.isOverridden()).isFalse();
    assertThat(assessment.getOverrideReasons()).isNull();
    assertThat(assessment.getAssessedBy()).isEqualTo("sam");
  }

  @Test
  void anOverrideNeedsReasonsAndAnotherRiskThanTheProposed() {
    RiskAssessment assessment = proposed(RiskLevel.MEDIUM);

    assertThat(refusal(() -> assessment.override(RiskLevel.HIGH, " ", "sam", NOW)))
        .isEqualTo(
            new FieldProblem("overrideReasons", "is required when overriding the proposed risk"));
    assertThat(refusal(() -> assessment.override(RiskLevel.MEDIUM, "Riot last night", "sam", NOW)))
        .isEqualTo(
            new FieldProblem("risk", "is the proposed risk; confirm it instead of overriding"));
    assertThat(assessment.getRisk()).as("nothing assessed by a refused override").isNull();

    assessment.override(RiskLevel.HIGH, "Riot last night", "sam", NOW);

    assertThat(assessment.getRisk()).isEqualTo(RiskLevel.HIGH);
    assertThat(assessment.isOverridden()).isTrue();
    assertThat(assessment.getOverrideReasons()).isEqualTo("Riot last night");
  }

  private static RiskAssessment proposed(RiskLevel risk) {
    return new RiskAssessment(
        UUID.randomUUID(),
        new RiskInputs(true, 0, SecurityLevel.MEDIUM, AlertLevel.NORMAL, false, false),
        risk,
        "first visit");
  }
}
