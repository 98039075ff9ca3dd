package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.EngineTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Escalation informs and raises priority; it does not hand the work to a group that may not do it
 * (issue 13, item 4): a manager told of a liaison officer's late rating task can neither claim nor
 * complete it through the engine REST API, as Tasklist would call it.
 */
class EscalationIT extends ApiTest {

  private static final String RATE = "Task_RateAccreditationCriteria";

  @Autowired BreachScan scan;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired EscalatedCandidatesRepair repair;

  @Test
  void aManagerToldOfALateRatingCannotClaimOrCompleteIt() {
    String accreditation = awaitingRating();
    String task = engine.tasks("lena", accreditation, RATE).get(0).get("id").asText();
    taskService.setDueDate(task, Date.from(Instant.now().minus(Duration.ofHours(1))));

    scan.scan();

    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getPriority())
        .as("escalation raises priority")
        .isEqualTo(BreachScan.ESCALATED_PRIORITY);

    assertTheManagerCanNeitherClaimNorComplete(task);
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("still open").isOne();
    assertThat(taskService.getIdentityLinksForTask(task))
        .extracting(IdentityLink::getGroupId)
        .as("the manager is told, not made a candidate")
        .doesNotContain("manager");

    var escalations =
        engine.read(user("maria").getForObject("/api/v1/sla/escalations", String.class));
    assertThat(escalations.findValuesAsText("taskId"))
        .as("the manager sees what was escalated to her group")
        .contains(task);
    var lenaSees = user("lena").getForEntity("/api/v1/sla/escalations", String.class);
    assertThat(engine.read(lenaSees.getBody()).findValuesAsText("taskId"))
        .as("nothing is escalated to the liaison officers")
        .doesNotContain(task);

    engine.completeTask("lena", task, AccreditationForms.everyCriterionRated(4));
    assertThat(taskService.createTaskQuery().taskId(task).count())
        .as("the liaison officer still does the work")
        .isZero();
  }

  @Test
  void aManagerMadeACandidateByAnEarlierEscalationLosesTheTaskAtStart() {
    String accreditation = awaitingRating();
    String task = engine.tasks("lena", accreditation, RATE).get(0).get("id").asText();
    // What the breach scan did before issue 13: the escalation group became a candidate (with the
    // engine's task authorization), and a manager claimed the task.
    taskService.addCandidateGroup(task, "manager");
    taskService.claim(task, "maria");
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(task)
                .groupIdIn("manager")
                .count())
        .as("the engine authorized the group with the candidacy")
        .isOne();

    assertThat(repair.repair()).isPositive();

    assertThat(taskService.getIdentityLinksForTask(task))
        .extracting(IdentityLink::getGroupId)
        .contains("ngo-liaison")
        .doesNotContain("manager");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
        .as("back in the liaison officers' queue")
        .isNull();
    assertTheManagerCanNeitherClaimNorComplete(task);
    assertThat(repair.repair()).as("nothing left to take back").isZero();

    engine.completeTask("lena", task, AccreditationForms.everyCriterionRated(4));
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  /**
   * maria's claim and completion of {@code task} through the engine REST API, as Tasklist calls it.
   */
  private void assertTheManagerCanNeitherClaimNorComplete(String task) {
    ResponseEntity<String> claim =
        user("maria")
            .postForEntity(
                "/engine-rest/task/" + task + "/claim",
                EngineTasks.jsonBody(Map.of("userId", "maria")),
                String.class);
    assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> completed =
        engine.completeTask("maria", task, AccreditationForms.everyCriterionRated(4));
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String awaitingRating() {
    String id = applied();
    engine.complete(
        "lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    engine.awaitTasks("lena", id, RATE);
    return id;
  }
}
