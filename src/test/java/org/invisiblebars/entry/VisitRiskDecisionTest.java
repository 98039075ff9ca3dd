package org.invisiblebars.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.organisation.domain.MandateType.ICRC;
import static org.invisiblebars.organisation.domain.MandateType.NGO;
import static org.invisiblebars.organisation.domain.MandateType.NPM;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The visit-risk table of processes/visit-risk.dmn on the standalone DMN engine: one test per rule,
 * per boundary and per pair of rules whose order decides. The hit policy is FIRST, so each test
 * also names the rule that matched. The last tests walk every combination of the inputs and check
 * that the table is total and proportionate: raising a factor never lowers the risk.
 */
// One instance for the class, so that the walks over every combination share their evaluations.
@TestInstance(Lifecycle.PER_CLASS)
class VisitRiskDecisionTest {

  private static final String DECISION_KEY = "visit-risk";

  private static final String LOW = "LOW";
  private static final String MEDIUM = "MEDIUM";
  private static final String HIGH = "HIGH";
  private static final List<String> RISKS = List.of(LOW, MEDIUM, HIGH);

  private static final List<String> FACILITY_LEVELS = List.of("LOW", "MEDIUM", "HIGH", "MAXIMUM");
  private static final List<String> ALERT_LEVELS = List.of("NORMAL", "ELEVATED", "CRITICAL");

  private final Map<Visit, Outcome> outcomes = new HashMap<>();
  private DecisionTable decision;

  @BeforeAll
  void parseDecision() throws IOException {
    decision = DecisionTable.load("processes/visit-risk.dmn", DECISION_KEY);
  }

  // One test per rule, in the order of the table.

  @Test
  void twoIncidentsMakeTheVisitHighRisk() {
    assertThat(decide(quietVisit().incidents(2)))
        .isEqualTo(
            new Outcome(
                "DecisionRule_TwoOrMoreIncidents",
                HIGH,
                "Two or more incidents were recorded for the organisation or its representatives in the last 12 months."));
  }

  @Test
  void criticalAlertMakesEveryVisitHighRisk() {
    assertThat(decide(quietVisit().alert("CRITICAL")))
        .isEqualTo(
            new Outcome("DecisionRule_CriticalAlert", HIGH, "The facility is on critical alert."));
  }

  @Test
  void oneIncidentAndHighSecurityAreasMakeTheVisitHighRisk() {
    assertThat(decide(quietVisit().incidents(1).intoHighSecurityAreas()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_OneIncidentHighSecurityAreas",
                HIGH,
                "One incident was recorded in the last 12 months and the visit asks for high-security areas."));
  }

  @Test
  void highSecurityAreasOfAMaximumFacilityAreHighRisk() {
    assertThat(decide(quietVisit().facility("MAXIMUM").intoHighSecurityAreas()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_MaximumFacilityHighSecurityAreas",
                HIGH,
                "The visit asks for high-security areas of a maximum-security facility."));
  }

  @Test
  void oneIncidentMakesTheVisitMediumRisk() {
    assertThat(decide(quietVisit().incidents(1)))
        .isEqualTo(
            new Outcome(
                "DecisionRule_OneIncident",
                MEDIUM,
                "One incident was recorded for the organisation or its representatives in the last 12 months."));
  }

  @Test
  void elevatedAlertMakesTheVisitMediumRisk() {
    assertThat(decide(quietVisit().alert("ELEVATED")))
        .isEqualTo(
            new Outcome(
                "DecisionRule_ElevatedAlert", MEDIUM, "The facility is on elevated alert."));
  }

  @Test
  void firstVisitWithEquipmentIsMediumRisk() {
    assertThat(decide(quietVisit().firstEntry().withEquipment()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_FirstVisitWithEquipment",
                MEDIUM,
                "A representative enters for the first time and brings electronic equipment."));
  }

  @ParameterizedTest
  @EnumSource(names = {"NPM", "ICRC"})
  void formalMonitorWithoutIncidentsIsLowRiskWhereverItGoes(MandateType mandate) {
    assertThat(
            decide(
                quietVisit()
                    .mandate(mandate)
                    .facility("HIGH")
                    .intoHighSecurityAreas()
                    .withEquipment()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_FormalMonitorWithoutIncidents",
                LOW,
                "Formal monitor (NPM or ICRC) without incidents under normal alert: the mandate requires access, "
                    + "so the assessment only organises the visit."));
  }

  @Test
  void highSecurityAreasOfAHighFacilityAreMediumRisk() {
    assertThat(decide(quietVisit().facility("HIGH").intoHighSecurityAreas()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_HighFacilityHighSecurityAreas",
                MEDIUM,
                "The visit asks for high-security areas of a high-security facility."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HIGH", "MAXIMUM"})
  void equipmentInAHighOrMaximumFacilityIsMediumRisk(String facility) {
    assertThat(decide(quietVisit().facility(facility).withEquipment()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_SecureFacilityWithEquipment",
                MEDIUM,
                "Electronic equipment is brought into a high- or maximum-security facility."));
  }

  @Test
  void visitWithoutRiskFactorIsLowRisk() {
    assertThat(decide(quietVisit())).isEqualTo(noRiskFactor());
  }

  // Boundaries: incidents, alert levels, facility levels.

  @ParameterizedTest(name = "{0} incident(s) -> {1} by {2}")
  @CsvSource({
    "0, LOW,    DecisionRule_NoRiskFactor",
    "1, MEDIUM, DecisionRule_OneIncident",
    "2, HIGH,   DecisionRule_TwoOrMoreIncidents",
    "7, HIGH,   DecisionRule_TwoOrMoreIncidents"
  })
  void incidentsRaiseTheRiskStepByStep(int incidents, String risk, String rule) {
    Outcome outcome = decide(quietVisit().incidents(incidents));
    assertThat(outcome.risk()).isEqualTo(risk);
    assertThat(outcome.rule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} incident(s) with high-security areas -> {1} by {2}")
  @CsvSource({
    "0, LOW,  DecisionRule_NoRiskFactor",
    "1, HIGH, DecisionRule_OneIncidentHighSecurityAreas",
    "2, HIGH, DecisionRule_TwoOrMoreIncidents"
  })
  void oneIncidentIsEnoughToKeepAVisitorOutOfHighSecurityAreas(
      int incidents, String risk, String rule) {
    Outcome outcome = decide(quietVisit().incidents(incidents).intoHighSecurityAreas());
    assertThat(outcome.risk()).isEqualTo(risk);
    assertThat(outcome.rule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} alert -> {1} by {2}")
  @CsvSource({
    "NORMAL,   LOW,    DecisionRule_NoRiskFactor",
    "ELEVATED, MEDIUM, DecisionRule_ElevatedAlert",
    "CRITICAL, HIGH,   DecisionRule_CriticalAlert"
  })
  void eachAlertLevelHasItsRisk(String alert, String risk, String rule) {
    Outcome outcome = decide(quietVisit().alert(alert));
    assertThat(outcome.risk()).isEqualTo(risk);
    assertThat(outcome.rule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} alert for a formal monitor -> {1} by {2}")
  @CsvSource({
    "NORMAL,   LOW,    DecisionRule_FormalMonitorWithoutIncidents",
    "ELEVATED, MEDIUM, DecisionRule_ElevatedAlert",
    "CRITICAL, HIGH,   DecisionRule_CriticalAlert"
  })
  void alertsApplyToFormalMonitorsToo(String alert, String risk, String rule) {
    Outcome outcome = decide(quietVisit().mandate(NPM).alert(alert));
    assertThat(outcome.risk()).isEqualTo(risk);
    assertThat(outcome.rule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} facility, general areas, no equipment -> LOW")
  @ValueSource(strings = {"LOW", "MEDIUM", "HIGH", "MAXIMUM"})
  void facilityLevelAloneDoesNotRaiseTheRisk(String facility) {
    assertThat(decide(quietVisit().facility(facility))).isEqualTo(noRiskFactor());
  }

  @ParameterizedTest(name = "{0} facility with high-security areas -> {1} by {2}")
  @CsvSource({
    "LOW,     LOW,    DecisionRule_NoRiskFactor",
    "MEDIUM,  LOW,    DecisionRule_NoRiskFactor",
    "HIGH,    MEDIUM, DecisionRule_HighFacilityHighSecurityAreas",
    "MAXIMUM, HIGH,   DecisionRule_MaximumFacilityHighSecurityAreas"
  })
  void highSecurityAreasWeighByFacilityLevel(String facility, String risk, String rule) {
    Outcome outcome = decide(quietVisit().facility(facility).intoHighSecurityAreas());
    assertThat(outcome.risk()).isEqualTo(risk);
    assertThat(outcome.rule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0} facility with equipment -> {1} by {2}")
  @CsvSource({
    "LOW,     LOW,    DecisionRule_NoRiskFactor",
    "MEDIUM,  LOW,    DecisionRule_NoRiskFactor",
    "HIGH,    MEDIUM, DecisionRule_SecureFacilityWithEquipment",
    "MAXIMUM, MEDIUM, DecisionRule_SecureFacilityWithEquipment"
  })
  void equipmentWeighsByFacilityLevel(String facility, String risk, String rule) {
    Outcome outcome = decide(quietVisit().facility(facility).withEquipment());
    assertThat(outcome.risk()).isEqualTo(risk);
    assertThat(outcome.rule()).isEqualTo(rule);
  }

  @Test
  void returningRepresentativeWithEquipmentInAMediumFacilityIsLowRisk() {
    assertThat(decide(quietVisit().withEquipment())).isEqualTo(noRiskFactor());
  }

  @Test
  void firstVisitWithoutEquipmentIsLowRisk() {
    assertThat(decide(quietVisit().firstEntry())).isEqualTo(noRiskFactor());
  }

  // Where two rules apply, the more severe one comes first.

  @Test
  void incidentsOutrankAFormalMandate() {
    assertThat(decide(quietVisit().mandate(ICRC).incidents(2)).rule())
        .isEqualTo("DecisionRule_TwoOrMoreIncidents");
  }

  @Test
  void twoIncidentsOutrankCriticalAlert() {
    assertThat(decide(quietVisit().incidents(2).alert("CRITICAL")).rule())
        .isEqualTo("DecisionRule_TwoOrMoreIncidents");
  }

  @Test
  void criticalAlertOutranksOneIncidentInHighSecurityAreas() {
    assertThat(decide(quietVisit().incidents(1).intoHighSecurityAreas().alert("CRITICAL")).rule())
        .isEqualTo("DecisionRule_CriticalAlert");
  }

  @Test
  void oneIncidentInHighSecurityAreasOutranksTheMaximumFacilityRule() {
    assertThat(decide(quietVisit().incidents(1).facility("MAXIMUM").intoHighSecurityAreas()).rule())
        .isEqualTo("DecisionRule_OneIncidentHighSecurityAreas");
  }

  @Test
  void highSecurityAreasOfAMaximumFacilityAreHighRiskForAFormalMonitorToo() {
    assertThat(decide(quietVisit().mandate(NPM).facility("MAXIMUM").intoHighSecurityAreas()))
        .isEqualTo(
            new Outcome(
                "DecisionRule_MaximumFacilityHighSecurityAreas",
                HIGH,
                "The visit asks for high-security areas of a maximum-security facility."));
  }

  @Test
  void oneIncidentOutranksElevatedAlert() {
    assertThat(decide(quietVisit().incidents(1).alert("ELEVATED")).rule())
        .isEqualTo("DecisionRule_OneIncident");
  }

  @Test
  void elevatedAlertOutranksFirstVisitWithEquipment() {
    assertThat(decide(quietVisit().alert("ELEVATED").firstEntry().withEquipment()).rule())
        .isEqualTo("DecisionRule_ElevatedAlert");
  }

  @Test
  void formalMonitorOnAFirstVisitWithEquipmentIsMediumRisk() {
    assertThat(decide(quietVisit().mandate(ICRC).firstEntry().withEquipment()).rule())
        .isEqualTo("DecisionRule_FirstVisitWithEquipment");
  }

  @Test
  void formalMandateOutranksTheFacilityRules() {
    assertThat(decide(quietVisit().mandate(NPM).facility("MAXIMUM").withEquipment()).rule())
        .isEqualTo("DecisionRule_FormalMonitorWithoutIncidents");
  }

  @Test
  void highSecurityAreasRuleNamesTheAreasWhenEquipmentComesToo() {
    assertThat(decide(quietVisit().facility("HIGH").intoHighSecurityAreas().withEquipment()).rule())
        .isEqualTo("DecisionRule_HighFacilityHighSecurityAreas");
  }

  // The whole table: every combination of the inputs.

  @Test
  void everyVisitGetsExactlyOneRiskWithARationale() {
    List<Visit> visits = everyVisit();
    for (Visit visit : visits) {
      Outcome outcome = outcomeOf(visit);
      assertThat(outcome.risk()).as("risk of %s", visit).isIn(RISKS);
      assertThat(outcome.rationale()).as("rationale of %s", visit).isNotBlank();
    }
    assertThat(visits).hasSize(3 * 2 * 3 * 4 * 2 * 2 * 3);
  }

  @Test
  void raisingAFactorNeverLowersTheRisk() {
    for (Visit visit : everyVisit()) {
      int risk = severity(visit);
      for (Visit raised : visit.raisedByOneFactor()) {
        assertThat(severity(raised))
            .as("%s raised to %s", visit, raised)
            .isGreaterThanOrEqualTo(risk);
      }
    }
  }

  @Test
  void formalMonitorIsNeverRiskierThanAnNgoOnTheSameVisit() {
    for (Visit visit : everyVisit()) {
      if (visit.mandate() != NGO) {
        assertThat(severity(visit))
            .as("%s", visit)
            .isLessThanOrEqualTo(severity(visit.mandate(NGO)));
      }
    }
  }

  private static Outcome noRiskFactor() {
    return new Outcome(
        "DecisionRule_NoRiskFactor",
        LOW,
        "No incident, normal alert, and nothing in the visit that needs more than standard screening.");
  }

  /**
   * An accredited NGO's returning representative in general areas of a medium-security facility.
   */
  private static Visit quietVisit() {
    return new Visit(NGO, false, 0, "MEDIUM", false, false, "NORMAL");
  }

  private static List<Visit> everyVisit() {
    List<Visit> visits = new ArrayList<>();
    for (MandateType mandate : MandateType.values()) {
      for (boolean firstVisit : new boolean[] {false, true}) {
        for (int incidents = 0; incidents <= 2; incidents++) {
          for (String facility : FACILITY_LEVELS) {
            for (boolean areas : new boolean[] {false, true}) {
              for (boolean equipment : new boolean[] {false, true}) {
                for (String alert : ALERT_LEVELS) {
                  visits.add(
                      new Visit(mandate, firstVisit, incidents, facility, areas, equipment, alert));
                }
              }
            }
          }
        }
      }
    }
    return visits;
  }

  private int severity(Visit visit) {
    return RISKS.indexOf(outcomeOf(visit).risk());
  }

  /**
   * Evaluates each visit once for the class: the walks over every combination meet the same visits.
   */
  private Outcome outcomeOf(Visit visit) {
    return outcomes.computeIfAbsent(visit, this::decide);
  }

  private Outcome decide(Visit visit) {
    DecisionTable.Evaluation result = decision.evaluate(visit.variables());
    return new Outcome(result.rule(), result.get("risk"), result.get("rationale"));
  }

  /** What the decision reads from a visit request, its organisation and the facility. */
  private record Visit(
      MandateType mandate,
      boolean firstVisit,
      int incidents,
      String facility,
      boolean highSecurityAreas,
      boolean equipment,
      String alert) {

    Visit mandate(MandateType type) {
      return new Visit(type, firstVisit, incidents, facility, highSecurityAreas, equipment, alert);
    }

    Visit firstEntry() {
      return new Visit(mandate, true, incidents, facility, highSecurityAreas, equipment, alert);
    }

    Visit incidents(int count) {
      return new Visit(mandate, firstVisit, count, facility, highSecurityAreas, equipment, alert);
    }

    Visit facility(String level) {
      return new Visit(mandate, firstVisit, incidents, level, highSecurityAreas, equipment, alert);
    }

    Visit intoHighSecurityAreas() {
      return new Visit(mandate, firstVisit, incidents, facility, true, equipment, alert);
    }

    Visit withEquipment() {
      return new Visit(mandate, firstVisit, incidents, facility, highSecurityAreas, true, alert);
    }

    Visit alert(String level) {
      return new Visit(
          mandate, firstVisit, incidents, facility, highSecurityAreas, equipment, level);
    }

    /** The visit with one factor one step worse: a flag set, one more incident, a higher level. */
    List<Visit> raisedByOneFactor() {
      List<Visit> raised =
          new ArrayList<>(
              List.of(
                  firstEntry(),
                  incidents(incidents + 1),
                  intoHighSecurityAreas(),
                  withEquipment()));
      int facilityStep = FACILITY_LEVELS.indexOf(facility) + 1;
      if (facilityStep < FACILITY_LEVELS.size()) {
        raised.add(facility(FACILITY_LEVELS.get(facilityStep)));
      }
      int alertStep = ALERT_LEVELS.indexOf(alert) + 1;
      if (alertStep < ALERT_LEVELS.size()) {
        raised.add(alert(ALERT_LEVELS.get(alertStep)));
      }
      return raised;
    }

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("mandateType", mandate.name())
          .putValue("firstVisit", firstVisit)
          .putValue("incidentsLast12Months", incidents)
          .putValue("facilitySecurityLevel", facility)
          .putValue("highSecurityAreasRequested", highSecurityAreas)
          .putValue("electronicEquipment", equipment)
          .putValue("alertLevel", alert);
    }
  }

  private record Outcome(String rule, String risk, String rationale) {}
}
