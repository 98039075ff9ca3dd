package org.invisiblebars.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.modelchange.domain.ModelChange;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.ModelChangeReviews;
import org.invisiblebars.support.ModelerDeployment;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * paula deploys a changed {@code report-review} (a renamed task) as Camunda Modeler does; martha
 * finds the held change in the directors' queue in Tasklist, reads the renamed task in what it
 * changes, and approves it; paula migrates the running instances on the migration page; the renamed
 * task is what martha's queue shows for a report submitted before the change. All in real headless
 * Chromium.
 */
class MigrationPageBrowserIT extends ApiTest {

  private static final String RENAMED = "Acknowledge the report, then assign its recommendations";

  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;
  @Autowired ModelChangeRepository changes;
  @Autowired HeldDeployments held;

  private final List<String> deployments = new ArrayList<>();
  private TasklistBrowser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = TasklistBrowser.start();
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(
        id -> {
          held.release(id);
          repositoryService.deleteDeployment(id, true);
        });
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aProcessOwnerMigratesRunningInstancesOnThePage() throws IOException {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    Fixtures.Ngo npm = fixtures.registeredMandate("Page Watch " + System.nanoTime(), facility);
    String report = fixtures.report(npm, facility, "Findings");
    Task before = acknowledgeTask(report);
    int oldVersion =
        repositoryService.getProcessDefinition(before.getProcessDefinitionId()).getVersion();

    ModelerDeployment change =
        ModelerDeployment.named("report-review")
            .file(
                "report-review.bpmn",
                ModelerDeployment.text("processes/report-review.bpmn")
                    .replaceFirst(
                        "(id=\"Task_AcknowledgeReport\" name=\")[^\"]*\"", "$1" + RENAMED + "\""));
    change.withRepositoryForms();
    ResponseEntity<String> deployed = change.deployAs(as("paula"));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    String deployment = engine.read(deployed.getBody()).get("id").asText();
    deployments.add(deployment);
    assertThat(held.isHeld(deployment)).as("held for review").isTrue();

    approveInTasklist(deployment);

    var driver = browser.driver();
    browser.formLogIn(baseUrl() + "/models", "paula", "demo");

    By plan =
        By.cssSelector("a[href*='process=report-review'][href*='fromVersion=" + oldVersion + "&']");
    browser.await("models-index", ExpectedConditions.elementToBeClickable(plan));
    browser.screenshot("models-index-paula");
    driver.findElement(plan).click();

    browser.await("models-plan", ExpectedConditions.elementToBeClickable(By.id("migrate")));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(RENAMED);
    browser.screenshot("models-plan-paula");
    driver.findElement(By.id("migrate")).click();

    // the progress page reloads itself every three seconds while the batch runs, so the status
    // element read between two reloads may belong to the page just replaced
    browser.await(
        "models-migrated",
        Duration.ofSeconds(90),
        ExpectedConditions.attributeToBe(By.id("status"), "data-status", "COMPLETED"));
    browser.screenshot("models-migrated-paula");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains(BusinessKeys.of(report), "MIGRATED");

    Task after = acknowledgeTask(report);
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getName()).isEqualTo(RENAMED);
    assertThat(engine.tasks("martha", report, "Task_AcknowledgeReport").findValuesAsText("name"))
        .as("martha's queue shows the renamed task")
        .containsOnly(RENAMED);
  }

  /** martha finds the change in the directors' queue by its reference and approves it. */
  private void approveInTasklist(String deployment) throws IOException {
    ModelChange held = new ModelChangeReviews(engine, changes).of(deployment);
    String reference = held.getReference();
    String queue =
        filterService.createFilterQuery().filterName("Directors queue").singleResult().getId();
    TasklistBrowser reviewer = TasklistBrowser.start();
    try {
      reviewer.logIn(baseUrl(), "martha", "demo");
      String task = engine.awaitTaskId("martha", reference, ModelChangeReviews.REVIEW_TASK);
      assertThat(reviewer.claimFromQueue(baseUrl(), queue, task, reference))
          .contains("Review model change", reference);
      assertThat(reviewer.valueOf("What changes against the live version"))
          .contains("Task renamed", RENAMED);
      assertThat(reviewer.valueOf("Change, deployer and note")).contains("paula");
      reviewer.choose("Approve");
      reviewer.screenshot("review-model-change-martha");
      reviewer.complete();
      reviewer.await("review-approved", page -> this.held.isHeld(deployment) ? null : Boolean.TRUE);
    } finally {
      reviewer.close();
    }
    assertThat(changes.findByDeploymentId(deployment).orElseThrow().getStatus())
        .isEqualTo(ModelChange.Status.APPROVED);
  }

  private Task acknowledgeTask(String report) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(report))
        .taskDefinitionKey("Task_AcknowledgeReport")
        .singleResult();
  }
}
