package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Uses Tasklist in a real headless Chromium, as a person would: the login form, then the filter
 * list.
 */
class TasklistBrowserIT extends IntegrationTest {

  private static final By FILTER_NAMES =
      By.cssSelector("[cam-tasklist-filters] .task-filter .name a");
  private static final By FILTER_COUNTER = By.cssSelector(".counter");

  private TasklistBrowser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = TasklistBrowser.start();
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void liaisonOfficerSeesHerGroupsQueueButNotTheDirectors() throws IOException {
    browser.logIn(baseUrl(), "lena", "demo");

    List<String> filters =
        browser.await("tasklist-lena", visibleFilterNamesContaining("NGO liaison officers queue"));
    browser.screenshot("tasklist-lena");

    assertThat(filters)
        .contains("NGO liaison officers queue", "My tasks")
        .doesNotContain("Directors queue");
  }

  @Test
  void ngoRepresentativeIsRefusedAtTheLoginForm() throws IOException {
    browser.logIn(baseUrl(), "john", "demo");

    WebElement error =
        browser.await(
            "tasklist-john",
            ExpectedConditions.visibilityOfElementLocated(TasklistBrowser.LOGIN_REFUSED));
    browser.screenshot("tasklist-john");

    assertThat(error.getText()).contains("Login Failed");
    assertThat(browser.driver().findElements(TasklistBrowser.LOGIN_FORM))
        .as("still on the login form")
        .isNotEmpty();
    assertThat(browser.driver().getCurrentUrl()).contains("/login");
    assertThat(browser.driver().findElements(FILTER_NAMES)).as("no filter list").isEmpty();
  }

  /** The names in the filter list, once they include {@code expected}. */
  private static ExpectedCondition<List<String>> visibleFilterNamesContaining(String expected) {
    return driver -> {
      List<String> names =
          driver.findElements(FILTER_NAMES).stream()
              .filter(WebElement::isDisplayed)
              .map(TasklistBrowserIT::filterName)
              .toList();
      return names.contains(expected) ? names : null;
    };
  }

  /** The link's text without the task count that Tasklist shows beside the focused filter. */
  private static String filterName(WebElement link) {
    String text = link.getText().trim();
    for (WebElement counter : link.findElements(FILTER_COUNTER)) {
      String count = counter.getText().trim();
      if (!count.isEmpty() && text.endsWith(count)) {
        text = text.substring(0, text.length() - count.length()).trim();
      }
    }
    return text;
  }
}
