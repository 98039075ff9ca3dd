package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Lena completes "Check application completeness" in Tasklist, with its form, and the next task
 * appears.
 */
class CompletenessCheckBrowserIT extends IntegrationTest {

  private static final By CLAIM = By.cssSelector("button.claim");
  private static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");
  private static final By COMPLETE_OPTION =
      By.xpath("//label[contains(normalize-space(.), 'Complete — go on')]");
  private static final By APPLICATION_SUMMARY = By.cssSelector("textarea[readonly]");

  @Autowired ObjectMapper json;

  @Test
  void liaisonOfficerCompletesTheCompletenessCheckAndTheNextTaskAppears() throws Exception {
    String accreditation = submitApplication();
    String task = taskId(accreditation, "Task_CheckApplicationCompleteness");

    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "lena", "demo");
      browser.await(
          "tasklist-lena-filters",
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My tasks"));
      browser.driver().get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task);

      browser.click("completeness-claim", CLAIM);
      browser.await("completeness-form", ExpectedConditions.elementToBeClickable(COMPLETE_OPTION));
      assertThat(browser.driver().findElements(APPLICATION_SUMMARY))
          .as("the application is shown read-only")
          .anySatisfy(
              area ->
                  assertThat(area.getDomProperty("value"))
                      .contains("Prison Watch", "Weekly library sessions", "Rita Reader"));
      browser.click("completeness-option", COMPLETE_OPTION);
      browser.screenshot("check-application-completeness");
      browser.click("completeness-complete", COMPLETE);

      String next = browser.await("completeness-next-task", driver -> nextTaskId(accreditation));
      browser.driver().get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + next);
      browser.await(
          "rate-criteria-task",
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("body"), "Rate accreditation criteria"));
      browser.await(
          "rate-criteria-form",
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Track record"));
      browser.screenshot("rate-accreditation-criteria");
    }
    assertThat(taskId(accreditation, "Task_RateAccreditationCriteria")).isNotBlank();
  }

  private String submitApplication() throws Exception {
    String facility =
        json.readTree(as("john").getForObject("/api/v1/facilities", String.class))
            .get(0)
            .get("id")
            .asText();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", "browser-" + UUID.randomUUID());
    Map<String, Object> body =
        Map.of(
            "mandateType",
            "NGO",
            "programmeType",
            "FAMILY_LIAISON",
            "proposedActivity",
            "Weekly library sessions",
            "sustainabilityMonths",
            24,
            "facilityIds",
            List.of(facility),
            "representatives",
            List.of(Map.of("fullName", "Rita Reader")));
    return json.readTree(
            as("john")
                .postForObject(
                    "/api/v1/accreditations", new HttpEntity<>(body, headers), String.class))
        .get("id")
        .asText();
  }

  private String taskId(String accreditation, String taskKey) throws Exception {
    JsonNode tasks =
        json.readTree(
            as("lena")
                .getForObject(
                    "/engine-rest/task?processInstanceBusinessKey={id}&taskDefinitionKey={key}",
                    String.class,
                    BusinessKeys.of(accreditation),
                    taskKey));
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private String nextTaskId(String accreditation) {
    try {
      JsonNode tasks =
          json.readTree(
              as("lena")
                  .getForObject(
                      "/engine-rest/task?processInstanceBusinessKey={id}&taskDefinitionKey=Task_RateAccreditationCriteria",
                      String.class,
                      BusinessKeys.of(accreditation)));
      return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
