package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Cockpit and Admin in a real headless Chromium under the production settings: the web
 * applications' own Content-Security-Policy, Secure SameSite session cookies and the engine's query
 * limit. Their lists page, so they work; {@link TasklistBrowser#close()} fails the test on any
 * Content-Security-Policy violation the browser reports.
 */
class CamundaWebappsBrowserIT extends IntegrationTest {

  @Test
  void aManagerSeesTheProcessesInCockpit() throws IOException {
    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "cockpit", "maria", "demo");
      browser.await("cockpit-maria", ExpectedConditions.urlContains("#/dashboard"));
      browser.driver().get(baseUrl() + "/camunda/app/cockpit/default/#/processes");

      browser.await("cockpit-processes", ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//a[normalize-space()='Entry authorisation']")));
      browser.screenshot("cockpit-maria");
      assertThat(browser.driver().getPageSource()).contains("NGO accreditation");
    }
  }

  @Test
  void anAdministratorSeesTheUsersInAdmin() throws IOException {
    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "admin", "admin", "demo");
      browser.driver().get(baseUrl() + "/camunda/app/admin/default/#/users");

      browser.await("admin-users", ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//td[contains(normalize-space(), 'lena')]")));
      browser.screenshot("admin-users");
      assertThat(browser.driver().getPageSource()).contains("Liaison");
    }
  }
}
