package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/**
 * A monitoring report's journey through the NGO portal, for the browser tests that need one: the
 * organisation {@link #submit submits} it with its recommendations on the portal's form and {@link
 * #commentOnPlan comments} on the plan of action; between the two the staff's steps are driven as
 * Tasklist drives them (engine REST): {@link #respond} (the director acknowledges and assigns each
 * recommendation, the liaison officer holds the coordination meeting, the director answers each one
 * and submits the plan of action), {@link #endPeriod} (the period's timer), {@link #redact} (the
 * liaison officer's public version, once the organisation asked to publish).
 */
public final class PortalReports {

  /** One recommendation as the organisation writes it on the form. */
  public record Recommendation(String text, String area, String priority, String resources) {}

  private final TaskService taskService;
  private final EngineTasks engine;
  private final ReportQueries queries;
  private final ReviewPeriod period;

  /** {@code staff} signs in a demo user (password {@code demo}). */
  public PortalReports(ApplicationContext context, Function<String, TestRestTemplate> staff) {
    this.taskService = context.getBean(TaskService.class);
    this.queries = context.getBean(ReportQueries.class);
    this.engine = new EngineTasks(staff);
    this.period = new ReviewPeriod(context);
  }

  /**
   * On the signed-in portal: opens the report form, fills it in with {@code recommendations}
   * (adding one entry per recommendation with "Add another recommendation"), continues to the check
   * page, calls {@code checked} there (to check the page) and submits; returns the new report's id,
   * read from the report page it lands on.
   */
  public String submit(
      PortalBrowser portal,
      String title,
      String facility,
      String findings,
      List<Recommendation> recommendations,
      PageCheck checked)
      throws IOException {
    portal.open("/portal/reports/new");
    portal.awaitHeading("Submit a monitoring report");
    fillIn(portal, title, facility, findings, recommendations);
    portal.click("continue", By.cssSelector("button[value='check']"));
    portal.awaitHeading("Check your report");
    checked.check();
    portal.click("submit", By.cssSelector("button[value='submit']"));
    portal.awaitHeading("Report REP-");
    String url = portal.driver().getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Fills in the form that is shown, adding entries for the recommendations. */
  public void fillIn(
      PortalBrowser portal,
      String title,
      String facility,
      String findings,
      List<Recommendation> recommendations)
      throws IOException {
    type(portal, "title", title);
    for (WebElement option : portal.driver().findElements(By.cssSelector("#facilityId option"))) {
      if (option.getText().equals(facility)) {
        option.click();
      }
    }
    type(portal, "visitsCovered", "The visit of 3 November to the remand wing");
    type(portal, "findings", findings);
    portal.click("no allegation", By.cssSelector("label[for='allegation-no']"));
    for (int i = 0; i < recommendations.size(); i++) {
      if (i > 0) {
        int rows = i;
        portal.click("add another", By.cssSelector("button[value='add']"));
        portal
            .browser()
            .await(
                "recommendation " + (i + 1),
                driver ->
                    driver.findElements(By.id("recommendations-" + rows + "-text")).isEmpty()
                        ? null
                        : Boolean.TRUE);
      }
      Recommendation r = recommendations.get(i);
      String row = "recommendations-" + i;
      type(portal, row + "-text", r.text());
      type(portal, row + "-area", r.area());
      // GOV.UK's radios are drawn over hidden inputs: a person clicks the label
      portal.click(
          "priority",
          By.cssSelector("label[for='" + radio(row + "-priority", r.priority(), "URGENT") + "']"));
      portal.click(
          "resources",
          By.cssSelector(
              "label[for='" + radio(row + "-resourceEstimate", r.resources(), "LOW") + "']"));
    }
  }

  /**
   * On the report's plan of action page: comments on the answer to the recommendation at {@code
   * position} and waits for the confirmation.
   */
  public void commentOnPlan(PortalBrowser portal, String reportId, int position, String comment)
      throws IOException {
    portal.open("/portal/reports/" + reportId + "/plan-of-action");
    portal.awaitHeading("Plan of action");
    type(portal, "comment-" + position, comment);
    portal.click(
        "send comment " + position,
        By.cssSelector(
            "form[action$='/recommendations/" + position + "/comments'] button[type='submit']"));
    portal.awaitHeading("Plan of action");
    assertThat(portal.text()).contains("Your comment on recommendation " + position + " was sent.");
  }

  /**
   * The authorities engage, as Tasklist's REST calls do: martha acknowledges the report and assigns
   * each recommendation, lena holds the coordination meeting, martha accepts every recommendation
   * (deadline in 30 days) and submits the plan of action.
   */
  public void respond(String reportId) {
    List<UUID> recommendations = queries.recommendationIds(UUID.fromString(reportId));
    for (UUID recommendation : recommendations) {
      engine.completeTask(
          "martha",
          taskFor(reportId, Element.ACKNOWLEDGE_REPORT, recommendation),
          Map.of("responsibleUnit", "Facilities"));
    }
    engine.complete(
        "lena",
        reportId,
        CoordinationMeetingProcess.Element.HOLD_MEETING,
        Map.of(
            "meetingDate",
            LocalDate.now().toString(),
            "authorityParticipants",
            "Director, head of facilities",
            "ngoParticipants",
            "Rita Writer",
            "meetingMinutes",
            "Each recommendation discussed"));
    for (UUID recommendation : recommendations) {
      assertThat(
              engine
                  .completeTask(
                      "martha",
                      taskFor(reportId, Element.ANSWER_RECOMMENDATION, recommendation),
                      Map.of(
                          "answer",
                          "ACCEPTED",
                          "reasons",
                          "Agreed at the meeting",
                          "action",
                          "Do it",
                          "owner",
                          "Head of facilities",
                          "deadline",
                          LocalDate.now().plusDays(30).toString()))
                  .getStatusCode()
                  .value())
          .isEqualTo(204);
    }
    engine.complete("martha", reportId, Element.PREPARE_PLAN_OF_ACTION, Map.of());
  }

  /** The review period ends: the report is released to its organisation. */
  public void endPeriod(String reportId) {
    period.end(reportId);
  }

  /** Lena redacts the report the organisation asked to publish: its preview awaits consent. */
  public void redact(String reportId, String findings, String recommendations) {
    engine.awaitTaskId("lena", reportId, ReportPublicationProcess.Element.REDACT_REPORT);
    engine.complete(
        "lena",
        reportId,
        ReportPublicationProcess.Element.REDACT_REPORT,
        Map.of(
            "publicTitle",
            "Remand wing",
            "publicFindings",
            findings,
            "publicRecommendations",
            recommendations));
  }

  /** The task of {@code taskKey} for one recommendation, once the engine created it. */
  private String taskFor(String reportId, String taskKey, UUID recommendation) {
    return Eventually.within(Duration.ofSeconds(30), taskKey + " of " + recommendation)
        .until(
            () ->
                taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(BusinessKeys.of(reportId))
                    .taskDefinitionKey(taskKey)
                    .list()
                    .stream()
                    .filter(
                        t ->
                            recommendation
                                .toString()
                                .equals(
                                    String.valueOf(
                                        taskService.getVariable(
                                            t.getId(),
                                            ReportReviewProcess.Variable.RECOMMENDATION_ID))))
                    .map(Task::getId)
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }

  /** The id of a radio of the form: the first value's carries the field's own id. */
  private static String radio(String field, String value, String first) {
    return value.equals(first) ? field : field + "-" + value;
  }

  private static void type(PortalBrowser portal, String id, String text) {
    WebElement field = portal.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** What a test checks on a page of the journey (e.g. {@code () -> portal.check("name")}). */
  @FunctionalInterface
  public interface PageCheck {
    void check() throws IOException;
  }
}
