package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalApplying;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.SampleFiles;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Applying for accreditation in headless Chromium, through the portal's pages only: the first page
 * refused empty, saved for later, resumed from the dashboard, each question answered, an executable
 * named {@code .pdf} refused, real files uploaded, the answers checked and submitted, and the
 * accreditation's page listing the documents. Then the liaison officer opens the completeness check
 * in Tasklist and finds the documents linked in its form; the link opens the document for her.
 * Every portal page is checked (axe-core WCAG 2.2 A/AA, 390 px, screenshots {@code
 * target/screenshots/portal-apply-*.png}).
 */
class PortalApplicationBrowserIT extends IntegrationTest {

  @Autowired TaskService taskService;

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
  void anOrganisationAppliesWithADraftAndDocumentsAndTheLiaisonOfficerOpensThem()
      throws IOException {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    Ngo ngo = fixtures.organisation("Browser Applying Watch", "NGO");
    Path files = Path.of("target", "portal-apply-files");
    PortalApplying applying = new PortalApplying(portal, files, true);
    WebDriver driver = browser.driver();

    portal.open("/portal");
    portal.signIn(ngo.user(), Fixtures.PASSWORD);
    portal.awaitHeading("Browser Applying Watch");
    assertThat(portal.text()).contains("Apply for accreditation");
    portal.check("portal-apply-dashboard");

    // the first page: refused empty, then saved for later
    portal.click("apply", By.linkText("Apply for accreditation"));
    portal.awaitHeading("Which facilities do you want to work in?");
    portal.click("continue", PortalApplying.continueButton());
    errorSummary();
    assertThat(driver.getTitle()).startsWith("Error: ");
    assertThat(
            driver.findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href"))
        .endsWith("#facilityIds");
    portal.check("portal-apply-facilities-error");
    applying.facilities("Central Prison");
    portal.click("save", PortalApplying.saveButton());
    portal.awaitHeading("Browser Applying Watch");
    assertThat(portal.text()).contains("Your application was saved", "Continue your application");
    portal.check("portal-apply-draft-saved");

    // resumed from the dashboard: the answer is still there
    portal.click("resume", By.xpath("//a[normalize-space()='Continue your application']"));
    portal.awaitHeading("Which facilities do you want to work in?");
    assertThat(
            driver
                .findElement(
                    By.xpath(
                        "//label[normalize-space()='Central Prison']/preceding-sibling::input"))
                .isSelected())
        .isTrue();
    portal.click("continue", PortalApplying.continueButton());
    applying.activity("Monthly monitoring of detention conditions", "24");
    portal.click("continue", PortalApplying.continueButton());
    applying.representatives("Ada Monitor", "Monitor", "Ben Doctor", "Medical doctor");
    portal.click("continue", PortalApplying.continueButton());

    // an executable named .pdf is refused, naming the field
    portal.awaitHeading("Upload your supporting documents");
    driver
        .findElement(By.id("statutes"))
        .sendKeys(
            SampleFiles.write(files, "statutes-virus.pdf", SampleFiles.executable())
                .toAbsolutePath()
                .toString());
    portal.click("upload", By.cssSelector("button[value='upload']"));
    errorSummary();
    assertThat(driver.findElement(By.id("statutes-error")).getText())
        .contains("Statutes must be a PDF, PNG or JPEG file");
    portal.check("portal-apply-documents-error");

    applying.documents();
    portal.click("continue", PortalApplying.continueButton());
    String accreditation = applying.submit();
    assertThat(portal.text())
        .contains(
            "Your application was submitted",
            "Supporting documents",
            "Statutes: statutes.pdf",
            "Registration certificate: registration.png",
            "Latest financial statement: accounts.jpg",
            "Reference: reference.pdf");
    portal.check("portal-apply-submitted");
    portal.open("/portal");
    portal.awaitHeading("Browser Applying Watch");
    assertThat(portal.text()).doesNotContain("Continue your application");

    // the liaison officer finds the documents in the completeness check's form, and opens one
    String task =
        new EngineTasks(this::as)
            .awaitTaskId(
                "lena", accreditation, AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    portal.signOut();
    browser.logIn(baseUrl(), "lena", "demo");
    browser.openAndClaim(baseUrl(), task);
    WebElement link =
        browser.await(
            "document link",
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//form//a[contains(normalize-space(), 'statutes.pdf')]")));
    assertThat(link.getText()).isEqualTo("Statutes: statutes.pdf (1 KB)");
    String href = link.getAttribute("href");
    assertThat(href).matches(".*/documents/[0-9a-f-]{36}$");
    assertThat(driver.findElements(By.xpath("//form//a[contains(@href, '/documents/')]")))
        .extracting(WebElement::getText)
        .hasSize(4)
        .anyMatch(text -> text.startsWith("Reference: reference.pdf"));
    browser.screenshot("tasklist-supporting-documents");

    browser.formLogIn(baseUrl() + "/sla/login", "lena", "demo");
    @SuppressWarnings("unchecked")
    List<Object> opened =
        (List<Object>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(function (r) { return r.arrayBuffer().then(function (b) {"
                        + "  done([r.status, r.headers.get('content-type'),"
                        + "    r.headers.get('content-disposition'), b.byteLength]); }); })"
                        + ".catch(function (e) { done(['failed: ' + e]); });",
                    href);
    assertThat(opened.get(0)).as("lena opens the document").isEqualTo(200L);
    assertThat(opened.get(1)).isEqualTo("application/pdf");
    assertThat((String) opened.get(2)).startsWith("attachment;").contains("statutes.pdf");
    assertThat(((Number) opened.get(3)).intValue()).isEqualTo(SampleFiles.pdf("Statutes").length);
  }

  private void errorSummary() throws IOException {
    browser.await(
        "error summary",
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
  }
}
