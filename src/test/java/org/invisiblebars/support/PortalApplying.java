package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Applying for accreditation through the portal's pages, as an organisation's user does, for the
 * browser tests (the end-to-end journey too): from the dashboard, each question page, the documents
 * (small real files written to {@code folder}), the check page and submit. With {@code check},
 * every page is also checked ({@link PortalBrowser#check}: screenshot, axe-core, 390 px) under
 * {@code portal-apply-*}.
 */
public final class PortalApplying {

  private final PortalBrowser portal;
  private final Path folder;
  private final boolean check;

  public PortalApplying(PortalBrowser portal, Path folder, boolean check) {
    this.portal = portal;
    this.folder = folder;
    this.check = check;
  }

  /**
   * Applies from the dashboard of a signed-in organisation for {@code facilityName}, with two
   * representatives and the three required documents and a reference; returns the new
   * accreditation's id (its page is shown).
   */
  public String apply(String facilityName, String activity) throws IOException {
    portal.click("apply", By.linkText("Apply for accreditation"));
    facilities(facilityName);
    portal.click("continue", continueButton());
    activity(activity, "24");
    portal.click("continue", continueButton());
    representatives("Ada Monitor", "Monitor", "Ben Doctor", "Medical doctor");
    portal.click("continue", continueButton());
    documents();
    portal.click("continue", continueButton());
    return submit();
  }

  /** On the facilities page: ticks the facility. */
  public void facilities(String facilityName) throws IOException {
    portal.awaitHeading("Which facilities do you want to work in?");
    check("portal-apply-facilities");
    WebDriver driver = portal.driver();
    By label = By.xpath("//label[normalize-space()='" + facilityName + "']");
    WebElement box = driver.findElement(By.id(driver.findElement(label).getAttribute("for")));
    if (!box.isSelected()) {
      // the design system's checkbox is drawn over the input, which a person never clicks
      portal.click("facility " + facilityName, label);
    }
  }

  /** On the activity page: the programme (monitoring), the activity and months of funding. */
  public void activity(String activity, String months) throws IOException {
    portal.awaitHeading("What will your organisation do?");
    check("portal-apply-activity");
    WebDriver driver = portal.driver();
    portal.click("programme", By.cssSelector("label[for='programmeType']"));
    type(driver, "proposedActivity", activity);
    type(driver, "sustainabilityMonths", months);
  }

  /** On the representatives page: names and roles in the first rows. */
  public void representatives(String... namesAndRoles) throws IOException {
    portal.awaitHeading("Who will represent your organisation?");
    check("portal-apply-representatives");
    WebDriver driver = portal.driver();
    for (int i = 0; i < namesAndRoles.length / 2; i++) {
      type(driver, "representatives-" + i + "-fullName", namesAndRoles[2 * i]);
      type(driver, "representatives-" + i + "-role", namesAndRoles[2 * i + 1]);
    }
  }

  /** On the documents page: chooses the three required files and a reference. */
  public void documents() throws IOException {
    portal.awaitHeading("Upload your supporting documents");
    check("portal-apply-documents");
    WebDriver driver = portal.driver();
    choose(
        driver, "statutes", SampleFiles.write(folder, "statutes.pdf", SampleFiles.pdf("Statutes")));
    choose(
        driver,
        "registrationCertificate",
        SampleFiles.write(folder, "registration.png", SampleFiles.png()));
    choose(
        driver,
        "financialStatement",
        SampleFiles.write(folder, "accounts.jpg", SampleFiles.jpeg()));
    choose(
        driver,
        "reference",
        SampleFiles.write(folder, "reference.pdf", SampleFiles.pdf("A reference")));
  }

  /** On the check page: submits; returns the accreditation's id from its page's address. */
  public String submit() throws IOException {
    portal.awaitHeading("Check your answers before you apply");
    assertThat(portal.text()).contains("statutes.pdf", "registration.png", "accounts.jpg");
    check("portal-apply-check");
    portal.click("submit", By.xpath("//button[normalize-space()='Submit application']"));
    portal.awaitHeading("Accreditation ACC-");
    portal
        .browser()
        .await(
            "submitted",
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-notification-banner--success")));
    String url = portal.driver().getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  public static By continueButton() {
    return By.cssSelector("button[value='continue']");
  }

  public static By saveButton() {
    return By.cssSelector("button[value='save']");
  }

  private void check(String name) throws IOException {
    if (check) {
      portal.check(name);
    }
  }

  private static void type(WebDriver driver, String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private static void choose(WebDriver driver, String id, Path file) {
    driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }
}
