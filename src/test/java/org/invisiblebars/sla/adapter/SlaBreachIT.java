package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.sla.domain.SlaBreach;
import org.invisiblebars.sla.domain.SlaBreachRepository;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A task past its due date is recorded once, escalated to its policy's group, and resolved on completion. */
class SlaBreachIT extends IntegrationTest {

  @Autowired BreachScan scan;
  @Autowired SlaBreachRepository breaches;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired ObjectMapper json;

  private Deployment deployment;

  @BeforeEach
  void deploy() {
    deployment = repositoryService.createDeployment().addModelInstance("breach-check.bpmn",
        Bpmn.createExecutableProcess("breach-check").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Review").camundaCandidateGroups("ngo-liaison").endEvent().done()).deploy();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void aBreachIsRecordedOnceEscalatedAndResolved() throws Exception {
    Task task = overdueTask();

    scan.scan();
    scan.scan();

    List<SlaBreach> recorded = breaches.findByTaskId(task.getId());
    assertThat(recorded).hasSize(1);
    SlaBreach breach = recorded.get(0);
    assertThat(breach.getProcessKey()).isEqualTo("breach-check");
    assertThat(breach.getCandidateGroups()).isEqualTo("ngo-liaison");
    assertThat(breach.getEscalationGroup()).isEqualTo("manager");
    assertThat(breach.getDueAt()).isBefore(breach.getBreachedAt());
    assertThat(breach.getResolvedAt()).isNull();

    Task escalated = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(escalated.getPriority()).isEqualTo(BreachScan.ESCALATED_PRIORITY);
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("manager", "ngo-liaison");
    String managersQueue = filterService.createFilterQuery().filterName("Managers queue").singleResult().getId();
    assertThat(json.readTree(as("maria").getForObject("/engine-rest/filter/" + managersQueue + "/list", String.class))
        .findValuesAsText("id")).as("the breach is in the escalation group's queue").contains(task.getId());

    taskService.complete(task.getId());
    assertThat(breaches.findByTaskId(task.getId()).get(0).getResolvedAt()).isNotNull();
  }

  @Test
  void twoScansAtOnceRecordTheBreachOnce() throws Exception {
    Task task = overdueTask();
    Callable<Integer> scanning = scan::scan;
    var pool = Executors.newFixedThreadPool(2);
    try {
      pool.invokeAll(List.of(scanning, scanning, scanning));
    } finally {
      pool.shutdown();
    }
    assertThat(breaches.findByTaskId(task.getId())).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> "manager".equals(l.getGroupId())))
        .as("escalated once").hasSize(1);
  }

  private Task overdueTask() {
    String instance = runtimeService.startProcessInstanceByKey("breach-check").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.setDueDate(task.getId(), Date.from(Instant.now().minus(Duration.ofMinutes(5))));
    return task;
  }
}
