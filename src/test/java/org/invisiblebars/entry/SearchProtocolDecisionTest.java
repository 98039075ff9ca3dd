package org.invisiblebars.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.organisation.domain.MandateType.NGO;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.DecisionTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The search-protocol table of processes/search-protocol.dmn on the standalone DMN engine: one test
 * per rule, naming the rule that matched (hit policy FIRST), then every risk and mandate together.
 * The mandate tests guard the paper's line: formal monitors are searched only as their mandate
 * allows, and the table itself never proposes a full search.
 */
class SearchProtocolDecisionTest {

  private static final String DECISION_KEY = "search-protocol";

  private static final List<String> RISKS = List.of("LOW", "MEDIUM", "HIGH");

  private static final String SCREENING = "SCREENING";
  private static final String PAT_DOWN = "PAT_DOWN";
  private static final String ENHANCED = "ENHANCED";
  private static final String FULL = "FULL";

  private DecisionTable decision;

  @BeforeEach
  void parseDecision() throws IOException {
    decision = DecisionTable.load("processes/search-protocol.dmn", DECISION_KEY);
  }

  // One test per rule, in the order of the table.

  @ParameterizedTest
  @EnumSource(names = {"NPM", "ICRC"})
  void highRiskFormalMonitorIsPattedDownAtMostAndTheDirectorSetsConditions(MandateType mandate) {
    assertThat(decide("HIGH", mandate.name()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_FormalMonitorHighRisk",
                PAT_DOWN,
                true,
                "High risk for a formal monitor: a pat-down at most, as the mandate allows; "
                    + "the director sets the conditions of the visit."));
  }

  @ParameterizedTest(name = "{0} risk, {1}")
  @CsvSource({"LOW, NPM", "LOW, ICRC", "MEDIUM, NPM", "MEDIUM, ICRC"})
  void formalMonitorBelowHighRiskIsOnlyScreened(String risk, MandateType mandate) {
    assertThat(decide(risk, mandate.name()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_FormalMonitorLowOrMediumRisk",
                SCREENING,
                false,
                "Formal monitor (NPM or ICRC): screening only, as the mandate allows."));
  }

  @Test
  void lowRiskNgoIsScreened() {
    assertThat(decide("LOW", "NGO"))
        .isEqualTo(
            new Outcome(
                "DecisionRule_NgoLowRisk",
                SCREENING,
                false,
                "Low risk: walk-through detector and bag X-ray."));
  }

  @Test
  void mediumRiskNgoIsPattedDownWithoutTheDirector() {
    assertThat(decide("MEDIUM", "NGO"))
        .isEqualTo(
            new Outcome(
                "DecisionRule_NgoMediumRisk",
                PAT_DOWN,
                false,
                "Medium risk: pat-down by an officer of the same gender."));
  }

  @Test
  void highRiskNgoGetsAnEnhancedSearchAuthorisedByTheDirector() {
    assertThat(decide("HIGH", "NGO"))
        .isEqualTo(
            new Outcome(
                "DecisionRule_NgoHighRisk",
                ENHANCED,
                true,
                "High risk: pat-down and inspection of items, authorised by the director."));
  }

  @Test
  void unknownMandateIsScreenedUntilTheDirectorSetsConditions() {
    assertThat(decide("HIGH", "EMBASSY")).isEqualTo(unknownRiskOrMandate());
  }

  @ParameterizedTest
  @EnumSource(MandateType.class)
  void unknownRiskIsScreenedUntilTheDirectorSetsConditions(MandateType mandate) {
    assertThat(decide("SEVERE", mandate.name())).isEqualTo(unknownRiskOrMandate());
  }

  @Test
  void missingInputsAreScreenedUntilTheDirectorSetsConditions() {
    assertThat(decide(null, null)).isEqualTo(unknownRiskOrMandate());
  }

  // Every risk and every mandate.

  @Test
  void noFormalMonitorIsEverSearchedBeyondAPatDown() {
    for (MandateType mandate : MandateType.values()) {
      if (!mandate.isFormal()) {
        continue;
      }
      for (String risk : RISKS) {
        assertThat(decide(risk, mandate.name()).searchLevel())
            .as("%s at %s risk", mandate, risk)
            .isIn(SCREENING, PAT_DOWN)
            .isNotIn(ENHANCED, FULL);
      }
    }
  }

  @Test
  void everyRiskAndMandateHasItsOwnRuleAndALevel() {
    for (MandateType mandate : MandateType.values()) {
      for (String risk : RISKS) {
        Outcome outcome = decide(risk, mandate.name());
        assertThat(outcome.rule())
            .as("%s at %s risk", mandate, risk)
            .isNotEqualTo("DecisionRule_UnknownRiskOrMandate");
        assertThat(outcome.searchLevel())
            .as("%s at %s risk", mandate, risk)
            .isIn(SCREENING, PAT_DOWN, ENHANCED);
        assertThat(outcome.directorAuthorisationRequired())
            .as("%s at %s risk", mandate, risk)
            .isNotNull();
        assertThat(outcome.rationale()).as("%s at %s risk", mandate, risk).isNotBlank();
      }
    }
  }

  @Test
  void ngoSearchRisesStepByStepWithTheRisk() {
    assertThat(RISKS.stream().map(risk -> decide(risk, NGO.name()).searchLevel()))
        .containsExactly(SCREENING, PAT_DOWN, ENHANCED);
  }

  @Test
  void highRiskAlwaysReachesTheDirector() {
    for (MandateType mandate : MandateType.values()) {
      assertThat(decide("HIGH", mandate.name()).directorAuthorisationRequired())
          .as("%s at high risk", mandate)
          .isTrue();
    }
  }

  @Test
  void theTableNeverProposesAFullSearchAndEveryEnhancedSearchNeedsTheDirector() {
    List<String> mandates = new ArrayList<>(List.of("EMBASSY"));
    for (MandateType mandate : MandateType.values()) {
      mandates.add(mandate.name());
    }
    List<String> risks = new ArrayList<>(RISKS);
    risks.add("SEVERE");
    for (String mandate : mandates) {
      for (String risk : risks) {
        Outcome outcome = decide(risk, mandate);
        assertThat(outcome.searchLevel()).as("%s at %s risk", mandate, risk).isNotEqualTo(FULL);
        if (outcome.searchLevel().equals(ENHANCED)) {
          assertThat(outcome.directorAuthorisationRequired())
              .as("%s at %s risk", mandate, risk)
              .isTrue();
        }
      }
    }
  }

  private static Outcome unknownRiskOrMandate() {
    return new Outcome(
        "DecisionRule_UnknownRiskOrMandate",
        SCREENING,
        true,
        "Unknown risk or mandate: screening only until the director sets the conditions.");
  }

  private Outcome decide(String risk, String mandateType) {
    DecisionTable.Evaluation result =
        decision.evaluate(
            Variables.createVariables()
                .putValue("risk", risk)
                .putValue("mandateType", mandateType));
    return new Outcome(
        result.rule(),
        result.get("searchLevel"),
        result.get("directorAuthorisationRequired"),
        result.get("rationale"));
  }

  private record Outcome(
      String rule, String searchLevel, Boolean directorAuthorisationRequired, String rationale) {}
}
