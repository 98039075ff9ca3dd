package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.invisiblebars.sla.domain.SlaTarget;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Every user task gets its due date from sla-policy, also in a process deployed after start-up. */
class SlaDueDateIT extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired ObjectMapper json;

  @Test
  void aProcessDeployedLaterGetsTheDefaultTarget() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("sla-check")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Review")
            .camundaCandidateGroups("ngo-liaison")
            .endEvent()
            .done();
    Deployment deployment =
        repositoryService.createDeployment().addModelInstance("sla-check.bpmn", model).deploy();
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("sla-check");
      Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

      Instant expected =
          SlaTarget.of("P5D", true, "P1D", "manager")
              .dueFrom(task.getCreateTime().toInstant(), ZoneId.of("UTC"));
      assertThat(task.getDueDate()).isNotNull();
      assertThat(task.getDueDate().toInstant()).isEqualTo(expected);

      // The seeded Overdue filter shows it to its group once it is past due.
      taskService.setDueDate(task.getId(), Date.from(Instant.now().minus(Duration.ofHours(1))));
      String overdue =
          filterService.createFilterQuery().filterName("Overdue").singleResult().getId();
      String listed =
          as("lena").getForObject("/engine-rest/filter/" + overdue + "/list", String.class);
      assertThat(json.readTree(listed).findValuesAsText("id")).contains(task.getId());
      assertThat(
              json.readTree(
                      as("martha")
                          .getForObject("/engine-rest/filter/" + overdue + "/list", String.class))
                  .findValuesAsText("id"))
          .as("not martha's group")
          .doesNotContain(task.getId());
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /**
   * Issue 13: the entry tasks are due by their visit's window (the model sets their due dates), yet
   * the dashboard measured them against the policy's 48 hours. A task type whose model sets its due
   * date has no fixed target; each task counts against its own due date.
   */
  @Test
  void aTaskWhoseModelSetsItsDueDateIsMeasuredAgainstItsOwnDueDate() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("window-check")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Gate")
            .camundaCandidateGroups("security")
            .camundaDueDate("${due}")
            .userTask("Task_Review")
            .camundaCandidateGroups("security")
            .endEvent()
            .done();
    Deployment deployment =
        repositoryService.createDeployment().addModelInstance("window-check.bpmn", model).deploy();
    try {
      Date windowPassed = Date.from(Instant.now().minus(Duration.ofMinutes(1)));
      for (int i = 0; i < 2; i++) {
        String instance =
            runtimeService
                .startProcessInstanceByKey("window-check", Map.of("due", windowPassed))
                .getId();
        Task gate = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(gate.getDueDate()).as("the model's due date is kept").isEqualTo(windowPassed);
        taskService.complete(gate.getId());
        taskService.complete(
            taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
      }

      var types =
          json.readTree(as("maria").getForObject("/api/v1/sla/task-types?days=1", String.class));
      Map<String, JsonNode> byTask = new HashMap<>();
      types.forEach(
          t -> {
            if (t.get("processKey").asText().equals("window-check")) {
              byTask.put(t.get("taskKey").asText(), t);
            }
          });
      assertThat(byTask.get("Task_Gate").get("dueDateSetByModel").asBoolean()).isTrue();
      assertThat(byTask.get("Task_Gate").hasNonNull("target"))
          .as("no 48-hour target for a task due by its window")
          .isFalse();
      assertThat(byTask.get("Task_Gate").get("finishedLate").asLong()).isEqualTo(2);
      assertThat(byTask.get("Task_Review").get("dueDateSetByModel").asBoolean()).isFalse();
      assertThat(byTask.get("Task_Review").at("/target/workingDays").asBoolean()).isTrue();
      assertThat(byTask.get("Task_Review").get("finishedLate").asLong()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void accreditationTasksGetTheirOwnTargets() throws Exception {
    var body =
        Map.of(
            "mandateType",
            "NGO",
            "programmeType",
            "MONITORING",
            "proposedActivity",
            "SLA check",
            "sustainabilityMonths",
            12,
            "facilityIds",
            List.of(
                json.readTree(as("john").getForObject("/api/v1/facilities", String.class))
                    .get(0)
                    .get("id")
                    .asText()),
            "representatives",
            List.of(Map.of("fullName", "Sol Checker")));
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String id =
        json.readTree(
                as("john")
                    .postForObject(
                        "/api/v1/accreditations", new HttpEntity<>(body, headers), String.class))
            .get("id")
            .asText();

    Task check =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(BusinessKeys.of(id))
            .singleResult();
    assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckApplicationCompleteness");
    assertThat(check.getDueDate().toInstant())
        .isEqualTo(
            SlaTarget.of("P5D", true, "P1D", "manager")
                .dueFrom(check.getCreateTime().toInstant(), ZoneId.of("UTC")));
  }
}
