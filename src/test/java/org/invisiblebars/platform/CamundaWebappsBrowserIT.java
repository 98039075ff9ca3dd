package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit and Admin in a real headless Chromium under the production settings: the web
 * applications' own Content-Security-Policy, Secure SameSite session cookies and the engine's query
 * limit. Cockpit pages its lists (its plugin API refuses an unpaged list since the limit), so each
 * page a manager uses is opened and checked for what it lists and for refused requests; {@link
 * TasklistBrowser#close()} fails the test on any Content-Security-Policy violation the browser
 * reports.
 */
class CamundaWebappsBrowserIT extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  /**
   * Every Cockpit page a manager works with loads its lists, and none of Cockpit's requests is
   * refused: the dashboard, the processes, a process's instances and incidents, an instance with
   * its variables and incidents. The pages and their lists are those of a process of the test's own
   * (one instance, one incident), so that they show exactly what the test knows of, whatever else
   * the shared database holds.
   */
  @Test
  void aManagerSeesTheProcessesTheirInstancesAndIncidentsInCockpit() throws IOException {
    String run = Long.toString(System.nanoTime(), 36);
    String key = "cockpit-probe-" + run;
    String deployment =
        repositoryService
            .createDeployment()
            .name("cockpit-probe")
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .name("Cockpit probe " + run)
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Started")
                    .userTask("Task_Probe")
                    .name("Probe the pages")
                    .camundaCandidateGroups("ngo-liaison")
                    .endEvent("EndEvent_Done")
                    .done())
            .deploy()
            .getId();
    try {
      String definition =
          repositoryService
              .createProcessDefinitionQuery()
              .deploymentId(deployment)
              .singleResult()
              .getId();
      ProcessInstance instance =
          runtimeService.startProcessInstanceByKey(
              key, "probe-" + run, Map.of("probeNote", "note " + run));
      String execution =
          taskService
              .createTaskQuery()
              .processInstanceId(instance.getId())
              .singleResult()
              .getExecutionId();
      runtimeService.createIncident(
          "cockpitProbe", execution, "probe-" + run, "Probe incident " + run);
      String cockpit = baseUrl() + "/camunda/app/cockpit/default/#/";

      try (TasklistBrowser browser = TasklistBrowser.start()) {
        browser.logIn(baseUrl(), "cockpit", "maria", "demo");
        browser.await("cockpit-maria", ExpectedConditions.urlContains("#/dashboard"));
        loads(
            browser,
            "cockpit-dashboard",
            cockpit + "dashboard",
            "//div[contains(@class, 'stats-section') and contains(@class, 'processes')]/a[normalize-space() != '0']");
        loads(
            browser,
            "cockpit-processes",
            cockpit + "processes",
            "//a[normalize-space()='Cockpit probe " + run + "']");
        assertThat(browser.driver().getPageSource())
            .contains("Entry authorisation", "NGO accreditation");
        loads(
            browser,
            "cockpit-instances",
            cockpit + "process-definition/" + definition + "/runtime",
            "//*[contains(normalize-space(text()), 'probe-" + run + "')]");
        loads(
            browser,
            "cockpit-definition-incidents",
            cockpit + "process-definition/" + definition + "/runtime?detailsTab=incidents-tab",
            "//*[contains(normalize-space(text()), 'Probe incident " + run + "')]");
        loads(
            browser,
            "cockpit-instance",
            cockpit + "process-instance/" + instance.getId() + "/runtime",
            "//*[contains(normalize-space(text()), 'probeNote')]");
        // The instance's tabs switch in the page, not by its address.
        browser.click(
            "cockpit-instance-incidents-tab", By.xpath("//a[normalize-space()='Incidents']"));
        browser.await(
            "cockpit-instance-incidents",
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(normalize-space(text()), 'Probe incident " + run + "')]")));
        browser.screenshot("cockpit-instance-incidents");
        assertThat(browser.failedRequests("/camunda/api/"))
            .as("requests of the instance's incidents refused")
            .isEmpty();
      }
    } finally {
      repositoryService.deleteDeployment(deployment, true, true);
    }
  }

  /**
   * Opens a page, waits for what it must list, and fails when any of Cockpit's requests was
   * refused.
   */
  private static void loads(TasklistBrowser browser, String name, String url, String listed)
      throws IOException {
    browser.driver().get(url);
    browser.await(name, ExpectedConditions.visibilityOfElementLocated(By.xpath(listed)));
    browser.screenshot(name);
    assertThat(browser.failedRequests("/camunda/api/"))
        .as("requests of " + name + " refused")
        .isEmpty();
  }

  @Test
  void anAdministratorSeesTheUsersInAdmin() throws IOException {
    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "admin", "admin", "demo");
      browser.driver().get(baseUrl() + "/camunda/app/admin/default/#/users");

      browser.await(
          "admin-users",
          ExpectedConditions.visibilityOfElementLocated(
              By.xpath("//td[contains(normalize-space(), 'lena')]")));
      browser.screenshot("admin-users");
      assertThat(browser.driver().getPageSource()).contains("Liaison");
      assertThat(browser.failedRequests("/camunda/api/")).as("requests of Admin refused").isEmpty();
    }
  }
}
