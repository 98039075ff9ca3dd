package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.PortalApplying;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.PortalMou;
import org.invisiblebars.support.PortalReports;
import org.invisiblebars.support.PortalReports.Recommendation;
import org.invisiblebars.support.PortalVisits;
import org.invisiblebars.support.Registrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole life of a new organisation in the portal, in headless Chromium, as the issue asks: it
 * registers, is approved, applies with its documents, answers a request for information, comments
 * on the draft MoU and countersigns it, requests a visit in the facility's local time, acknowledges
 * the search notice for each representative, submits a report with three recommendations and
 * comments on the plan of action. Every step of the organisation is taken and checked through the
 * portal's pages only; the staff's steps in between are completed in the engine as Tasklist
 * completes them. Each page the journey reaches is checked (axe-core WCAG 2.2 A/AA, no horizontal
 * scrolling at 390 px) with screenshots {@code target/screenshots/journey-*.png}.
 */
class PortalJourneyBrowserIT extends ApiTest {

  private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String REQUEST = "Please send the minutes of your last general assembly.";

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
  void aNewOrganisationGoesFromRegistrationToItsPlanOfActionThroughThePortal() throws IOException {
    String facility = "Lisbon Central " + RUN;
    registerFacility(facility, LISBON.getId(), List.of("Library", "Workshops", "Health care unit"));
    String organisation = "Journey Watch " + RUN;
    String email = Registrations.newAddress("journey");
    WebDriver driver = portal.driver();

    // 1. It registers, confirms its address, is approved and sets its password.
    portal.open("/portal/sign-in");
    portal.awaitHeading("Sign in");
    portal.click("register", By.linkText("Register your organisation"));
    portal.awaitHeading("Register your organisation");
    type("organisationName", organisation);
    type("country", "Portugal");
    type("registrationNumber", "ASSOC-" + RUN);
    type("description", "We monitor the conditions of detention and report on them.");
    type("firstName", "Inês");
    type("lastName", "Journey");
    type("email", email);
    portal.click("register", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Check your e-mail");
    portal.check("journey-register-sent");
    GreenMailServer.Received verification =
        Registrations.mail(email, "Confirm your e-mail address");
    portal.open("/portal/register/verify?token=" + Registrations.token(verification));
    portal.awaitHeading("Confirm your e-mail address");
    portal.click("confirm", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Your e-mail address is confirmed");
    portal.check("journey-register-verified");

    new Registrations(baseUrl(), this::as, rest)
        .decide(Registrations.reference(verification), Map.of("reviewDecision", "APPROVE"));
    GreenMailServer.Received approved = Registrations.mail(email, "The registration of");
    portal.open("/portal/account/activate?token=" + Registrations.token(approved));
    portal.awaitHeading("Set your password");
    String userId = driver.findElement(By.id("user-name")).getText();
    type("password", Registrations.PASSWORD);
    type("confirmPassword", Registrations.PASSWORD);
    portal.click("set", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Your password is set");
    portal.click("sign in", By.linkText("Sign in"));
    portal.signIn(userId, Registrations.PASSWORD);
    portal.awaitHeading(organisation);
    portal.check("journey-dashboard-new");

    // 2. It applies for accreditation with its documents.
    String accreditation =
        new PortalApplying(portal, Path.of("target", "journey-files"), false)
            .apply(facility, "Monthly monitoring of the conditions of detention");
    assertThat(portal.text()).contains("statutes.pdf", facility);
    portal.check("journey-applied");

    // 3. The liaison officer asks for information; it answers on the portal.
    engine.awaitTasks("lena", accreditation, "Task_CheckApplicationCompleteness");
    engine.complete(
        "lena",
        accreditation,
        "Task_CheckApplicationCompleteness",
        Map.of("completeness", "INCOMPLETE", "informationRequested", REQUEST));
    portal.open("/portal");
    portal.awaitHeading(organisation);
    assertThat(portal.text()).contains("Information requested from you", REQUEST);
    portal.open("/portal/accreditations/" + accreditation);
    portal.awaitHeading("Accreditation ACC-");
    portal.click("answer", By.linkText("Answer the request for information"));
    portal.awaitHeading("Answer the request for information");
    type("information", "The minutes are attached to our statutes, page 4.");
    portal.click("send", By.cssSelector("main form button[type='submit']"));
    portal
        .browser()
        .await(
            "answer taken",
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-notification-banner--success")));
    assertThat(portal.text()).contains("Your answer was sent");
    portal.check("journey-information-sent");

    // 4. Staff review it, approve it and draft the MoU; it comments, agrees and countersigns.
    engine.awaitTasks("lena", accreditation, "Task_CheckApplicationCompleteness");
    AccreditationReview.approve(engine, accreditation, null);
    engine.complete("lena", accreditation, AccreditationProcess.Element.DRAFT_MOU, mouClauses());
    PortalMou mou = new PortalMou(portal);
    mou.open(accreditation);
    assertThat(portal.text()).contains("version 1", "Tuesdays and Thursdays");
    portal.check("journey-mou-draft");
    mou.propose(4, "Tuesdays, Wednesdays and Thursdays", "Our volunteers work on Wednesdays");
    assertThat(portal.text()).contains("Your amendment was sent");
    engine.awaitTasks("lena", accreditation, AccreditationProcess.Element.ANSWER_MOU_AMENDMENT);
    engine.complete(
        "lena",
        accreditation,
        AccreditationProcess.Element.ANSWER_MOU_AMENDMENT,
        Map.of(
            "answer",
            "COUNTER_PROPOSED",
            "counterProposal",
            "Tuesdays and Thursdays",
            "answerReasons",
            "Wednesdays are for family visits"));
    portal
        .browser()
        .await(
            "version 2, to agree to",
            d ->
                reopened(mou, accreditation).contains("version 2")
                    && !d.findElements(By.id("agree")).isEmpty());
    assertThat(portal.text()).contains("Wednesdays are for family visits");
    mou.agree();
    mou.openCountersignature();
    mou.countersign("Inês Journey");
    portal.awaitHeading("Memorandum of understanding");
    assertThat(portal.text()).contains("You countersigned the memorandum");
    portal.check("journey-mou-countersigned");
    engine.awaitTasks("martha", accreditation, AccreditationProcess.Element.SIGN_MOU);
    engine.complete(
        "martha", accreditation, AccreditationProcess.Element.SIGN_MOU, Map.of("mouSigned", true));
    portal.browser().await("active", d -> accreditationPage(accreditation).contains("Active"));

    // 5. It requests a visit in the facility's local time and acknowledges the notice per person.
    LocalDate day = LocalDate.now(LISBON).plusDays(5);
    while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
      day = day.plusDays(1);
    }
    portal.open("/portal");
    portal.awaitHeading(organisation);
    String visit =
        PortalVisits.requestVisit(
            portal,
            "journey-visit",
            facility,
            List.of("Ada Monitor", "Ben Doctor"),
            day,
            "10:00",
            "12:30",
            "Interviews with prisoners",
            List.of("Library", "Workshops"),
            List.of("Documents"));
    assertThat(portal.text()).contains("10:00 to 12:30 Europe/Lisbon");
    assertThat(
            engine
                .read(
                    rest.withBasicAuth(userId, Registrations.PASSWORD)
                        .getForObject("/api/v1/visits/" + visit, String.class))
                .get("windowStart")
                .asText())
        .isEqualTo(day.atTime(10, 0).atZone(LISBON).toInstant().toString());
    engine.awaitTasks("sam", visit, "Task_AssessVisitRisk");
    PortalVisits.schedule(engine, visit);
    portal.open("/portal/visits/" + visit);
    portal.awaitHeading("Visit VIS-");
    PortalVisits.acknowledge(portal, "Ada Monitor");
    PortalVisits.acknowledge(portal, "Ben Doctor");
    assertThat(portal.text()).doesNotContain("has read the search notice");
    portal.check("journey-visit-acknowledged");

    // 6. It submits a report with three recommendations and comments on the plan of action.
    PortalReports reports = new PortalReports(context, this::as);
    String report =
        reports.submit(
            portal,
            "Remand wing, December",
            facility,
            "The cells of the remand wing hold three people each.",
            List.of(
                new Recommendation("Paint the cells", "Living conditions", "URGENT", "LOW"),
                new Recommendation("Hire a second nurse", "Health care", "NON_URGENT", "HIGH"),
                new Recommendation("Open the library daily", "Education", "NON_URGENT", "MEDIUM")),
            () -> portal.check("journey-report-check"));
    assertThat(portal.text()).contains("Your report was submitted", "Review period");
    reports.respond(report);
    portal.open("/portal/reports/" + report + "/plan-of-action");
    portal.awaitHeading("Plan of action");
    assertThat(portal.text()).contains("Recommendation 3", "Accepted");
    reports.commentOnPlan(portal, report, 2, "A second nurse by the spring, please");
    assertThat(portal.text()).contains("A second nurse by the spring, please");
    portal.check("journey-plan-commented");
  }

  private String reopened(PortalMou mou, String accreditation) {
    try {
      mou.open(accreditation);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return portal.text();
  }

  private String accreditationPage(String accreditation) {
    portal.open("/portal/accreditations/" + accreditation);
    return portal.text();
  }

  private void type(String id, String text) {
    var field = portal.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
