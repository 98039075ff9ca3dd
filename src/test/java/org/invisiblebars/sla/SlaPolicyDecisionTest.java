package org.invisiblebars.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.support.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/sla-policy.dmn, and the default that covers processes added later. */
class SlaPolicyDecisionTest {

  private static DecisionTable policy;

  @BeforeAll
  static void parse() throws Exception {
    policy = DecisionTable.load("processes/sla-policy.dmn", "sla-policy");
  }

  private static Map<String, Object> targetOf(String process, String task) {
    return policy
        .evaluate(
            Variables.createVariables().putValue("processKey", process).putValue("taskKey", task))
        .outputs()
        .getEntryMap();
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}, working days {3}, at risk {4}, {5}")
  @CsvSource({
    "ngo-accreditation, Task_DecideAccreditation, P10D, true, P2D, oversight",
    "ngo-accreditation, Task_VetRepresentatives, P10D, true, P2D, director",
    "ngo-accreditation, Task_VerifyFormalMandate, P3D, true, P1D, director",
    "ngo-accreditation, Task_SignMou, P5D, true, P1D, oversight",
    "ngo-accreditation, Task_PrepareRenewal, P30D, false, P7D, director",
    "ngo-accreditation, Task_CheckApplicationCompleteness, P5D, true, P1D, manager",
    "report-review, Task_ReferAllegation, PT24H, false, PT6H, oversight-head",
    "report-review, Task_PreparePlanOfAction, P5D, true, P1D, oversight",
    "report-review, Task_RecordFollowUp, P5D, true, P1D, director",
    "entry-authorisation, Task_AccountForVisitors, PT1H, false, PT15M, director",
    "entry-authorisation, Task_AssessVisitRisk, P2D, false, PT12H, director",
    "a-process-added-later, Task_Anything, P5D, true, P1D, manager"
  })
  void targetFor(
      String process,
      String task,
      String target,
      boolean workingDays,
      String atRisk,
      String group) {
    Map<String, Object> row = targetOf(process, task);
    assertThat(row)
        .containsEntry("target", target)
        .containsEntry("workingDays", workingDays)
        .containsEntry("atRisk", atRisk)
        .containsEntry("escalationGroup", group);
  }

  @Test
  void everyTargetParsesAsADuration() {
    for (String process : new String[] {"ngo-accreditation", "report-review", "x"}) {
      for (String task : new String[] {"Task_DecideAccreditation", "Task_ReferAllegation", "y"}) {
        Map<String, Object> row = targetOf(process, task);
        assertThat(Duration.parse((String) row.get("target"))).isPositive();
        assertThat(Duration.parse((String) row.get("atRisk"))).isPositive();
      }
    }
  }
}
