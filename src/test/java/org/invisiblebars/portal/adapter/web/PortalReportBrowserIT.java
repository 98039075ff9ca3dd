package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.PortalReports;
import org.invisiblebars.support.PortalReports.Recommendation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A monitoring report through the NGO portal in headless Chromium: the organisation submits a
 * report with three recommendations (one left incomplete first, which the error summary names),
 * checks its answers, follows the review period (refusing the director's request to extend it),
 * comments on the plan of action once the authorities submitted it, sees the report released, asks
 * to publish it, reads the preview of exactly what would be public and consents to it after
 * confirming. The staff's steps between are driven as Tasklist drives them ({@link PortalReports}).
 * Every page is checked ({@link PortalBrowser#check}): screenshots {@code
 * target/screenshots/portal-report-*.png}.
 */
class PortalReportBrowserIT extends IntegrationTest {

  @Autowired TaskService taskService;
  @Autowired ApplicationContext context;

  private PortalBrowser portal;

  @BeforeEach
  void setUp() throws IOException {
    portal = PortalBrowser.start(baseUrl());
  }

  @AfterEach
  void tearDown() {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void anOrganisationSubmitsAReportCommentsOnThePlanAndConsentsToItsPublication()
      throws IOException {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    Ngo monitor =
        fixtures.registeredMandate("Portal Report Mechanism", fixtures.facility("Central Prison"));
    PortalReports reports = new PortalReports(context, this::as);
    List<Recommendation> three =
        List.of(
            new Recommendation("Paint the cells", "Living conditions", "URGENT", "LOW"),
            new Recommendation("Hire a second nurse", "Health care", "NON_URGENT", "HIGH"),
            new Recommendation("Open the library daily", "Education", "NON_URGENT", "MEDIUM"));

    portal.open("/portal");
    portal.awaitHeading("Sign in");
    portal.signIn(monitor.user(), Fixtures.PASSWORD);
    portal.awaitHeading("Portal Report Mechanism");
    portal.click("submit a report", By.linkText("Submit a monitoring report"));
    portal.awaitHeading("Submit a monitoring report");
    portal.check("portal-report-new");

    // The third recommendation left without its text: the error summary names it.
    reports.fillIn(
        portal,
        "Remand wing",
        "Central Prison",
        "Overcrowded cells",
        List.of(
            three.get(0),
            three.get(1),
            new Recommendation("", "Education", "NON_URGENT", "MEDIUM")));
    portal.click("continue", By.cssSelector("button[value='check']"));
    portal
        .browser()
        .await(
            "error summary",
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(portal.driver().getTitle()).startsWith("Error: ");
    assertThat(
            portal
                .driver()
                .findElement(By.cssSelector(".govuk-error-summary__list a"))
                .getAttribute("href"))
        .endsWith("#recommendations-2-text");
    assertThat(portal.text()).contains("Recommendation 3: text is required");
    portal.check("portal-report-new-error");

    String id =
        reports.submit(
            portal,
            "Remand wing",
            "Central Prison",
            "Overcrowded cells",
            three,
            () -> {
              assertThat(portal.text())
                  .contains("Paint the cells", "Hire a second nurse", "Open the library daily");
              portal.check("portal-report-check");
            });
    assertThat(portal.text())
        .contains(
            "Your report was submitted",
            "Review period",
            "Days left",
            "The authorities have not submitted their plan of action yet.");
    portal.check("portal-report");

    // The director asks for more time; the organisation refuses on the portal.
    assertThat(
            as("martha")
                .postForEntity(
                    "/api/v1/reports/" + id + "/extension-request",
                    EngineTasks.jsonBody(Map.of("days", 10, "reasons", "The budget meeting")),
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    portal.open("/portal/reports/" + id);
    portal.awaitHeading("Report REP-");
    portal.click("answer the extension", By.linkText("Answer the request to extend"));
    portal.awaitHeading("Answer the request to extend the review period");
    assertThat(portal.text()).contains("The director asks for 10 more days: The budget meeting");
    portal.check("portal-report-extension");
    portal.click("refuse", By.cssSelector("label[for='agree-no']"));
    portal.click("send", By.xpath("//button[normalize-space()='Send your answer']"));
    portal.awaitHeading("Report REP-");
    assertThat(portal.text())
        .contains("Your answer to the request to extend was sent.", "Refused by your organisation");

    reports.respond(id);
    portal.open("/portal/reports/" + id + "/plan-of-action");
    portal.awaitHeading("Plan of action");
    assertThat(portal.text()).contains("Recommendation 3", "Accepted", "Agreed at the meeting");
    portal.check("portal-report-plan");
    reports.commentOnPlan(portal, id, 2, "A second nurse by the spring, please");
    assertThat(portal.text()).contains("A second nurse by the spring, please");
    portal.check("portal-report-plan-commented");

    reports.endPeriod(id);
    portal.open("/portal/reports/" + id);
    portal.awaitHeading("Report REP-");
    assertThat(portal.text()).contains("Released to your organisation", "free to use");
    portal.click("publication", By.linkText("Publication of the report"));
    portal.awaitHeading("Publication");
    portal.check("portal-report-publication");
    portal.click(
        "ask to publish", By.xpath("//button[normalize-space()='Ask to publish the report']"));
    portal.awaitHeading("Publication");
    assertThat(portal.text()).contains("A liaison officer is preparing the public version");

    reports.redact(id, "Overcrowded remand wing", "1. Paint the cells");
    portal.open("/portal/reports/" + id + "/publication");
    portal.awaitHeading("Publication");
    assertThat(portal.text())
        .contains(
            "Preview of exactly what would be public (version 1)",
            "Overcrowded remand wing",
            "Recommendation 3: Accepted");
    portal.check("portal-report-preview");
    portal.click(
        "consent unconfirmed", By.xpath("//button[normalize-space()='Consent to publication']"));
    portal
        .browser()
        .await(
            "error summary",
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    portal.check("portal-report-preview-error");
    portal.click("confirm", By.cssSelector("label[for='confirm']"));
    portal.click("consent", By.xpath("//button[normalize-space()='Consent to publication']"));
    portal.awaitHeading("Publication");
    assertThat(portal.text()).contains("Your consent was recorded.");
    portal.check("portal-report-consented");
  }
}
