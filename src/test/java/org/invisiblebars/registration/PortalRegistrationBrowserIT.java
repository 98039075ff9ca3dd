package org.invisiblebars.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.Registrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A new organisation registers itself in headless Chromium, through the portal's pages only (the
 * liaison officer's approval is done in the engine, as Tasklist does it): from the sign-in page to
 * the form (sent empty first, which the error summary refuses naming the fields), "check your
 * e-mail", the verification link and its confirmation, the activation link (a weak password
 * refused, then a good one), and signing in to its own dashboard. Every new page is scanned with
 * axe-core and checked at 390 px; screenshots land in {@code target/screenshots/register-*.png}.
 */
class PortalRegistrationBrowserIT extends IntegrationTest {

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
  void aNewOrganisationRegistersIsApprovedSetsItsPasswordAndSignsIn() throws IOException {
    String email = Registrations.newAddress("browser");
    String name = "Open Doors Monitors " + Long.toString(System.nanoTime(), 36);
    WebDriver driver = portal.driver();

    portal.open("/portal/sign-in");
    portal.awaitHeading("Sign in");
    portal.click("register", By.linkText("Register your organisation"));
    portal.awaitHeading("Register your organisation");
    portal.check("register-form");

    portal.click("send empty", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Register your organisation");
    assertThat(portal.text())
        .contains(
            "There is a problem",
            "Organisation name is required",
            "Country of registration is required",
            "E-mail address is required");
    assertThat(driver.getTitle()).startsWith("Error: Register your organisation");
    portal.check("register-form-errors");

    type(driver, "organisationName", name);
    type(driver, "country", "Ruritania");
    type(driver, "registrationNumber", "ASSOC-77");
    type(driver, "description", "We visit prisons and report on the conditions we find.");
    type(driver, "firstName", "Bea");
    type(driver, "lastName", "Browser");
    type(driver, "email", email);
    portal.click("send", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Check your e-mail");
    portal.check("register-sent");

    String verify = Registrations.token(Registrations.mail(email, "Confirm your e-mail address"));
    portal.open("/portal/register/verify?token=" + verify);
    portal.awaitHeading("Confirm your e-mail address");
    assertThat(portal.text()).contains(name);
    portal.check("register-verify");
    portal.click("confirm", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Your e-mail address is confirmed");
    portal.check("register-verified");

    portal.open("/portal/register/verify?token=" + verify);
    portal.awaitHeading("This link was already used");
    portal.check("register-link-used");

    String reference =
        Registrations.reference(Registrations.mail(email, "Confirm your e-mail address"));
    new Registrations(baseUrl(), this::as, rest)
        .decide(reference, Map.of("reviewDecision", "APPROVE"));
    GreenMailServer.Received approved = Registrations.mail(email, "The registration of");

    portal.open("/portal/account/activate?token=" + Registrations.token(approved));
    portal.awaitHeading("Set your password");
    String userId = driver.findElement(By.id("user-name")).getText();
    assertThat(approved.text()).contains("Your user name is " + userId + ".");
    portal.check("account-activate");
    type(driver, "password", "weak");
    type(driver, "confirmPassword", "weak");
    portal.click("set weak", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Set your password");
    assertThat(portal.text())
        .contains("There is a problem", "Password must be at least 10 characters long");
    portal.check("account-activate-errors");
    type(driver, "password", Registrations.PASSWORD);
    type(driver, "confirmPassword", Registrations.PASSWORD);
    portal.click("set", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Your password is set");
    portal.check("account-activated");

    portal.click("sign in", By.linkText("Sign in"));
    portal.signIn(userId, Registrations.PASSWORD);
    portal.awaitHeading(name);
    assertThat(portal.text()).contains("Signed in as " + userId + " for " + name);
  }

  private static void type(WebDriver driver, String id, String text) {
    var field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
