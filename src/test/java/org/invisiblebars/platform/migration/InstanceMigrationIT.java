package org.invisiblebars.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.ModelerDeployment;
import org.invisiblebars.support.Race;
import org.invisiblebars.support.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Item 2 of issue 14: a process owner moves the running instances of a version to a newer one
 * through our API, and the engine's authorizations let her (and nobody else but administrators).
 * The changed version renames a task, as a process owner's change would.
 */
class InstanceMigrationIT extends ApiTest {

  private static final String PROCESS = "report-review";
  private static final String RENAMED = "Acknowledge the report and assign its recommendations";

  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTheChangedVersion() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aProcessOwnerMovesRunningInstancesToTheRenamedVersion() throws Exception {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    Fixtures.Ngo npm = fixtures.registeredMandate("Migration Watch " + System.nanoTime(), facility);
    String report = fixtures.report(npm, facility, "Findings");
    Task before = acknowledgeTask(report);
    int oldVersion = versionOf(before);

    int newVersion = deployRenamed();

    JsonNode versions =
        engine.read(
            user("paula")
                .getForObject("/api/v1/migrations/versions?process=" + PROCESS, String.class));
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(newVersion);
    assertThat(versions.findValues("version").stream().map(JsonNode::asInt)).contains(oldVersion);

    JsonNode plan =
        engine.read(
            user("paula")
                .getForObject(
                    "/api/v1/migrations/plan?process="
                        + PROCESS
                        + "&fromVersion="
                        + oldVersion
                        + "&toVersion="
                        + newVersion,
                    String.class));
    assertThat(plan.get("executable").asBoolean()).as(plan.toString()).isTrue();
    assertThat(plan.get("unmapped")).isEmpty();
    assertThat(plan.get("mappings").findValuesAsText("targetName")).contains(RENAMED);
    assertThat(plan.get("from").get("runningInstances").asLong()).isPositive();

    for (String refused : List.of("martha", "maria", "lena")) {
      assertThat(
              post(refused, "/api/v1/migrations", start(oldVersion, newVersion), null)
                  .getStatusCode())
          .as(refused + " may not migrate")
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    // Two process owners' clients start the same migration at once: one batch runs, the other is
    // told why (409), and nothing of it is stored.
    List<ResponseEntity<String>> answers =
        Race.times(
            2, i -> post("paula", "/api/v1/migrations", start(oldVersion, newVersion), null));
    assertThat(answers.stream().map(ResponseEntity::getStatusCode))
        .as(answers.stream().map(ResponseEntity::getBody).toList().toString())
        .containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
    answers.stream()
        .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
        .forEach(this::assertProblem);
    ResponseEntity<String> started =
        answers.stream()
            .filter(a -> a.getStatusCode() == HttpStatus.ACCEPTED)
            .findFirst()
            .orElseThrow();
    JsonNode progress = engine.read(started.getBody());
    assertThat(progress.get("status").asText())
        .as("the job executor may already have run it")
        .isIn("RUNNING", "COMPLETED");
    assertThat(progress.get("startedBy").asText()).isEqualTo("paula");
    assertThat(progress.get("instances").findValuesAsText("businessKey"))
        .contains(BusinessKeys.of(report));

    awaitBatch(progress.get("batchId").asText());

    String location = started.getHeaders().getLocation().toString();
    Eventually.within(Duration.ofSeconds(60), "the migration to finish")
        .until(
            () ->
                engine
                    .read(user("paula").getForObject(location, String.class))
                    .get("status")
                    .asText()
                    .equals("COMPLETED"));
    JsonNode done = engine.read(user("paula").getForObject(location, String.class));
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("migrated").asInt()).isEqualTo(done.get("total").asInt());
    assertThat(done.get("instances").findValuesAsText("outcome")).containsOnly("MIGRATED");
    Task after = acknowledgeTask(report);
    assertThat(after.getId()).as("the same task, moved").isEqualTo(before.getId());
    assertThat(after.getName()).isEqualTo(RENAMED);
    assertThat(versionOf(after)).isEqualTo(newVersion);

    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    deployments.clear();
    ResponseEntity<String> listed = user("paula").getForEntity("/api/v1/migrations", String.class);
    assertThat(listed.getStatusCode())
        .as("the list still answers once the target version is deleted, with its instances")
        .isEqualTo(HttpStatus.OK);
    assertThat(engine.read(user("paula").getForObject(location, String.class)).get("instances"))
        .extracting(i -> i.get("outcome").asText())
        .containsOnly("ENDED");
  }

  @Test
  void aPlanThatLeavesWaitingInstancesBehindIsShownAndNotRun() {
    String key = "migration-check-" + Long.toString(System.nanoTime(), 36);
    deployAsAdmin(key, TestModels.waitingAt(key, "Wait_ForTheLetter", "Wait for the letter"));
    String instance = runtimeService.startProcessInstanceByKey(key).getId();
    deployAsAdmin(key, TestModels.waitingAt(key, "Wait_ForTheCall", "Wait for the call"));

    JsonNode plan =
        engine.read(
            user("paula")
                .getForObject(
                    "/api/v1/migrations/plan?process=" + key + "&fromVersion=1&toVersion=2",
                    String.class));
    assertThat(plan.get("executable").asBoolean()).isFalse();
    assertThat(plan.get("unmapped").findValuesAsText("activityName"))
        .containsExactly("Wait for the letter");
    assertThat(plan.get("unmapped").findValuesAsText("reason"))
        .containsExactly("version 2 has no activity with this id");

    ResponseEntity<String> refused =
        post(
            "paula",
            "/api/v1/migrations",
            Map.of("process", key, "fromVersion", 1, "toVersion", 2),
            null);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody()).contains("Wait for the letter", "no activity with this id");
    assertThat(
            repositoryService
                .getProcessDefinition(
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getProcessDefinitionId())
                .getVersion())
        .as("nothing moved")
        .isOne();
    assertThat(
            user("paula")
                .getForEntity("/api/v1/migrations/versions?process=nothing-" + key, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void deployAsAdmin(String key, String model) {
    ResponseEntity<String> response =
        ModelerDeployment.named("migration-it").file(key + ".bpmn", model).deployAs(as("admin"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    deployments.add(engine.read(response.getBody()).get("id").asText());
  }

  private static Map<String, Object> start(int from, int to) {
    return Map.of("process", PROCESS, "fromVersion", from, "toVersion", to);
  }

  private int deployRenamed() {
    return deploy(
        ModelerDeployment.text("processes/report-review.bpmn")
            .replaceFirst(
                "(id=\"Task_AcknowledgeReport\" name=\")[^\"]*\"", "$1" + RENAMED + "\""));
  }

  /** Deploys the changed model with the forms, as an administrator (trusted, live at once). */
  private int deploy(String model) {
    ModelerDeployment deployment =
        ModelerDeployment.named("migration-it").file("report-review.bpmn", model);
    deployment.withRepositoryForms();
    ResponseEntity<String> response = deployment.deployAs(as("admin"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String id = engine.read(response.getBody()).get("id").asText();
    deployments.add(id);
    return repositoryService
        .createProcessDefinitionQuery()
        .deploymentId(id)
        .processDefinitionKey(PROCESS)
        .singleResult()
        .getVersion();
  }

  private Task acknowledgeTask(String report) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(report))
        .taskDefinitionKey("Task_AcknowledgeReport")
        .singleResult();
  }

  private int versionOf(Task task) {
    return repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getVersion();
  }

  /** Waits for the job executor to run the batch (its seed, migration and monitor jobs). */
  private void awaitBatch(String batchId) {
    Eventually.within(Duration.ofSeconds(90), "the migration batch to end")
        .until(() -> managementService.createBatchQuery().batchId(batchId).count() == 0);
  }
}
