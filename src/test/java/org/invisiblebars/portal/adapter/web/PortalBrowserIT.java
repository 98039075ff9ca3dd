package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The NGO portal in headless Chromium, through its pages only: an organisation's user signs in,
 * sees its own accreditation (and not another organisation's), opens it, answers the request for
 * information (first empty, which the error summary refuses naming the field), and sees the answer
 * taken; another organisation's record is a page not found; a formal monitor's user reads its visit
 * and report; a liaison officer is refused. Every page is scanned with axe-core for WCAG 2.2 A and
 * AA violations and checked at 390 px wide for horizontal scrolling; screenshots land in {@code
 * target/screenshots/portal-*.png}.
 */
class PortalBrowserIT extends IntegrationTest {

  private static final String REQUEST = "Please attach your audited accounts of last year.";

  @Autowired TaskService taskService;
  @Autowired RepresentativeRepository representatives;

  private PortalBrowser portal;
  private TasklistBrowser browser;

  @BeforeEach
  void setUp() throws IOException {
    portal = PortalBrowser.start(baseUrl());
    browser = portal.browser();
  }

  @AfterEach
  void tearDown() {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void anOrganisationReadsItsRecordsAndAnswersARequestForInformation() throws IOException {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    Ngo asked = fixtures.applied("Portal Watch", facility);
    new EngineTasks(this::as)
        .complete(
            "lena",
            asked.accreditationId(),
            AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS,
            Map.of("completeness", "INCOMPLETE", "informationRequested", REQUEST));
    Ngo monitor = fixtures.registeredMandate("Portal Mechanism", facility);
    UUID representative =
        representatives
            .findByOrganisationId(UUID.fromString(monitor.organisationId()))
            .get(0)
            .getId();
    String visit = fixtures.visit(monitor, facility, List.of(representative), nextWeekday());
    String report = fixtures.report(monitor, facility, "Overcrowded cells");
    WebDriver driver = browser.driver();

    driver.get(baseUrl() + "/portal");
    awaitHeading("Sign in");
    check("portal-sign-in");
    signIn(asked.user());

    awaitHeading("Portal Watch");
    String dashboard = text();
    assertThat(dashboard)
        .contains(
            "Information requested from you",
            "Answer the request for information: " + REQUEST,
            "By when",
            "Central Prison")
        .doesNotContain("Portal Mechanism");
    assertThat(driver.findElements(By.cssSelector("a[href*='" + monitor.accreditationId() + "']")))
        .as("another organisation's accreditation")
        .isEmpty();
    check("portal-dashboard");

    browser.click(
        "accreditation",
        By.cssSelector("a[href='/portal/accreditations/" + asked.accreditationId() + "']"));
    awaitHeading("Accreditation ACC-");
    check("portal-accreditation");

    browser.click("answer", By.linkText("Answer the request for information"));
    awaitHeading("Answer the request for information");
    assertThat(text()).contains(REQUEST);
    check("portal-information");

    browser.click("send empty", By.cssSelector("main form button[type='submit']"));
    browser.await(
        "error summary",
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(driver.getTitle()).startsWith("Error: ");
    assertThat(
            driver.findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href"))
        .endsWith("#information");
    assertThat(driver.findElement(By.id("information-error")).getText().replaceAll("\\s+", " "))
        .isEqualTo("Error: Your answer is required");
    check("portal-information-error");

    driver.findElement(By.id("information")).sendKeys("Our audited accounts are on our website.");
    browser.click("send", By.cssSelector("main form button[type='submit']"));
    browser.await(
        "answer taken",
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".govuk-notification-banner--success")));
    assertThat(driver.getCurrentUrl())
        .endsWith("/portal/accreditations/" + asked.accreditationId());
    assertThat(text()).contains("Your answer was sent", "Submitted: the liaison officer checks it");
    check("portal-information-sent");

    driver.get(baseUrl() + "/portal/accreditations/" + monitor.accreditationId());
    awaitHeading("Page not found");
    check("portal-not-found");

    signOut();
    signIn(monitor.user());
    awaitHeading("Portal Mechanism");
    assertThat(text()).contains("Formal mandate registered", "Visit VIS-", "Report REP-");
    browser.click("visit", By.cssSelector("a[href='/portal/visits/" + visit + "']"));
    awaitHeading("Visit VIS-");
    assertThat(text())
        .contains("Central Prison", "Monitoring visit", "Search notice not acknowledged yet");
    check("portal-visit");
    driver.get(baseUrl() + "/portal/reports/" + report);
    awaitHeading("Report REP-");
    assertThat(text()).contains("Under review by the authorities", "Paint the cells");
    check("portal-report");

    signOut();
    signIn("lena", "demo");
    awaitHeading("You cannot use the portal");
    check("portal-denied");
  }

  private void signIn(String user) throws IOException {
    signIn(user, Fixtures.PASSWORD);
  }

  private void signIn(String user, String password) throws IOException {
    portal.signIn(user, password);
  }

  private void signOut() throws IOException {
    portal.signOut();
  }

  private void awaitHeading(String start) throws IOException {
    portal.awaitHeading(start);
  }

  private String text() {
    return portal.text();
  }

  private void check(String name) throws IOException {
    portal.check(name);
  }

  static LocalDate nextWeekday() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(7);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }
}
