package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Element;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.PortalVisits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A visit through the NGO portal in headless Chromium, for a facility in Europe/Paris: the
 * organisation requests it in local time with two representatives, two areas and an item of
 * equipment (first with nothing filled in, which the error summary refuses), sees its times in the
 * facility's zone, acknowledges the search notice for each representative once staff scheduled it,
 * and after the visit sees the incident recorded against one of them, contests it, and reads the
 * director's decision. Every page is checked with axe-core and at 390 px wide.
 */
class PortalVisitBrowserIT extends ApiTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired RepresentativeRepository representatives;
  @Autowired TaskService taskService;

  private PortalBrowser portal;

  @BeforeEach
  void startBrowser() throws IOException {
    portal = PortalBrowser.start(baseUrl());
  }

  @AfterEach
  void closeBrowser() {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void anOrganisationRequestsAVisitInLocalTimeAcknowledgesTheNoticeAndContestsAnIncident()
      throws IOException {
    String facility = "Paris Centre " + RUN;
    registerFacility(facility, "Europe/Paris", List.of("Library", "Workshops", "Health care unit"));
    Accredited ngo = fixture.accredited(MandateType.NGO, 2);
    List<String> names =
        representatives.findAllById(ngo.people()).stream()
            .map(Representative::getFullName)
            .sorted()
            .toList();
    LocalDate day = LocalDate.now(PARIS).plusDays(5);
    while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
      day = day.plusDays(1);
    }

    portal.open("/portal");
    portal.signIn(ngo.user(), AccreditedOrganisations.PASSWORD);
    portal.awaitHeading("Open Doors");

    // nothing filled in: the error summary names each field, nothing is saved
    portal.open("/portal/visits/new");
    portal.click("facility", By.xpath("//label[normalize-space()='" + facility + "']"));
    portal.click("continue", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Request a visit");
    assertThat(portal.text()).contains("Times are in Europe/Paris time");
    portal.click("request empty", By.cssSelector("main form button[type='submit']"));
    portal
        .browser()
        .await(
            "error summary",
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(portal.driver().getTitle()).startsWith("Error: ");
    assertThat(
            portal.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*#", "")))
        .contains("representativeIds", "date-day", "startTime", "endTime", "activity");
    portal.check("portal-visit-new-errors");
    assertThat(engine.read(user(ngo.user()).getForObject("/api/v1/visits", String.class)))
        .as("nothing saved")
        .isEmpty();

    String visit =
        PortalVisits.requestVisit(
            portal,
            "portal-visit",
            facility,
            names,
            day,
            "09:30",
            "12:00",
            "Monitoring visit",
            List.of("Library", "Workshops"),
            List.of("Documents"));
    String page = portal.text();
    assertThat(page).contains("09:30 to 12:00 Europe/Paris", facility, "Library", "Workshops");
    JsonNode requested =
        engine.read(user(ngo.user()).getForObject("/api/v1/visits/" + visit, String.class));
    assertThat(requested.get("windowStart").asText())
        .isEqualTo(day.atTime(9, 30).atZone(PARIS).toInstant().toString());
    assertThat(requested.get("representatives")).hasSize(2);
    assertThat(requested.get("equipment").get(0).asText()).isEqualTo("DOCUMENTS");
    assertThat(requested.get("status").asText()).as(requested.toString()).isEqualTo("UNDER_REVIEW");
    portal.open("/portal");
    portal.awaitHeading("Open Doors");
    assertThat(portal.text()).contains("09:30 to 12:00 Europe/Paris");

    PortalVisits.schedule(engine, visit);
    portal.open("/portal/visits/" + visit);
    portal.awaitHeading("Visit VIS-");
    assertThat(portal.text())
        .contains("Download the search notice (PDF)", names.get(0) + " has read the search notice");
    portal.check("portal-visit-scheduled");
    PortalVisits.acknowledge(portal, names.get(0));
    portal.check("portal-visit-acknowledged");
    PortalVisits.acknowledge(portal, names.get(1));
    assertThat(
            portal
                .driver()
                .findElements(By.xpath("//button[contains(., 'has read the search notice')]")))
        .isEmpty();
    assertThat(
            engine
                .read(user(ngo.user()).getForObject("/api/v1/visits/" + visit, String.class))
                .get("representatives")
                .findValuesAsText("noticeAcknowledgedAt"))
        .hasSize(2);

    // the visit takes place; security records an incident against the first representative
    gate.open(visit);
    for (Task briefing : tasks(visit, "Task_HoldSecurityBriefing")) {
      engine.completeTask("sam", briefing.getId(), Map.of("briefingHeld", true));
    }
    for (UUID person : ngo.people()) {
      assertThat(
              engine
                  .completeTask(
                      "sam",
                      gate.checkInTask(visit, person),
                      Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "SCREENING"))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    engine.complete(
        "sam",
        visit,
        "Task_CheckOutVisitors",
        Map.of(
            "incidentOccurred",
            true,
            "incidentDescription",
            "Photographed a cell without permission",
            "incidentAgainst",
            names.get(0)));

    portal.open("/portal/incidents");
    portal.awaitHeading("Incidents recorded");
    assertThat(portal.text())
        .contains(
            "Photographed a cell without permission",
            names.get(0),
            "Open: you may contest it",
            "Europe/Paris");
    portal.check("portal-incidents");
    portal.click("contest", By.partialLinkText("Contest the incident of visit"));
    portal.awaitHeading("Contest the incident");
    portal.check("portal-incident-contest");
    portal.click("send empty", By.cssSelector("main form button[type='submit']"));
    portal
        .browser()
        .await(
            "error summary",
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(
            portal
                .driver()
                .findElement(By.cssSelector(".govuk-error-summary__list a"))
                .getAttribute("href"))
        .endsWith("#account");
    portal.check("portal-incident-contest-errors");
    portal
        .driver()
        .findElement(By.id("account"))
        .sendKeys("She photographed the corridor, not a cell");
    portal.click("send", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Incidents recorded");
    assertThat(portal.text())
        .contains("is sent to the director", "Contested: the director decides");

    engine.complete(
        "martha",
        visit,
        Element.DECIDE_CONTESTED_INCIDENT,
        Map.of(
            "incidentDecision",
            "DISMISSED",
            "decisionReasons",
            "The escort confirms the corridor"));
    portal.open("/portal/incidents");
    portal.awaitHeading("Incidents recorded");
    assertThat(portal.text())
        .contains(
            "Dismissed by the director",
            "The director's reasons",
            "The escort confirms the corridor");
    portal.check("portal-incidents-decided");
  }

  private List<Task> tasks(String visit, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(visit))
        .taskDefinitionKey(key)
        .list();
  }
}
