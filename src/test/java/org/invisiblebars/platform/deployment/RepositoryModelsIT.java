package org.invisiblebars.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.invisiblebars.platform.deployment.RepositoryModels.ModelFile;
import org.invisiblebars.platform.deployment.RepositoryModels.Outcome;
import org.invisiblebars.support.CapturedLog;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.ModelChangeReviews;
import org.invisiblebars.support.ModelerDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 14, item 4: the application's start-up deployment ({@link RepositoryModels}, run again here
 * as the engine runs it at start) does not deploy an unchanged repository file over what a process
 * owner deployed from Modeler, says so in the log and in {@code GET /api/v1/process-models}, and
 * deploys a file that changed, saying loudly whose version it superseded.
 */
class RepositoryModelsIT extends IntegrationTest {

  @Autowired ModelChangeRepository changes;

  private static final String REPORT_REVIEW = "processes/report-review.bpmn";
  private static final String PROCESS_NAME = "name=\"Confidential report review\"";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryModels repositoryModels;
  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper json;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestDeployed() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aProcessOwnersVersionStaysLiveUntilTheRepositoryFileChanges() throws Exception {
    List<ModelFile> files = repositoryModels.files();
    long repositoryDeployments = repositoryDeploymentCount();

    ModelerDeployment paulas = ModelerDeployment.named("report-review with a shorter name");
    for (ModelFile file : repositoryModels.models(files).get(REPORT_REVIEW)) {
      String content = new String(file.content(), StandardCharsets.UTF_8);
      paulas.file(
          file.path().substring(file.path().indexOf('/') + 1),
          content.replace(PROCESS_NAME, "name=\"Report review\""));
    }
    ResponseEntity<String> deployed = paulas.deployAs(as("paula"));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    String paulasDeployment = json.readTree(deployed.getBody()).path("id").asText();
    deployments.add(paulasDeployment);
    new ModelChangeReviews(new EngineTasks(this::as), changes)
        .approve(paulasDeployment, "martha", false);
    int paulasVersion = latestReportReview().getVersion();

    try (CapturedLog log = CapturedLog.start()) {
      Outcome outcome = repositoryModels.deploy(engine, files);

      assertThat(outcome.deployed()).isEmpty();
      assertThat(outcome.unchanged()).contains(REPORT_REVIEW, "processes/visit-risk.dmn");
      assertThat(repositoryDeploymentCount()).isEqualTo(repositoryDeployments);
      assertThat(latestReportReview().getVersion()).isEqualTo(paulasVersion);
      assertThat(warnings(log, "'report-review'"))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains(
                          "live version " + paulasVersion,
                          "(paula)",
                          "Camunda Modeler",
                          REPORT_REVIEW,
                          "not deployed over it"));
    }

    JsonNode reportReview = processModel("martha", "report-review");
    assertThat(reportReview.path("drifting").asBoolean()).isTrue();
    assertThat(reportReview.path("repositoryFile").asText()).isEqualTo(REPORT_REVIEW);
    assertThat(reportReview.path("name").asText()).isEqualTo("Report review");
    JsonNode live = reportReview.path("versions").get(0);
    assertThat(live.path("live").asBoolean()).isTrue();
    assertThat(live.path("version").asInt()).isEqualTo(paulasVersion);
    assertThat(live.path("source").asText()).isEqualTo("PROCESS_OWNER");
    assertThat(live.path("deployedBy").asText()).contains("(paula)");
    assertThat(live.path("deploymentSource").asText()).isEqualTo("Camunda Modeler");
    assertThat(live.path("deployedAt").asText()).isNotBlank();
    JsonNode visitRisk = processModel("paula", "visit-risk");
    assertThat(visitRisk.path("kind").asText()).isEqualTo("decision");
    assertThat(visitRisk.path("drifting").asBoolean()).isFalse();
    assertThat(visitRisk.path("versions").get(0).path("source").asText()).isEqualTo("REPOSITORY");

    List<ModelFile> release =
        files.stream()
            .map(
                file ->
                    file.path().equals(REPORT_REVIEW)
                        ? new ModelFile(
                            file.path(),
                            new String(file.content(), StandardCharsets.UTF_8)
                                .replace(PROCESS_NAME, "name=\"Confidential report review (2)\"")
                                .getBytes(StandardCharsets.UTF_8))
                        : file)
            .toList();
    try (CapturedLog log = CapturedLog.start()) {
      Outcome outcome = repositoryModels.deploy(engine, release);

      assertThat(outcome.deployed()).containsExactly(REPORT_REVIEW);
      assertThat(repositoryDeploymentCount()).isEqualTo(repositoryDeployments + 1);
      ProcessDefinition released = latestReportReview();
      deployments.add(released.getDeploymentId());
      assertThat(released.getVersion()).isEqualTo(paulasVersion + 1);
      assertThat(repositoryService.getDeploymentResourceNames(released.getDeploymentId()))
          .as("the model with its forms")
          .contains(REPORT_REVIEW)
          .anyMatch(name -> name.startsWith("forms/"));
      assertThat(warnings(log, "'report-review'"))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("SUPERSEDED")
                      .contains("version " + paulasVersion, "(paula)", REPORT_REVIEW));
    }
    JsonNode afterRelease = processModel("admin", "report-review");
    assertThat(afterRelease.path("drifting").asBoolean()).isFalse();
    assertThat(afterRelease.path("versions").get(0).path("source").asText())
        .isEqualTo("REPOSITORY");
  }

  @Test
  void staffWhoNeitherChangeNorApproveModelsDoNotReadTheList() {
    assertThat(as("lena").getForEntity("/api/v1/process-models", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private JsonNode processModel(String user, String key) throws Exception {
    ResponseEntity<String> response = as(user).getForEntity("/api/v1/process-models", String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    for (JsonNode model : json.readTree(response.getBody())) {
      if (model.path("key").asText().equals(key)) {
        return model;
      }
    }
    throw new AssertionError(key + " not listed: " + response.getBody());
  }

  private static List<String> warnings(CapturedLog log, String text) {
    return log.mentioning(text).stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(event -> event.getFormattedMessage())
        .toList();
  }

  private ProcessDefinition latestReportReview() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey("report-review")
        .latestVersion()
        .singleResult();
  }

  private long repositoryDeploymentCount() {
    return repositoryService
        .createDeploymentQuery()
        .deploymentSource(RepositoryModels.SOURCE)
        .count();
  }
}
