package org.invisiblebars.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.modelchange.domain.ModelChange;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.invisiblebars.modelchange.usecase.ModelChanges;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.ModelChangeReviews;
import org.invisiblebars.support.ModelerDeployment;
import org.invisiblebars.support.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Item 1 of issue 14: a process owner's deployment is held (suspended, not live) until a director
 * or an administrator approves it in Tasklist; the deployer cannot approve; a rejection says why
 * and removes it; an approval activates it and may migrate the running instances; every step is in
 * the decision log. An administrator's deployment is not held.
 */
class ModelChangeIT extends ApiTest {

  private static final String RENAMED = "Acknowledge the report, then share its recommendations";

  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ModelChangeRepository changes;
  @Autowired HeldDeployments held;
  @Autowired DecisionLog decisionLog;

  private final List<String> deployments = new ArrayList<>();
  private ModelChangeReviews reviews;

  @BeforeEach
  void reviews() {
    reviews = new ModelChangeReviews(engine, changes);
  }

  @AfterEach
  void removeTheChangedVersions() {
    deployments.forEach(
        id -> {
          held.release(id);
          if (repositoryService.createDeploymentQuery().deploymentId(id).count() > 0) {
            repositoryService.deleteDeployment(id, true);
          }
        });
  }

  @Test
  void aProcessOwnersChangeIsHeldUntilApprovedThenGoesLiveAndMovesTheRunningInstances() {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    Fixtures.Ngo npm = fixtures.registeredMandate("Held Watch " + System.nanoTime(), facility);
    String report = fixtures.report(npm, facility, "Findings");
    ProcessDefinition live = definitionOf(report);

    String deployment = deployAsPaula(renamedReportReview(), "Acknowledge and share in one step");
    ProcessDefinition changed = changedDefinition(deployment);
    assertThat(changed.getVersion()).isGreaterThan(live.getVersion());
    assertThat(changed.isSuspended()).as("held: suspended").isTrue();
    assertThat(held.isHeld(deployment)).isTrue();

    JsonNode reportReview = processModel("report-review");
    assertThat(reportReview.get("versions").findValues("live").stream().filter(JsonNode::asBoolean))
        .hasSize(1);
    JsonNode heldVersion = versionEntry(reportReview, changed.getVersion());
    assertThat(heldVersion.get("awaitingReview").asBoolean()).isTrue();
    assertThat(heldVersion.get("live").asBoolean()).isFalse();
    assertThat(versionEntry(reportReview, live.getVersion()).get("live").asBoolean()).isTrue();

    String meanwhile = fixtures.report(npm, facility, "Findings while the change is held");
    assertThat(definitionOf(meanwhile).getId())
        .as("a report submitted while the change is held starts on the live version")
        .isEqualTo(live.getId());

    ResponseEntity<String> byKey =
        as("admin")
            .postForEntity(
                "/engine-rest/process-definition/key/report-review/start",
                EngineTasks.jsonBody(Map.of()),
                String.class);
    assertThat(byKey.getStatusCode().is4xxClientError())
        .as("the engine's start by key takes the latest, held version: " + byKey.getBody())
        .isTrue();
    assertThat(byKey.getBody()).contains("suspended");

    JsonNode plan =
        engine.read(
            user("paula")
                .getForObject(
                    "/api/v1/migrations/plan?process=report-review&fromVersion="
                        + live.getVersion()
                        + "&toVersion="
                        + changed.getVersion(),
                    String.class));
    assertThat(plan.get("executable").asBoolean()).isFalse();
    assertThat(plan.get("problems").toString()).contains("awaits review");

    ModelChange change = reviews.of(deployment);
    assertThat(change.getDeployedBy()).isEqualTo("paula");
    assertThat(change.getStatus()).isEqualTo(ModelChange.Status.AWAITING_REVIEW);
    assertThat(engine.tasks("paula", change.getReference(), ModelChangeReviews.REVIEW_TASK))
        .as("the deployer does not see the review")
        .isEmpty();
    Task review =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(change.getReference())
            .singleResult();
    assertThat(review.getName()).isEqualTo("Review model change");
    String details = (String) taskService.getVariableLocal(review.getId(), "changeDetails");
    assertThat(details).contains("report-review", "Task renamed", RENAMED).doesNotContain("stub");
    assertThat((String) taskService.getVariableLocal(review.getId(), "changeSummary"))
        .contains(change.getReference(), "paula", "Acknowledge and share in one step");

    reviews.approve(deployment, "martha", true);

    assertThat(repositoryService.getProcessDefinition(changed.getId()).isSuspended()).isFalse();
    assertThat(held.isHeld(deployment)).isFalse();
    assertThat(reviews.of(deployment).getStatus()).isEqualTo(ModelChange.Status.APPROVED);
    Eventually.within(Duration.ofSeconds(90), "both reports to move to the approved version")
        .until(
            () ->
                definitionOf(report).getId().equals(changed.getId())
                    && definitionOf(meanwhile).getId().equals(changed.getId()));
    String after = fixtures.report(npm, facility, "Findings after the approval");
    assertThat(definitionOf(after).getId()).isEqualTo(changed.getId());

    assertThat(
            decisionLog
                .findBySubjectTypeAndSubjectIdOrderByDecidedAt(
                    ModelChanges.SUBJECT_TYPE, change.getId())
                .stream()
                .map(e -> e.getDecision() + " by " + e.getDecidedBy()))
        .containsExactly(
            "SUBMITTED by paula",
            "APPROVED by martha",
            "ACTIVATED by martha",
            "MIGRATION_STARTED by martha");
  }

  @Test
  void theDeployerCannotApproveTheirOwnChangeAndARejectionSaysWhyAndRemovesIt() {
    String deployment = deployAsPaula(renamedReportReview(), "Rename the acknowledgement");
    identityService.createMembership("paula", "director");
    try {
      ResponseEntity<String> own = reviews.review(deployment, "paula", "APPROVE", "", false);
      assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(own.getBody()).contains("you deployed this change yourself");
    } finally {
      identityService.deleteMembership("paula", "director");
    }
    assertThat(held.isHeld(deployment)).as("still held").isTrue();

    ResponseEntity<String> noReasons = reviews.review(deployment, "martha", "REJECT", " ", false);
    assertThat(noReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReasons.getBody()).contains("Reasons", "a rejection must give its reasons");

    ResponseEntity<String> rejected =
        reviews.review(
            deployment, "martha", "REJECT", "The acknowledgement stays a step of its own.", false);
    assertThat(rejected.getStatusCode()).as(rejected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count())
        .as("the rejected deployment is removed")
        .isZero();
    assertThat(held.isHeld(deployment)).isFalse();
    ModelChange change = reviews.of(deployment);
    assertThat(change.getStatus()).isEqualTo(ModelChange.Status.REJECTED);
    assertThat(change.getReasons()).isEqualTo("The acknowledgement stays a step of its own.");
    assertThat(
            decisionLog
                .findBySubjectTypeAndSubjectIdOrderByDecidedAt(
                    ModelChanges.SUBJECT_TYPE, change.getId())
                .stream()
                .map(DecisionLogEntry::getDecision))
        .containsExactly("SUBMITTED", "REJECTED", "REMOVED");
  }

  @Test
  void anAdministratorsDeploymentIsLiveAtOnce() {
    ResponseEntity<String> response =
        ModelerDeployment.named("admin change")
            .file("report-review.bpmn", renamedReportReview())
            .withRepositoryForms()
            .deployAs(as("admin"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String deployment = engine.read(response.getBody()).get("id").asText();
    deployments.add(deployment);
    assertThat(changedDefinition(deployment).isSuspended()).isFalse();
    assertThat(held.isHeld(deployment)).isFalse();
    assertThat(changes.findByDeploymentId(deployment)).isEmpty();
  }

  @Test
  void aHeldDecisionTableIsNotEvaluatedAndAHeldCalledProcessIsNotCalled() {
    String callee = "held-callee-" + Long.toString(System.nanoTime(), 36);
    String first =
        deployAsPaula(
            TestModels.waitingAt(callee, "Wait_First", "Wait for the first"), "First version");
    reviews.approve(first, "martha", false);
    String second =
        deployAsPaula(
            TestModels.waitingAt(callee, "Wait_Second", "Wait for the second"), "Second version");
    assertThat(held.isHeld(second)).isTrue();

    String caller = callee + "-caller";
    ResponseEntity<String> deployed =
        ModelerDeployment.named("caller")
            .file(caller + ".bpmn", TestModels.calling(caller, callee))
            .deployAs(as("admin"));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    deployments.add(engine.read(deployed.getBody()).get("id").asText());
    ProcessInstance calling = runtimeService.startProcessInstanceByKey(caller);
    ProcessInstance called =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(calling.getId())
            .singleResult();
    assertThat(
            repositoryService
                .getProcessDefinition(called.getProcessDefinitionId())
                .getDeploymentId())
        .as("the call activity calls the live version, not the held one")
        .isEqualTo(first);
    runtimeService.deleteProcessInstance(calling.getId(), "test");

    String policy = deployAsPaulaFile("processes/sla-policy.dmn", "sla-policy.dmn", "Same policy");
    assertThat(held.isHeld(policy)).isTrue();
    assertThat(
            repositoryService
                .getDecisionDefinition(held.liveDecision("sla-policy").id())
                .getDeploymentId())
        .as("the SLA policy in force is the live one")
        .isNotEqualTo(policy);
  }

  private String renamedReportReview() {
    return ModelerDeployment.text("processes/report-review.bpmn")
        .replaceFirst("(id=\"Task_AcknowledgeReport\" name=\")[^\"]*\"", "$1" + RENAMED + "\"");
  }

  /** Deploys {@code model} as report-review with the repository's forms, as paula from Modeler. */
  private String deployAsPaula(String model, String name) {
    String key = model.contains("id=\"report-review\"") ? "report-review" : "model";
    ModelerDeployment deployment = ModelerDeployment.named(name).file(key + ".bpmn", model);
    if (key.equals("report-review")) {
      deployment.withRepositoryForms();
    }
    return deployed(deployment.deployAs(as("paula")));
  }

  private String deployAsPaulaFile(String path, String fileName, String name) {
    return deployed(
        ModelerDeployment.named(name)
            .file(fileName, ModelerDeployment.text(path))
            .deployAs(as("paula")));
  }

  private String deployed(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String id = engine.read(response.getBody()).get("id").asText();
    deployments.add(id);
    return id;
  }

  private ProcessDefinition changedDefinition(String deployment) {
    return repositoryService
        .createProcessDefinitionQuery()
        .deploymentId(deployment)
        .processDefinitionKey("report-review")
        .singleResult();
  }

  private ProcessDefinition definitionOf(String report) {
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(report))
            .processDefinitionKey("report-review")
            .singleResult();
    return repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
  }

  private JsonNode processModel(String key) {
    JsonNode models =
        engine.read(user("paula").getForObject("/api/v1/process-models", String.class));
    for (JsonNode model : models) {
      if (model.get("key").asText().equals(key)) {
        return model;
      }
    }
    throw new AssertionError("no model " + key + " in " + models);
  }

  private static JsonNode versionEntry(JsonNode model, int version) {
    for (JsonNode v : model.get("versions")) {
      if (v.get("version").asInt() == version) {
        return v;
      }
    }
    throw new AssertionError("no version " + version + " in " + model);
  }
}
