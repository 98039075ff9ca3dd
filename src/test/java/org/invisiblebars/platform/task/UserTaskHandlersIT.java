package org.invisiblebars.platform.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task of our processes is one the application knows: a model that renames or adds a user task
 * without a handler is refused at deployment, naming the task, instead of failing when a person
 * completes it; another process may have tasks without handlers.
 */
class UserTaskHandlersIT extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void aProcessOfOursWithAUserTaskWithoutHandlerIsRefusedAtDeployment() throws Exception {
    String model =
        Files.readString(Path.of("processes/ngo-accreditation.bpmn"), StandardCharsets.UTF_8)
            .replace(AccreditationProcess.Element.VERIFY_FORMAL_MANDATE, "Task_CheckTheMandate");
    long versions =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(AccreditationProcess.KEY)
            .count();

    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .name("renamed task")
                    .addString("ngo-accreditation.bpmn", model)
                    .deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Task_CheckTheMandate")
        .hasMessageContaining("has no handler");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(AccreditationProcess.KEY)
                .count())
        .as("nothing deployed")
        .isEqualTo(versions);
  }

  @Test
  void anotherProcessMayHaveTasksWithoutHandlers() {
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("deployment-check")
                .count())
        .as("the test model deployment-check has a user task and no handler, and is deployed")
        .isPositive();
  }

  /**
   * Instances started on a model version from before handlers still name the retired listener on
   * their user tasks; the listener is dropped when the model is parsed, so their tasks are created
   * and completed instead of failing on a bean that no longer exists.
   */
  @Test
  void aRetiredListenerOfAnEarlierModelVersionIsDropped() {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Retired" targetNamespace="http://invisiblebars.org/test">
          <bpmn:process id="retired-listener-check" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Old" />
            <bpmn:userTask id="Task_Old" camunda:candidateGroups="ngo-liaison">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${accreditationTaskListener}" event="create" />
                <camunda:taskListener delegateExpression="${visitTaskListener}" event="complete" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Old" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    var deployment =
        repositoryService
            .createDeployment()
            .name("earlier model version")
            .addString("retired.bpmn", model)
            .deploy();
    try {
      var instance = runtimeService.startProcessInstanceByKey("retired-listener-check");
      var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task).as("created although its create listener names a retired bean").isNotNull();
      taskService.complete(task.getId());
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceId(instance.getId())
                  .count())
          .isZero();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /**
   * A version deployed while its task still had a handler, re-read after the task was renamed in
   * the application (a restart with running instances on it): it loads, its instances go on, and
   * only completing the orphaned task is refused, saying what to do. Simulated by renaming the task
   * in the stored model and discarding the engine's cache, as a restart of a newer release would.
   */
  @Test
  void anEarlierVersionWhoseTaskLostItsHandlerStillLoadsAndRefusesOnlyThatTask() {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Earlier" targetNamespace="http://invisiblebars.org/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="%s" />
            <bpmn:userTask id="%s" camunda:candidateGroups="ngo-liaison" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="%s" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String task = AccreditationProcess.Element.VERIFY_FORMAL_MANDATE;
    String key = AccreditationProcess.KEY;
    var deployment =
        repositoryService
            .createDeployment()
            .name("earlier version of " + key)
            .addString("earlier.bpmn", model.formatted(key, task, task, task))
            .deploy();
    try {
      String gone = "Task_NoLongerKnown";
      jdbc.update(
          "update act_ge_bytearray set bytes_ = ? where deployment_id_ = ?",
          model.formatted(key, gone, gone, gone).getBytes(StandardCharsets.UTF_8),
          deployment.getId());
      configuration.getDeploymentCache().discardProcessDefinitionCache();
      String definition =
          repositoryService
              .createProcessDefinitionQuery()
              .deploymentId(deployment.getId())
              .singleResult()
              .getId();

      var instance = runtimeService.startProcessInstanceById(definition);
      var orphan = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

      assertThat(orphan.getTaskDefinitionKey()).isEqualTo(gone);
      assertThatThrownBy(() -> taskService.complete(orphan.getId()))
          .hasRootCauseInstanceOf(ConflictException.class)
          .hasMessageContaining(gone)
          .hasMessageContaining("earlier version");
      assertThat(taskService.createTaskQuery().taskId(orphan.getId()).count())
          .as("still open")
          .isOne();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }
}
