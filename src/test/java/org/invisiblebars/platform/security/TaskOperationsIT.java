package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.sla.adapter.BreachScan;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Defect 3 of issue 10: a task's candidates (and read-only roles) took paths the model does not
 * define. Each test reproduces one probe through the engine REST API or Tasklist's and Cockpit's
 * engine API, and checks both the answer and that nothing changed.
 */
class TaskOperationsIT extends IntegrationTest {

  private static Fixtures fixtures;
  private static String centralPrison;

  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RepresentativeRepository representatives;
  @Autowired BreachScan breachScan;
  @Autowired JdbcTemplate jdbc;

  private final EngineTasks engine = new EngineTasks(this::as);

  @BeforeEach
  void fixtures() {
    if (fixtures == null) {
      fixtures = new Fixtures(rest, this::as, taskService);
      centralPrison = fixtures.facility("Central Prison");
    }
  }

  @Test
  void aCandidateCannotEndAnApplicationWithABpmnErrorOrEscalation() {
    Ngo ngo = fixtures.applied("Error Watch", centralPrison);
    String task =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);

    for (String user : List.of("lena", "admin")) {
      ResponseEntity<String> error =
          post(user, "/engine-rest/task/" + task + "/bpmnError", Map.of("errorCode", "Error_Any"));
      assertThat(error.getStatusCode())
          .as(user + ": " + error.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(error.getBody())
          .contains(AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS, "Error_Any");
      ResponseEntity<String> escalation =
          post(
              user,
              "/engine-rest/task/" + task + "/bpmnEscalation",
              Map.of("escalationCode", "Escalation_Any"));
      assertThat(escalation.getStatusCode())
          .as(user + ": " + escalation.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThat(
            post(
                    "maria",
                    "/engine-rest/task/" + task + "/bpmnError",
                    Map.of("errorCode", "Error_Any"))
                .getStatusCode())
        .as("a manager is not even a candidate")
        .isEqualTo(HttpStatus.FORBIDDEN);

    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("lena", "demo", "tasklist")).isEqualTo(200);
    assertThat(
            tasklist
                .postJson(
                    "/camunda/api/engine/engine/default/task/" + task + "/bpmnError",
                    "{\"errorCode\":\"Error_Any\"}")
                .statusCode())
        .as("Tasklist's engine API")
        .isEqualTo(400);

    assertThat(taskService.createTaskQuery().taskId(task).count())
        .as("the task is still open")
        .isOne();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(ngo.accreditationId()))
                .count())
        .isOne();
    assertThat(
            json(fixtures
                    .as(ngo)
                    .getForObject("/api/v1/accreditations/" + ngo.accreditationId(), String.class))
                .get("status")
                .asText())
        .isEqualTo("SUBMITTED");
  }

  @Test
  void securityCannotExpireAFormalMonitorsVisitFromTheCheckIn() {
    Ngo npm = fixtures.registeredMandate("Gate Mechanism", centralPrison);
    List<UUID> people =
        representatives.findByOrganisationId(UUID.fromString(npm.organisationId())).stream()
            .map(Representative::getId)
            .toList();
    String visit = fixtures.unannouncedVisit(npm, centralPrison, people);
    fixtures.toTheGate(visit);
    String checkIn =
        fixtures.awaitTasks(visit, EntryProcess.Element.CHECK_IN_VISITOR).get(0).getId();

    ResponseEntity<String> error =
        post(
            "sam",
            "/engine-rest/task/" + checkIn + "/bpmnError",
            Map.of("errorCode", "Error_Expired"));

    assertThat(error.getStatusCode()).as(error.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(taskService.createTaskQuery().taskId(checkIn).count()).isOne();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(visit))
                .count())
        .as("the visit goes on")
        .isOne();
    assertThat(
            json(as("sam").getForObject("/api/v1/visits/" + visit, String.class))
                .get("status")
                .asText())
        .isNotIn("EXPIRED", "NO_ENTRY", "CANCELLED");
  }

  @Test
  void aBoundaryEventTheModelDefinesMayBeReachedByTheTasksCandidates() {
    String deployment =
        repositoryService
            .createDeployment()
            .name("task-ops-boundary")
            .addModelInstance("task-ops-boundary.bpmn", boundaryModel())
            .deploy()
            .getId();
    try {
      String instance = runtimeService.startProcessInstanceByKey("task-ops-boundary").getId();
      String task =
          taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

      assertThat(
              post(
                      "lena",
                      "/engine-rest/task/" + task + "/bpmnError",
                      Map.of("errorCode", "Error_Other"))
                  .getStatusCode())
          .as("a code no boundary event catches")
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(
              post(
                      "sam",
                      "/engine-rest/task/" + task + "/bpmnError",
                      Map.of("errorCode", "Error_Withdrawn"))
                  .getStatusCode())
          .as("not a candidate")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(
              post(
                      "lena",
                      "/engine-rest/task/" + task + "/bpmnError",
                      Map.of("errorCode", "Error_Withdrawn"))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
          .as("the error path ended it")
          .isZero();

      String second = runtimeService.startProcessInstanceByKey("task-ops-boundary").getId();
      String secondTask =
          taskService.createTaskQuery().processInstanceId(second).singleResult().getId();
      assertThat(
              post(
                      "lena",
                      "/engine-rest/task/" + secondTask + "/bpmnEscalation",
                      Map.of("escalationCode", "Escalation_Help"))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceId(second)
                  .taskDefinitionKey("Task_Help")
                  .count())
          .as("the escalation path")
          .isOne();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aCandidateCannotMoveADeadlineRaiseAPriorityOrSetVariables() throws Exception {
    Ngo ngo = fixtures.applied("Deadline Watch", centralPrison);
    String task =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    Task before = taskService.createTaskQuery().taskId(task).singleResult();
    Map<String, Object> moved =
        Map.of(
            "name",
            before.getName(),
            "due",
            "2099-01-01T00:00:00.000+0000",
            "priority",
            99,
            "owner",
            "lena");

    assertThat(put("lena", "/engine-rest/task/" + task, moved).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "lena",
                    "/engine-rest/task/" + task + "/variables",
                    Map.of("modifications", Map.of("applicationComplete", Map.of("value", true))))
                .getStatusCode())
        .as("routing flags are the forms' business")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            put("lena", "/engine-rest/task/" + task + "/localVariables/note", Map.of("value", "x"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "lena",
                    "/engine-rest/task/" + task + "/resolve",
                    Map.of("variables", Map.of("applicationComplete", Map.of("value", true))))
                .getStatusCode())
        .as("nothing was delegated")
        .isEqualTo(HttpStatus.BAD_REQUEST);

    Task after = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
    assertThat(after.getOwner()).isNull();
    assertThat(runtimeService.getVariable(after.getExecutionId(), "applicationComplete")).isNull();

    assertThat(put("admin", "/engine-rest/task/" + task, moved).getStatusCode())
        .as("administrators repair")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getPriority())
        .isEqualTo(99);
  }

  @Test
  void aCompletionCarriesOnlyTheFieldsOfTheTasksForm() {
    Ngo ngo = fixtures.applied("Form Watch", centralPrison);
    Ngo other = fixtures.applied("Other Form Watch", centralPrison);
    String task =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    String execution = taskService.createTaskQuery().taskId(task).singleResult().getExecutionId();

    for (String operation : List.of("complete", "submit-form")) {
      ResponseEntity<String> moved =
          post(
              "lena",
              "/engine-rest/task/" + task + "/" + operation,
              Map.of(
                  "variables",
                  Map.of(
                      "completeness",
                      Map.of("value", "COMPLETE"),
                      "accreditationId",
                      Map.of("value", other.accreditationId()))));
      assertThat(moved.getStatusCode())
          .as(operation + ": " + moved.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(moved.getBody()).contains("accreditationId");
    }
    assertThat(runtimeService.getVariable(execution, "accreditationId"))
        .as("the application stays the application")
        .isEqualTo(ngo.accreditationId());
    assertThat(
            json(fixtures
                    .as(other)
                    .getForObject(
                        "/api/v1/accreditations/" + other.accreditationId(), String.class))
                .get("status")
                .asText())
        .isEqualTo("SUBMITTED");

    assertThat(
            post(
                    "lena",
                    "/engine-rest/task/" + task + "/complete",
                    Map.of("variables", Map.of("completeness", Map.of("value", "COMPLETE"))))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            fixtures.taskId(
                ngo.accreditationId(), AccreditationProcess.Element.RATE_ACCREDITATION_CRITERIA))
        .isNotNull();
  }

  @Test
  void aCandidateClaimsAndUnclaimsButCannotHandTheTaskToAnyoneElse() {
    Ngo ngo = fixtures.applied("Claim Watch", centralPrison);
    String task =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    String path = "/engine-rest/task/" + task;

    assertThat(post("lena", path + "/claim", Map.of("userId", "sam")).getStatusCode())
        .as("a claim for someone else")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("lena", path + "/assignee", Map.of("userId", "sam")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "lena",
                    path + "/identity-links",
                    Map.of("groupId", "security", "type", "candidate"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "lena",
                    path + "/identity-links/delete",
                    Map.of("groupId", "ngo-liaison", "type", "candidate"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.getIdentityLinksForTask(task))
        .extracting(link -> link.getGroupId())
        .containsExactly("ngo-liaison");

    assertThat(post("lena", path + "/claim", Map.of("userId", "lena")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("lena", path + "/delegate", Map.of("userId", "sam")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("lena", path + "/assignee", Map.of("userId", "martha")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo("lena");
    assertThat(post("lena", path + "/unclaim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("lena", "demo", "tasklist")).isEqualTo(200);
    String webapp = "/camunda/api/engine/engine/default/task/" + task;
    assertThat(tasklist.postJson(webapp + "/claim", "{\"userId\":\"lena\"}").statusCode())
        .isEqualTo(204);
    assertThat(tasklist.postJson(webapp + "/assignee", "{\"userId\":\"sam\"}").statusCode())
        .isEqualTo(403);
    assertThat(tasklist.postJson(webapp + "/unclaim", "{}").statusCode()).isEqualTo(204);

    assertThat(post("admin", path + "/assignee", Map.of("userId", "lena")).getStatusCode())
        .as("administrators repair")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("sam", path + "/unclaim", Map.of()).getStatusCode())
        .as("not sam's task")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo("lena");
  }

  @Test
  void onlyWhoMayWorkATaskCommentsOrAttachesAndOnlyWhoMayReadItReadsTheComments() {
    Ngo npm = fixtures.registeredMandate("Comment Mechanism", centralPrison);
    String report = fixtures.report(npm, centralPrison, "Findings nobody else may read");
    String reportTask = fixtures.taskId(report, ReportReviewProcess.Element.ACKNOWLEDGE_REPORT);
    Ngo ngo = fixtures.applied("Comment Watch", centralPrison);
    String liaisonTask =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);

    for (String task : List.of(reportTask, liaisonTask)) {
      ResponseEntity<String> comment =
          post(
              "maria",
              "/engine-rest/task/" + task + "/comment/create",
              Map.of("message", "Hurry up"));
      assertThat(comment.getStatusCode().is4xxClientError())
          .as("maria comments: " + comment.getBody())
          .isTrue();
      assertThat(attach("maria", task).getStatusCode().is4xxClientError())
          .as("maria attaches")
          .isTrue();
      assertThat(taskService.getTaskComments(task)).isEmpty();
      assertThat(taskService.getTaskAttachments(task)).isEmpty();
    }
    WebappSession cockpit = new WebappSession(baseUrl());
    assertThat(cockpit.login("maria", "demo", "cockpit")).isEqualTo(200);
    assertThat(
            cockpit
                .postJson(
                    "/camunda/api/engine/engine/default/task/" + liaisonTask + "/comment/create",
                    "{\"message\":\"x\"}")
                .statusCode())
        .as("Cockpit's engine API")
        .isBetween(400, 499);

    // The engine's rule, as Tasklist's candidates meet it (the REST layer also asks them to read
    // the task's history).
    assertThat(
            asUser(
                "lena",
                List.of("ngo-liaison"),
                () -> taskService.createComment(liaisonTask, null, "Asked for the SWOT")))
        .isNotNull();
    assertThatThrownBy(
            () ->
                asUser(
                    "sam",
                    List.of("security"),
                    () -> taskService.createComment(liaisonTask, null, "x")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                asUser(
                    "maria",
                    List.of("manager"),
                    () -> taskService.createComment(liaisonTask, null, "x")))
        .isInstanceOf(AuthorizationException.class);

    ResponseEntity<String> adminsNote =
        post(
            "admin",
            "/engine-rest/task/" + reportTask + "/comment/create",
            Map.of("message", "Admin note"));
    assertThat(adminsNote.getStatusCode()).as("administrators repair").isEqualTo(HttpStatus.OK);
    ResponseEntity<String> attached = attach("admin", liaisonTask);
    assertThat(attached.getStatusCode()).isEqualTo(HttpStatus.OK);
    String attachment = json(attached.getBody()).get("id").asText();

    ResponseEntity<String> read =
        as("maria").getForEntity("/engine-rest/task/" + reportTask + "/comment", String.class);
    assertThat(read.getStatusCode())
        .as("a manager reads no comment of a task hidden from her")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(read.getBody()).doesNotContain("Admin note");
    assertThat(
            as("maria").getForObject("/engine-rest/task/" + liaisonTask + "/comment", String.class))
        .contains("Asked for the SWOT");
    assertThat(
            as("maria")
                .exchange(
                    "/engine-rest/task/" + liaisonTask + "/attachment/" + attachment,
                    HttpMethod.DELETE,
                    null,
                    String.class)
                .getStatusCode()
                .is4xxClientError())
        .isTrue();
    assertThat(taskService.getTaskAttachments(liaisonTask)).hasSize(1);
    assertThat(taskService.getTaskComments(liaisonTask))
        .extracting(c -> c.getFullMessage())
        .containsExactly("Asked for the SWOT");
  }

  @Test
  void theBreachScanStillEscalatesAsTheSystem() {
    Ngo ngo = fixtures.applied("Breach Watch", centralPrison);
    String task =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    taskService.setDueDate(task, Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));

    breachScan.scan();

    Task escalated = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(escalated.getPriority()).isEqualTo(90);
    String group =
        jdbc.queryForObject(
            "select escalation_group from sla_breach where task_id = ?", String.class, task);
    assertThat(group)
        .as("the managers are told of the late completeness check")
        .isEqualTo("manager");
    assertThat(taskService.getIdentityLinksForTask(task))
        .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .extracting(link -> link.getGroupId())
        .as("told, not given work they may not do (issue 13)")
        .containsExactly("ngo-liaison");
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(task)
                .groupIdIn(group)
                .count())
        .as("no grant on the task for the escalation group")
        .isZero();
  }

  @Test
  void candidatesOfTasksCreatedBeforeTheUpgradeLoseTheRightToReassign() {
    Ngo ngo = fixtures.applied("Upgrade Watch", centralPrison);
    String task =
        fixtures.taskId(
            ngo.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    Authorization grant =
        authorizationService
            .createAuthorizationQuery()
            .resourceType(Resources.TASK)
            .resourceId(task)
            .groupIdIn("ngo-liaison")
            .singleResult();
    grant.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(grant);
    assertThat(
            post("lena", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "sam"))
                .getStatusCode())
        .as("as before the upgrade")
        .isEqualTo(HttpStatus.NO_CONTENT);
    taskService.setAssignee(task, null);

    new TaskWorkGrants(authorizationService).upgrade();

    Authorization upgraded =
        authorizationService
            .createAuthorizationQuery()
            .resourceType(Resources.TASK)
            .resourceId(task)
            .groupIdIn("ngo-liaison")
            .singleResult();
    assertThat(upgraded.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(upgraded.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(upgraded.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(
            post("lena", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "sam"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("lena", "/engine-rest/task/" + task + "/claim", Map.of("userId", "lena"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /**
   * A user task of ngo-liaison with an error and an escalation boundary event: the model's own way
   * out.
   */
  private static BpmnModelInstance boundaryModel() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("task-ops-boundary")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Started")
            .userTask("Task_Review")
            .camundaCandidateGroups("ngo-liaison")
            .boundaryEvent("Error_Withdrawn")
            .error("Error_Withdrawn")
            .endEvent("EndEvent_Withdrawn")
            .moveToActivity("Task_Review")
            .boundaryEvent("Escalation_Help")
            .cancelActivity(false)
            .escalation("Escalation_Help")
            .userTask("Task_Help")
            .camundaCandidateGroups("ngo-liaison")
            .endEvent("EndEvent_Helped")
            .moveToActivity("Task_Review")
            .endEvent("EndEvent_Reviewed")
            .done();
    return model;
  }

  /** Runs engine calls as the user, as the engine REST API does for a request. */
  private <T> T asUser(String user, List<String> groups, Supplier<T> call) {
    identityService.setAuthentication(user, groups);
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ResponseEntity<String> attach(String user, String task) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("attachment-name", "minutes.txt");
    body.add("attachment-type", "text/plain");
    body.add(
        "content",
        new ByteArrayResource("minutes".getBytes()) {
          @Override
          public String getFilename() {
            return "minutes.txt";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user)
        .postForEntity(
            "/engine-rest/task/" + task + "/attachment/create",
            new HttpEntity<>(body, headers),
            String.class);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return as(user).postForEntity(path, EngineTasks.jsonBody(body), String.class);
  }

  private ResponseEntity<String> put(String user, String path, Object body) {
    return as(user).exchange(path, HttpMethod.PUT, EngineTasks.jsonBody(body), String.class);
  }

  private JsonNode json(String body) {
    return engine.read(body);
  }
}
