package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.TasklistBrowser;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Uses Tasklist in a real headless Chromium, as a person would: the login form, the filter list,
 * and the tasks of a queue with their case's reference, organisation and facility.
 */
class TasklistBrowserIT extends ApiTest {

  private static final By FILTER_NAMES =
      By.cssSelector("[cam-tasklist-filters] .task-filter .name a");
  private static final By FILTER_COUNTER = By.cssSelector(".counter");

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final By SHOW_MORE = By.cssSelector(".task-card-details .shutter");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TaskService taskService;
  @Autowired FilterService filterService;

  private TasklistBrowser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = TasklistBrowser.start();
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void liaisonOfficerSeesHerGroupsQueueButNotTheDirectors() throws IOException {
    browser.logIn(baseUrl(), "lena", "demo");

    List<String> filters =
        browser.await("tasklist-lena", visibleFilterNamesContaining("NGO liaison officers queue"));
    browser.screenshot("tasklist-lena");

    assertThat(filters)
        .contains("NGO liaison officers queue", "My tasks")
        .doesNotContain("Directors queue");
  }

  @Test
  void ngoRepresentativeIsRefusedAtTheLoginForm() throws IOException {
    browser.logIn(baseUrl(), "john", "demo");

    WebElement error =
        browser.await(
            "tasklist-john",
            ExpectedConditions.visibilityOfElementLocated(TasklistBrowser.LOGIN_REFUSED));
    browser.screenshot("tasklist-john");

    assertThat(error.getText()).contains("Login Failed");
    assertThat(browser.driver().findElements(TasklistBrowser.LOGIN_FORM))
        .as("still on the login form")
        .isNotEmpty();
    assertThat(browser.driver().getCurrentUrl()).contains("/login");
    assertThat(browser.driver().findElements(FILTER_NAMES)).as("no filter list").isEmpty();
  }

  @Test
  void eachQueueShowsTheReferenceOrganisationAndFacilityOfItsTasksToTheStaffWhoWorkIt()
      throws Exception {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    String applicant = "Column Applicant " + RUN;
    String monitor = "Column Monitor " + RUN;
    Fixtures.Ngo applied = fixtures.applied(applicant, facility);
    Fixtures.Ngo npm = fixtures.registeredMandate(monitor, facility);
    String report = fixtures.report(npm, facility, "Findings " + RUN);
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    JsonNode visit = requestVisit(ngo);

    List<Case> cases =
        List.of(
            new Case(
                "lena",
                "NGO liaison officers queue",
                applied.accreditationId(),
                applicant,
                "Central Prison"),
            new Case("martha", "Directors queue", report, monitor, "Central Prison"),
            new Case(
                "sam",
                "Security staff queue",
                visit.get("id").asText(),
                visit.get("organisationName").asText(),
                "North Women's Prison"));
    for (Case c : cases) {
      String reference = BusinessKeys.of(c.caseId());
      String filter =
          filterService.createFilterQuery().filterName(c.queue()).singleResult().getId();

      JsonNode labels = labelsInFilter(c.user(), filter, reference);
      // the fixtures give each organisation a unique suffix
      assertThat(labels.get(CaseLabel.ORGANISATION).asText()).startsWith(c.organisation());
      assertThat(labels.get(CaseLabel.FACILITY).asText()).isEqualTo(c.facility());

      browser.logIn(baseUrl(), c.user(), "demo");
      browser.driver().get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filter);
      WebElement card =
          browser.await("tasklist-columns-" + c.user(), TasklistBrowser.cardShowing(reference));
      // the card shows its first row of variables; "show more" unfolds the others
      card.findElement(SHOW_MORE).click();
      String shown =
          browser.await(
              "tasklist-columns-" + c.user(),
              driver -> {
                String text = card.findElement(TasklistBrowser.CARD_VARIABLES).getText();
                return text.contains(c.facility()) ? text : null;
              });
      browser.screenshot("tasklist-columns-" + c.user());
      assertThat(shown)
          .contains("Reference:", "Organisation:", "Facility:")
          .contains(reference, c.organisation(), c.facility());
      browser.driver().manage().deleteAllCookies();
    }

    // a manager reads no report task, so not its label either; the labels are all a filter reads
    WebappSession maria = new WebappSession(baseUrl());
    maria.login("maria", "demo", "tasklist");
    String overdue = filterService.createFilterQuery().filterName("Overdue").singleResult().getId();
    HttpResponse<String> list =
        maria.postJson(
            "/camunda/api/engine/engine/default/filter/"
                + overdue
                + "/list?firstResult=0&maxResults=200",
            "{}",
            "application/hal+json");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(BusinessKeys.of(report), "Findings " + RUN);
    assertThat(JSON.readTree(list.body()).findValues("name").stream().map(JsonNode::asText))
        .as("variable and task names in maria's overdue list")
        .doesNotContain("reportSummary", "findings", "riskProposal");
  }

  /**
   * The case label of the task of {@code reference} as the web application's engine API embeds it
   * in {@code user}'s filter list (what Tasklist shows), by variable name.
   */
  private JsonNode labelsInFilter(String user, String filter, String reference) throws Exception {
    WebappSession session = new WebappSession(baseUrl());
    session.login(user, "demo", "tasklist");
    HttpResponse<String> answer =
        session.postJson(
            "/camunda/api/engine/engine/default/filter/"
                + filter
                + "/list?firstResult=0&maxResults=1000",
            "{}",
            "application/hal+json");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    for (JsonNode task : JSON.readTree(answer.body()).at("/_embedded/task")) {
      Map<String, JsonNode> byName = new HashMap<>();
      List<String> names = new ArrayList<>();
      for (JsonNode variable : task.at("/_embedded/variable")) {
        byName.put(variable.get("name").asText(), variable.get("value"));
        names.add(variable.get("name").asText());
      }
      JsonNode found = byName.get(CaseLabel.REFERENCE);
      if (found != null && reference.equals(found.asText())) {
        assertThat(names)
            .as("the filter reads the case label only")
            .containsExactlyInAnyOrder(
                CaseLabel.REFERENCE, CaseLabel.ORGANISATION, CaseLabel.FACILITY);
        return JSON.valueToTree(byName);
      }
    }
    throw new AssertionError(
        user + "'s filter shows no task of " + reference + ": " + answer.body());
  }

  /** The names in the filter list, once they include {@code expected}. */
  private static ExpectedCondition<List<String>> visibleFilterNamesContaining(String expected) {
    return driver -> {
      List<String> names =
          driver.findElements(FILTER_NAMES).stream()
              .filter(WebElement::isDisplayed)
              .map(TasklistBrowserIT::filterName)
              .toList();
      return names.contains(expected) ? names : null;
    };
  }

  /** The link's text without the task count that Tasklist shows beside the focused filter. */
  private static String filterName(WebElement link) {
    String text = link.getText().trim();
    for (WebElement counter : link.findElements(FILTER_COUNTER)) {
      String count = counter.getText().trim();
      if (!count.isEmpty() && text.endsWith(count)) {
        text = text.substring(0, text.length() - count.length()).trim();
      }
    }
    return text;
  }

  private record Case(
      String user, String queue, String caseId, String organisation, String facility) {}
}
