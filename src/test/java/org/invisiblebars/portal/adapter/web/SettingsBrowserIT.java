package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The settings pages in headless Chromium: an NGO user finds them from the portal's header, chooses
 * French and switches the week-ahead reminders off, and the page is then in French; a staff member
 * opens {@code /sla/settings} through the sign-in form and chooses Spanish and the daily digest.
 * Each page is checked (axe-core WCAG 2.2 A/AA, 390 px, screenshot {@code settings-*.png}).
 */
class SettingsBrowserIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired UserPreferences preferences;

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
  void anNgoUserChoosesFrenchAndSwitchesTheWeekAheadRemindersOff() throws IOException {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    Ngo ngo = fixtures.applied("Settings Watch", fixtures.facility("Central Prison"));

    portal.open("/portal");
    portal.signIn(ngo.user(), Fixtures.PASSWORD);
    portal.awaitHeading("Settings Watch");
    portal.click("settings link", By.linkText("Your settings"));
    portal.awaitHeading("Your settings");
    assertThat(portal.text()).contains("What you always receive", "search notice");
    portal.check("settings-portal");

    portal.click("French", By.cssSelector("label[for='language-fr']"));
    portal.click("reminders off", By.cssSelector("label[for='notices-off']"));
    portal.click("save", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Vos paramètres");
    assertThat(portal.text()).contains("Vos paramètres sont enregistrés.");
    portal.check("settings-portal-fr");

    UserPreferences.Preference chosen = preferences.of(ngo.user());
    assertThat(chosen.language()).isEqualTo(Locale.FRENCH);
    assertThat(chosen.optionalNotices()).isFalse();
    assertThat(portal.driver().findElement(By.id("language-fr")).isSelected()).isTrue();
  }

  @Test
  void aStaffMemberChoosesSpanishAndTheDailyDigest() throws IOException {
    String userId = "settings" + RUN;
    User user = identityService.newUser(userId);
    user.setFirstName("Sofia");
    user.setLastName("Settings");
    user.setEmail(userId + "@prison.example");
    user.setPassword(Fixtures.PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, "manager");

    portal.browser().formLogIn(baseUrl() + "/sla/settings", userId, Fixtures.PASSWORD);
    portal.awaitHeading("Your settings");
    portal.check("settings-staff");

    portal.click("Spanish", By.cssSelector("label[for='language-es']"));
    portal.click("daily digest", By.cssSelector("label[for='digest-daily']"));
    portal.click("save", By.cssSelector("main form button[type='submit']"));
    portal
        .browser()
        .await(
            "saved",
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".govuk-notification-banner--success")));
    portal.awaitHeading("Su configuración");
    portal.check("settings-staff-es");

    UserPreferences.Preference chosen = preferences.of(userId);
    assertThat(chosen.language()).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(chosen.digest()).isEqualTo(Digest.DAILY);
  }
}
