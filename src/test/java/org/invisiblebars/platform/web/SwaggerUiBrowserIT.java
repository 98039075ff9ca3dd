package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Swagger UI in a real headless Chromium, under the application's Content-Security-Policy: it loads
 * the description and shows our operations, an operation opens with its example body and problem
 * answers, and the browser reports no violation of the policy (checked when the browser closes).
 */
class SwaggerUiBrowserIT extends IntegrationTest {

  private static final By OPERATIONS = By.cssSelector(".opblock");
  private static final By APPLY =
      By.cssSelector("#operations-Accreditations-postAccreditations .opblock-summary-control");
  private static final By EXAMPLE =
      By.cssSelector(
          "#operations-Accreditations-postAccreditations .body-param__example, "
              + "#operations-Accreditations-postAccreditations .microlight");

  private TasklistBrowser browser;

  @BeforeEach
  void setUp() throws IOException {
    browser = TasklistBrowser.start();
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anyoneReadsTheDescriptionInSwaggerUi() throws IOException {
    browser.driver().get(baseUrl() + "/swagger-ui.html");

    browser.await(
        "the operations", ExpectedConditions.numberOfElementsToBeMoreThan(OPERATIONS, 50));
    browser.click("Apply for accreditation", APPLY);
    browser.await("the example body", ExpectedConditions.visibilityOfElementLocated(EXAMPLE));
    browser.screenshot("swagger-ui");

    assertThat(browser.driver().getPageSource())
        .contains("Apply for accreditation")
        .contains("Roles: ngo.")
        .contains("Monthly monitoring visits of the remand wing")
        .doesNotContain("/engine-rest");
  }
}
