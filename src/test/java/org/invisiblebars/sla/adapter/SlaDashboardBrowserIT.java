package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * maria signs in, opens the dashboard in a real headless Chromium and sees the chart and the
 * breach.
 */
class SlaDashboardBrowserIT extends IntegrationTest {

  private static final By LOADED = By.cssSelector("body[data-loaded='true']");
  private static final By CHART = By.cssSelector("#chart canvas");

  @Autowired BreachScan scan;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private Deployment deployment;
  private TasklistBrowser browser;

  @BeforeEach
  void setUp() throws IOException {
    browser = TasklistBrowser.start();
    deployment =
        repositoryService
            .createDeployment()
            .addModelInstance(
                "dashboard-check.bpmn",
                Bpmn.createExecutableProcess("dashboard-check")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Review")
                    .camundaCandidateGroups("ngo-liaison")
                    .endEvent()
                    .done())
            .deploy();
  }

  @AfterEach
  void tearDown() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aManagerSeesTheChartAndTheOpenBreachWithALinkToTasklist() throws IOException {
    String instance =
        runtimeService.startProcessInstanceByKey("dashboard-check", "dashboard-check-1").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.setDueDate(task.getId(), Date.from(Instant.now().minus(Duration.ofHours(3))));
    scan.scan();

    var driver = browser.driver();
    browser.formLogIn(baseUrl() + "/sla", "maria", "demo");

    browser.await("sla-dashboard", ExpectedConditions.presenceOfElementLocated(LOADED));
    WebElement chart =
        browser.await("sla-chart", ExpectedConditions.visibilityOfElementLocated(CHART));
    By breachLink = By.cssSelector("#breach-table a[href$='?task=" + task.getId() + "']");
    WebElement link =
        browser.await("sla-breach", ExpectedConditions.visibilityOfElementLocated(breachLink));
    // Tall enough that the screenshot shows the whole page down to the breach list.
    driver.manage().window().setSize(new Dimension(1400, 1800));
    browser.screenshot("sla-dashboard-maria");

    assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/sla");
    assertThat(Long.parseLong(driver.findElement(By.id("count-breached")).getText())).isPositive();
    assertThat(chart.getSize().getWidth()).isGreaterThan(300);
    assertThat(paintedPixels(chart)).as("the chart has drawn bars and axes").isPositive();
    assertThat(
            driver.findElement(By.cssSelector("#per-day-table tbody")).getAttribute("textContent"))
        .as("today's breach is in the chart's figures")
        .containsPattern("\\d{4}-\\d\\d-\\d\\d[1-9]");
    assertThat(link.getText()).isEqualTo("Task_Review");
    assertThat(link.getAttribute("href"))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + task.getId());
    WebElement row = link.findElement(By.xpath("./ancestor::tr"));
    assertThat(row.getText())
        .contains("dashboard-check", "dashboard-check-1", "ngo-liaison", "manager", "3 h");
  }

  /** How many pixels of the chart's canvas are not transparent. */
  private long paintedPixels(WebElement canvas) {
    Object count =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                    + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n;",
                canvas);
    return ((Number) count).longValue();
  }
}
