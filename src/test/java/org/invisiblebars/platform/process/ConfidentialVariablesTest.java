package org.invisiblebars.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.Test;

/**
 * Confidential variables on the engine the process tests use: who reads the text back, what
 * everybody else reads instead, and that no value query matches it, whoever asks.
 */
@Deployment(resources = "support/process-test-support.bpmn")
class ConfidentialVariablesTest extends ProcessTest {

  private static final Confidential RISK =
      Confidential.readableBy(Groups.DIRECTOR, Groups.SECURITY, Groups.CAMUNDA_ADMIN);
  private static final Confidential REVIEW =
      Confidential.readableBy(Groups.DIRECTOR, Groups.NGO_LIAISON);
  private static final String TEXT =
      "Proposed risk: HIGH — two incidents\nFacility alert level: CRITICAL";

  private ProcessInstance instance;
  private String taskId;

  /** The deployment happens after {@code @BeforeEach}, so each test starts its instance itself. */
  private void aTaskShowingConfidentialTexts() {
    Mocks.register("recordDelegate", (JavaDelegate) execution -> {});
    instance = runtimeService().startProcessInstanceByKey("process-test-support", "case-1");
    taskId = task(instance).getId();
    taskService().setVariableLocal(taskId, "riskProposal", RISK.value(TEXT));
    taskService()
        .setVariableLocal(taskId, "reportSummary", REVIEW.value("Findings: cells without light"));
    runtimeService().setVariable(instance.getId(), "termMonths", RISK.value(12));
    runtimeService().setVariable(instance.getId(), "universalAccess", RISK.value(true));
  }

  /**
   * Completes the task, so the instance runs to its end as the coverage of the support model
   * expects.
   */
  private void endTheInstance() {
    complete(task(instance));
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .count())
        .isZero();
  }

  @Test
  void theEngineItselfAndTheReadersReadTheValues() {
    aTaskShowingConfidentialTexts();
    assertThat(taskService().getVariable(taskId, "riskProposal"))
        .as("no authentication: the engine")
        .isEqualTo(TEXT);
    assertThat(as("sam", Groups.SECURITY, () -> taskService().getVariable(taskId, "riskProposal")))
        .isEqualTo(TEXT);
    assertThat(
            as(
                "admin",
                Groups.CAMUNDA_ADMIN,
                () -> runtimeService().getVariable(instance.getId(), "termMonths")))
        .isEqualTo(12);
    assertThat(
            as(
                "martha",
                Groups.DIRECTOR,
                () -> runtimeService().getVariable(instance.getId(), "universalAccess")))
        .isEqualTo(true);
    assertThat(
            as(
                "lena",
                Groups.NGO_LIAISON,
                () -> taskService().getVariable(taskId, "reportSummary")))
        .isEqualTo("Findings: cells without light");
    endTheInstance();
  }

  @Test
  void everybodyElseReadsThatItIsConfidentialAndNothingMore() {
    aTaskShowingConfidentialTexts();
    assertThat(as("maria", Groups.MANAGER, () -> taskService().getVariablesLocal(taskId)))
        .containsEntry("riskProposal", Confidential.WITHHELD)
        .containsEntry("reportSummary", Confidential.WITHHELD);
    assertThat(
            as(
                "admin",
                Groups.CAMUNDA_ADMIN,
                () -> taskService().getVariable(taskId, "reportSummary")))
        .as("not even an administrator reads a report")
        .isEqualTo(Confidential.WITHHELD);
    assertThat(as("maria", Groups.MANAGER, () -> runtimeService().getVariables(instance.getId())))
        .containsEntry("termMonths", null)
        .containsEntry("universalAccess", null);
    assertThat(
            as(
                "maria",
                Groups.MANAGER,
                () ->
                    historyService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName("riskProposal")
                        .singleResult()
                        .getValue()))
        .isEqualTo(Confidential.WITHHELD);
    assertThat(as("paula", null, () -> taskService().getVariable(taskId, "riskProposal")))
        .as("a user without groups")
        .isEqualTo(Confidential.WITHHELD);
    endTheInstance();
  }

  @Test
  void outsideACommandTheValueIsWithheldEvenWithoutAuthentication() {
    aTaskShowingConfidentialTexts();
    byte[] stored = ConfidentialVariables.encode((Confidential.Value) RISK.value(TEXT));
    assertThat(ConfidentialVariables.decode(stored, false).getValue())
        .isEqualTo(Confidential.WITHHELD);
    assertThat(ConfidentialVariables.decode(null, false).getValue())
        .as("bytes not fetched")
        .isEqualTo(Confidential.WITHHELD);
    VariableInstance fetched =
        runtimeService().createVariableInstanceQuery().variableName("riskProposal").singleResult();
    assertThat(fetched.getValue())
        .as("read inside the query's command, for the engine")
        .isEqualTo(TEXT);
    endTheInstance();
  }

  @Test
  void noValueQueryMatchesAConfidentialTextNotEvenForItsReaders() {
    aTaskShowingConfidentialTexts();
    for (String user : List.of("maria", "sam")) {
      String group = user.equals("sam") ? Groups.SECURITY : Groups.MANAGER;
      assertThat(
              as(
                  user,
                  group,
                  () ->
                      runtimeService()
                          .createVariableInstanceQuery()
                          .variableValueLike("riskProposal", "%HIGH%")
                          .count()))
          .isZero();
      assertThat(
              as(
                  user,
                  group,
                  () ->
                      runtimeService()
                          .createVariableInstanceQuery()
                          .variableValueEquals("termMonths", 12)
                          .count()))
          .isZero();
      assertThat(
              as(
                  user,
                  group,
                  () ->
                      taskService()
                          .createTaskQuery()
                          .taskVariableValueLike("riskProposal", "%HIGH%")
                          .count()))
          .isZero();
      assertThat(
              as(
                  user,
                  group,
                  () ->
                      runtimeService()
                          .createProcessInstanceQuery()
                          .variableValueEquals("universalAccess", true)
                          .count()))
          .isZero();
      assertThat(
              as(
                  user,
                  group,
                  () ->
                      historyService()
                          .createHistoricVariableInstanceQuery()
                          .variableValueEquals("riskProposal", TEXT)
                          .count()))
          .isZero();
    }
    assertThat(runtimeService().createVariableInstanceQuery().variableName("riskProposal").count())
        .isOne();
    endTheInstance();
  }

  /**
   * A model may read variables (a process owner's model too), so a condition, an I/O mapping or a
   * decision could copy a confidential text into a plain variable, or route on it, while a reader
   * completes a task: models evaluate as nobody may read, whoever runs them.
   */
  @Test
  void modelsNeverReadAConfidentialTextNotEvenWhileAReaderRunsThem() {
    aTaskShowingConfidentialTexts();
    String deployment =
        repositoryService()
            .createDeployment()
            .addModelInstance(
                "copy.bpmn",
                Bpmn.createExecutableProcess("confidential-copy")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Review")
                    .camundaOutputParameter("copied", "${secret}")
                    .businessRuleTask("Task_Decide")
                    .camundaDecisionRef("copy-decision")
                    .camundaMapDecisionResult("singleEntry")
                    .camundaResultVariable("decided")
                    .userTask("Task_After")
                    .camundaInputParameter(
                        "matched", "${secret == '" + TEXT.substring(0, 10) + "'}")
                    .endEvent()
                    .done())
            .addString(
                "copy.dmn",
                """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                id="copy" name="copy" namespace="test">
              <decision id="copy-decision" name="copy" camunda:historyTimeToLive="1"><decisionTable id="table">
                <input id="in"><inputExpression id="inExpr" typeRef="string"><text>secret</text></inputExpression></input>
                <output id="out" name="copy" typeRef="string"/>
                <rule id="rule"><inputEntry id="anything"><text>-</text></inputEntry><outputEntry id="copied"><text>secret</text></outputEntry></rule>
              </decisionTable></decision>
            </definitions>""")
            .deploy()
            .getId();
    try {
      ProcessInstance copying =
          runtimeService()
              .startProcessInstanceByKey(
                  "confidential-copy", Map.of("secret", RISK.value(TEXT.substring(0, 10))));
      String review =
          taskService().createTaskQuery().processInstanceId(copying.getId()).singleResult().getId();
      as(
          "sam",
          Groups.SECURITY,
          () -> {
            taskService().complete(review);
            return null;
          });
      assertThat(runtimeService().getVariable(copying.getId(), "copied"))
          .as("I/O mapping")
          .isEqualTo(Confidential.WITHHELD);
      assertThat(runtimeService().getVariable(copying.getId(), "decided"))
          .as("decision")
          .isEqualTo(Confidential.WITHHELD);
      String after =
          taskService().createTaskQuery().processInstanceId(copying.getId()).singleResult().getId();
      assertThat(taskService().getVariable(after, "matched"))
          .as("a condition on the text")
          .isEqualTo(false);
      assertThat(runtimeService().getVariable(copying.getId(), "secret"))
          .as("our code still reads it")
          .isEqualTo(TEXT.substring(0, 10));
      taskService().complete(after);
    } finally {
      repositoryService().deleteDeployment(deployment, true);
    }
    endTheInstance();
  }

  @Test
  void onlyTextsNumbersAndFlagsAndOnlyGroupIds() {
    aTaskShowingConfidentialTexts();
    assertThatThrownBy(() -> RISK.value(Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(Confidential::readableBy).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Confidential.readableBy("director,manager"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RISK.value(null).getValue()).isNull();
    assertThat(RISK.value(TEXT).toString()).doesNotContain("HIGH");
    endTheInstance();
  }

  private static <T> T as(String user, String group, Supplier<T> read) {
    identity().setAuthentication(user, group == null ? List.of() : List.of(group));
    try {
      return read.get();
    } finally {
      identity().clearAuthentication();
    }
  }

  private static IdentityService identity() {
    return processEngine().getIdentityService();
  }
}
