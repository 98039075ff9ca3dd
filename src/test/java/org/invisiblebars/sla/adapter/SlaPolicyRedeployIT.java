package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.invisiblebars.sla.domain.SlaTarget;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.ModelChangeReviews;
import org.invisiblebars.support.ModelerDeployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The targets of sla-policy are kept per deployed version and task type (they depend on nothing
 * else), so a task type looked up before a process owner deploys a new table must get the new
 * table's target with its very next task, and the old one again once that deployment is gone.
 */
class SlaPolicyRedeployIT extends IntegrationTest {

  @Autowired ModelChangeRepository changes;

  private static final String PROCESS = "sla-redeploy-check";
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  @Test
  void aProcessOwnersNewPolicyAppliesToTheNextTaskOfATypeAlreadyLookedUp() throws Exception {
    repositoryService
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Review")
                .camundaCandidateGroups("ngo-liaison")
                .endEvent()
                .done())
        .deploy();
    SlaTarget standard = SlaTarget.of("P5D", true, "P1D", "manager");
    assertDue(newTask(), standard, "the default rule");

    String policy = ModelerDeployment.text("processes/sla-policy.dmn");
    String changed =
        policy.replaceFirst(
            "(<outputEntry id=\"DecisionRule_Default_Target\">\\s*<text>)&quot;P5D&quot;",
            "$1&quot;P8D&quot;");
    assertThat(changed).isNotEqualTo(policy);
    ResponseEntity<String> deployed =
        ModelerDeployment.named("sla-redeploy")
            .file("sla-policy.dmn", changed)
            .deployAs(rest.withBasicAuth("paula", "demo"));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    String deployment = json.readTree(deployed.getBody()).get("id").asText();
    try {
      assertDue(newTask(), standard, "the live table while the process owner's awaits review");
      new ModelChangeReviews(new EngineTasks(user -> rest.withBasicAuth(user, "demo")), changes)
          .approve(deployment, "martha", false);
      assertDue(
          newTask(),
          SlaTarget.of("P8D", true, "P1D", "manager"),
          "the process owner's table, at once once approved");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }

    assertDue(newTask(), standard, "the earlier table again");
  }

  private Task newTask() {
    String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private static void assertDue(Task task, SlaTarget target, String why) {
    assertThat(task.getDueDate()).as(why).isNotNull();
    assertThat(task.getDueDate().toInstant())
        .as(why)
        .isEqualTo(target.dueFrom(task.getCreateTime().toInstant(), UTC));
  }
}
